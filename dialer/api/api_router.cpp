#include "dialer/api/api_router.h"

#include <nlohmann/json.hpp>

namespace dialer::api {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

bool match_path(const std::string& pattern, const std::string& path,
                std::map<std::string, std::string>& params) {
  const auto want = segments(pattern);
  const auto got = segments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const auto& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      if (got[i].empty()) return false;
      found[w.substr(1, w.size() - 2)] = got[i];
    } else if (w != got[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

ApiRouter::ApiRouter(ApiBackend& backend, AccessControl& access)
    : backend_(backend), access_(access) {
  add_session_routes();
  add_agent_routes();
  add_supervisor_routes();
  add_campaign_routes();
  add_dnc_routes();
  add_metrics_route();
}

void ApiRouter::add(std::string method, std::string pattern, std::string permission,
                    std::string summary, std::function<ApiResponse(const ApiRequest&)> handler) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(permission),
                     std::move(summary), std::move(handler)});
}

std::optional<Principal> ApiRouter::authenticate(const std::string& token) {
  if (token.empty()) return std::nullopt;
  return access_.authenticate(token, backend_.now());
}

bool ApiRouter::knows_path(const std::string& path) const {
  std::map<std::string, std::string> ignored;
  for (const auto& r : routes_) {
    if (match_path(r.pattern, path, ignored)) return true;
  }
  return false;
}

ApiResponse ApiRouter::handle(ApiRequest request) {
  const Route* route = nullptr;
  for (const auto& r : routes_) {
    if (r.method == request.method && match_path(r.pattern, request.path, request.params)) {
      route = &r;
      break;
    }
  }
  if (route == nullptr) {
    if (knows_path(request.path)) {
      return error_response(405, request.method + " is not allowed on " + request.path);
    }
    return error_response(404, "no such route: " + request.path);
  }
  if (route->permission != kPublic) {
    request.principal = authenticate(request.token);
    if (!request.principal) {
      auto r = error_response(401, "log in first: a valid session token is required");
      r.headers["WWW-Authenticate"] = "Bearer";
      return r;
    }
    if (route->permission != kAnyUser && !access_.allowed(*request.principal, route->permission)) {
      return error_response(403, "role '" + std::string(auth::to_string(request.principal->role)) + "' may not use " +
                                     request.method + " " + route->pattern);
    }
  }
  return route->handler(request);
}

}  // namespace dialer::api
