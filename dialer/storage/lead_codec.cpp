#include "dialer/storage/lead_codec.h"

#include <nlohmann/json.hpp>

namespace dialer::storage_detail {
namespace {

// Hand-written encoder: the import path writes two JSON columns per row, a million rows at a
// time, and building nlohmann values for each would dominate the insert cost.
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20) {
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xf]);
    } else {
      out.push_back(c);  // UTF-8 passes through unchanged
    }
  }
  out.push_back('"');
}

Error json_error(std::string_view column, const std::string& what) {
  return Error{ErrorCode::internal, "leads." + std::string(column) + " is not valid JSON: " + what};
}

}  // namespace

void append_json_list(std::string& out, const std::vector<std::string>& items) {
  out.push_back('[');
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, items[i]);
  }
  out.push_back(']');
}

void append_json_fields(std::string& out,
                        const std::vector<std::pair<std::string, std::string>>& fields) {
  out.push_back('{');
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_json_string(out, fields[i].first);
    out.push_back(':');
    append_json_string(out, fields[i].second);
  }
  out.push_back('}');
}

Result<std::vector<std::string>> decode_json_list(std::string_view json) {
  if (json == "[]") return std::vector<std::string>{};
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_array()) return json_error("alt_phones", "not an array");
  std::vector<std::string> out;
  out.reserve(parsed.size());
  for (const auto& item : parsed) {
    if (!item.is_string()) return json_error("alt_phones", "item is not a string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> decode_json_fields(std::string_view json) {
  std::vector<std::pair<std::string, std::string>> out;
  if (json == "{}") return out;
  // ordered_json keeps the columns in the order the CSV had them.
  const auto parsed = nlohmann::ordered_json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return json_error("custom_fields", "not an object");
  }
  out.reserve(parsed.size());
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string())
      return json_error("custom_fields", "value of '" + key + "' is not a string");
    out.emplace_back(key, value.get<std::string>());
  }
  return out;
}

std::string lead_placeholders() {
  std::string out = "(";
  for (int i = 0; i < kLeadColumnCount; ++i) out += i == 0 ? "?" : ", ?";
  out += ")";
  return out;
}

}  // namespace dialer::storage_detail
