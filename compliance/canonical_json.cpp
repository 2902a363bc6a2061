#include "compliance/canonical_json.h"

#include <date/date.h>

#include <charconv>

namespace dialer::compliance {

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_digits(std::string& out, int value, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}

}  // namespace

void append_utc(std::string& out, TimePoint t) {
  // Same text as format_utc(), without snprintf: this runs for every timestamp of every record.
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  auto ms = (t - day).count();
  const int h = static_cast<int>(ms / 3'600'000);
  ms %= 3'600'000;
  const int m = static_cast<int>(ms / 60'000);
  ms %= 60'000;
  append_digits(out, static_cast<int>(ymd.year()), 4);
  out.push_back('-');
  append_digits(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out.push_back('-');
  append_digits(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  out.push_back('T');
  append_digits(out, h, 2);
  out.push_back(':');
  append_digits(out, m, 2);
  out.push_back(':');
  append_digits(out, static_cast<int>(ms / 1000), 2);
  out.push_back('.');
  append_digits(out, static_cast<int>(ms % 1000), 3);
  out.push_back('Z');
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of characters copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!needs_escape(c)) continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.substr(run));
  out.push_back('"');
}

void JsonObjectWriter::key(std::string_view k) {
  if (!first_) out_.push_back(',');
  first_ = false;
  append_json_string(out_, k);
  out_.push_back(':');
}

void JsonObjectWriter::time(TimePoint t) {
  out_.push_back('"');
  append_utc(out_, t);
  out_.push_back('"');
}

void JsonObjectWriter::integer(std::int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out_.append(buf, static_cast<std::size_t>(end - buf));
}

void JsonObjectWriter::text_list(const std::vector<std::string>& v) {
  out_.push_back('[');
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out_.push_back(',');
    append_json_string(out_, v[i]);
  }
  out_.push_back(']');
}

}  // namespace dialer::compliance
