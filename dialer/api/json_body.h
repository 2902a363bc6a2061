// Reads a JSON request body strictly: it must be an object, every key must be known, and each
// field must have its type. Every problem names the field, so the client can show it.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "dialer/api/api_types.h"

namespace dialer::api {

class JsonBody {
 public:
  // Parses `text`; `known` lists every accepted key.
  JsonBody(const std::string& text, std::initializer_list<const char*> known);

  // Required and optional text fields. Wrong types and missing required fields set the error.
  std::string text(const char* key);
  std::optional<std::string> optional_text(const char* key);

  // The first problem met, as a 400 (or 415/422) response; nothing when the body is good.
  [[nodiscard]] const std::optional<ApiResponse>& error() const { return error_; }

 private:
  void fail(const std::string& field, const std::string& message);
  nlohmann::json json_;
  std::optional<ApiResponse> error_;
};

}  // namespace dialer::api
