#include "dialer/api/json_body.h"

#include <algorithm>
#include <cstring>

namespace dialer::api {

ApiResponse error_response(int status, const std::string& message, const std::string& field) {
  nlohmann::json e = {{"status", status}, {"message", message}};
  if (!field.empty()) e["field"] = field;
  return json_response(status, nlohmann::json{{"error", e}}.dump());
}

ApiResponse json_response(int status, const std::string& json_text) {
  ApiResponse r;
  r.status = status;
  r.body = json_text;
  return r;
}

JsonBody::JsonBody(const std::string& text, std::initializer_list<const char*> known) {
  json_ = nlohmann::json::parse(text, nullptr, false);
  if (json_.is_discarded()) {
    fail("", "the body is not valid JSON");
    return;
  }
  if (!json_.is_object()) {
    fail("", "the body must be a JSON object");
    return;
  }
  for (const auto& item : json_.items()) {
    const bool is_known = std::any_of(known.begin(), known.end(),
                                      [&](const char* k) { return item.key() == k; });
    if (!is_known) {
      fail(item.key(), "unknown field '" + item.key() + "'");
      return;
    }
  }
}

void JsonBody::fail(const std::string& field, const std::string& message) {
  if (!error_) error_ = error_response(400, message, field);
}

std::optional<std::string> JsonBody::optional_text(const char* key) {
  if (error_ || !json_.contains(key) || json_[key].is_null()) return std::nullopt;
  const auto& v = json_[key];
  if (!v.is_string()) {
    fail(key, std::string("'") + key + "' must be a string");
    return std::nullopt;
  }
  auto s = v.get<std::string>();
  if (s.size() > 4096) {
    fail(key, std::string("'") + key + "' is longer than 4096 characters");
    return std::nullopt;
  }
  return s;
}

std::string JsonBody::text(const char* key) {
  if (error_) return {};
  if (!json_.contains(key)) {
    fail(key, std::string("'") + key + "' is required");
    return {};
  }
  auto s = optional_text(key);
  if (!error_ && (!s || s->empty())) fail(key, std::string("'") + key + "' must not be empty");
  return s.value_or("");
}

}  // namespace dialer::api
