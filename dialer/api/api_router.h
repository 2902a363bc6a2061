// The API's routes: each is a method, a path pattern ("/api/campaigns/{id}/start"), the
// permission it needs and its handler. handle() authenticates the token, checks the permission
// (401 without a valid session, 403 without the permission) and calls the handler. Runs on the
// engine thread; no I/O of its own.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "dialer/api/access_control.h"
#include "dialer/api/api_backend.h"
#include "dialer/api/api_types.h"

namespace dialer::api {

// Route permissions besides the named ones: anyone, or any logged-in user.
inline constexpr const char* kPublic = "public";
inline constexpr const char* kAnyUser = "authenticated";

struct Route {
  std::string method;
  std::string pattern;
  std::string permission;
  std::string summary;
  std::function<ApiResponse(const ApiRequest&)> handler;
};

class ApiRouter {
 public:
  ApiRouter(ApiBackend& backend, AccessControl& access);

  ApiResponse handle(ApiRequest request);
  // The principal behind a token (the WebSocket upgrade uses it).
  std::optional<Principal> authenticate(const std::string& token);

  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }
  // True when some route serves this path (any method): 405 rather than 404 for the others.
  [[nodiscard]] bool knows_path(const std::string& path) const;

 private:
  void add(std::string method, std::string pattern, std::string permission, std::string summary,
           std::function<ApiResponse(const ApiRequest&)> handler);
  void add_session_routes();
  void add_agent_routes();
  void add_supervisor_routes();
  void add_campaign_routes();
  void add_dnc_routes();
  void add_metrics_route();

  ApiBackend& backend_;
  AccessControl& access_;
  std::vector<Route> routes_;
};

// Matches "/api/campaigns/7/start" against "/api/campaigns/{id}/start", filling params.
bool match_path(const std::string& pattern, const std::string& path,
                std::map<std::string, std::string>& params);

}  // namespace dialer::api
