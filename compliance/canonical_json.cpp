#include "compliance/canonical_json.h"

namespace dialer::compliance {

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
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
  out_.append(format_utc(t));
  out_.push_back('"');
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
