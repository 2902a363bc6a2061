#include "compliance/canonical_json.h"

#include <date/date.h>

#include <algorithm>
#include <charconv>

namespace dialer::compliance {

namespace {

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void put_digits(char* buf, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

void append_utc(std::string& out, TimePoint t) {
  // Same text as format_utc(), without snprintf and with one append: this runs for every
  // timestamp of every exported record.
  const auto day = date::floor<date::days>(t);
  // Records of one export share few days: the date text is converted once per day.
  thread_local date::sys_days cached_day{date::days{-1'000'000}};
  thread_local char cached_date[10];
  if (day != cached_day) {
    const date::year_month_day ymd{day};
    put_digits(cached_date, static_cast<int>(ymd.year()), 4);
    cached_date[4] = '-';
    put_digits(cached_date + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
    cached_date[7] = '-';
    put_digits(cached_date + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
    cached_day = day;
  }
  auto ms = (t - day).count();
  const int h = static_cast<int>(ms / 3'600'000);
  ms %= 3'600'000;
  const int m = static_cast<int>(ms / 60'000);
  ms %= 60'000;
  char buf[24];
  std::copy(cached_date, cached_date + 10, buf);
  buf[10] = 'T';
  put_digits(buf + 11, h, 2);
  buf[13] = ':';
  put_digits(buf + 14, m, 2);
  buf[16] = ':';
  put_digits(buf + 17, static_cast<int>(ms / 1000), 2);
  buf[19] = '.';
  put_digits(buf + 20, static_cast<int>(ms % 1000), 3);
  buf[23] = 'Z';
  out.append(buf, sizeof buf);
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t first = 0;
  while (first < s.size() && !needs_escape(static_cast<unsigned char>(s[first]))) ++first;
  if (first == s.size()) {  // the common case: nothing to escape, one copy
    const std::size_t at = out.size();
    out.resize(at + s.size() + 2);
    out[at] = '"';
    s.copy(out.data() + at + 1, s.size());
    out[at + s.size() + 1] = '"';
    return;
  }
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

void JsonObjectWriter::encoded_key(std::string_view comma_key_colon) {
  // The caller passes `,"key":`; the first key of the object drops the comma.
  out_.append(first_ ? comma_key_colon.substr(1) : comma_key_colon);
  first_ = false;
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
