// The HTTP API's request and response values, independent of the HTTP library: routes and their
// handlers are plain functions over these, testable without a socket.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "dialer/api/auth/user.h"

namespace dialer::api {

// Who is calling: filled from a valid session token.
using Principal = auth::Principal;

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {id}
  std::string body;
  std::string content_type;
  std::string token;   // from "Authorization: Bearer ..." or the "token" query parameter
  std::string client;  // peer address, for login rate limiting
  std::optional<Principal> principal;
};

struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
};

// {"error":{"status":400,"field":"code","message":"..."}}; field omitted when empty.
ApiResponse error_response(int status, const std::string& message, const std::string& field = {});
ApiResponse json_response(int status, const std::string& json_text);

}  // namespace dialer::api
