// The API's routes through the router: sessions, every role against every route, bad input,
// and what each handler asks of the dialer.
#include <set>

#include "api_fixture.h"
#include "dialer/api/auth/permission.h"

namespace dialer::api::testing {
namespace {

// A body each route accepts, so that a refusal can only come from access control.
std::string valid_body(const Route& r) {
  if (r.pattern == "/api/login") return R"({"username":"nobody","password":"x"})";
  if (r.pattern == "/api/agent/disposition") return R"({"code":"SALE"})";
  if (r.pattern == "/api/agent/pause") return R"({"reason":"lunch"})";
  if (r.pattern == "/api/dnc") return R"({"phone":"+12125550100"})";
  if (r.pattern == "/api/campaigns/{id}/leads") return "phone\n2125550100\n";
  return {};
}

std::string concrete(const std::string& pattern) {
  std::string p = pattern;
  for (const auto& [param, value] : {std::pair{"{id}", "7"}, {"{phone}", "+12125550100"}}) {
    if (auto at = p.find(param); at != std::string::npos) p.replace(at, std::string(param).size(), value);
  }
  return p;
}

TEST_F(ApiFixture, EveryRoleAgainstEveryRouteFollowsThePermissionTable) {
  std::map<auth::Role, std::string> tokens;
  for (auto role : auth::kAllRoles) tokens[role] = login(std::string(auth::to_string(role)) + "1");
  int checked = 0;
  for (const auto& route : router_.routes()) {
    if (route.pattern == "/api/logout") continue;  // ends the session the loop goes on with
    for (auto role : auth::kAllRoles) {
      bool expected = true;
      if (route.permission != kPublic && route.permission != kAnyUser) {
        auto permission = auth::permission_from_string(route.permission);
        ASSERT_TRUE(permission) << route.pattern << " names an unknown permission "
                                << route.permission;
        expected = auth::allowed(role, *permission);
      }
      const auto r = call(route.method, concrete(route.pattern), tokens[role], valid_body(route));
      const bool refused = r.status == 403;
      EXPECT_EQ(!refused, expected) << auth::to_string(role) << " " << route.method << " "
                                    << route.pattern << " -> " << r.status << " " << r.body;
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>((router_.routes().size() - 1) * auth::kAllRoles.size()));
}

TEST_F(ApiFixture, PinnedRefusalsOfTheMatrix) {
  const auto agent = login("agent1");
  const auto compliance = login("compliance1");
  const auto supervisor = login("supervisor1");
  EXPECT_EQ(call("GET", "/api/status", agent).status, 403);
  EXPECT_EQ(call("POST", "/api/campaigns/7/leads", compliance, "phone\n").status, 403);
  EXPECT_EQ(call("POST", "/api/campaigns/7/pause", supervisor).status, 403);
  EXPECT_EQ(call("POST", "/api/agent/disposition", supervisor, R"({"code":"SALE"})").status, 403);
  EXPECT_EQ(call("GET", "/api/status", supervisor).status, 200);
}

TEST_F(ApiFixture, EveryProtectedRouteNeedsAValidToken) {
  for (const auto& route : router_.routes()) {
    if (route.permission == kPublic) continue;
    for (const std::string token : {"", "not-a-token"}) {
      const auto r = call(route.method, concrete(route.pattern), token, valid_body(route));
      EXPECT_EQ(r.status, 401) << route.method << " " << route.pattern;
    }
  }
}

TEST_F(ApiFixture, LogoutEndsTheSession) {
  const auto token = login("manager1");
  EXPECT_EQ(call("GET", "/api/me", token).status, 200);
  EXPECT_EQ(call("POST", "/api/logout", token).status, 200);
  EXPECT_EQ(call("GET", "/api/me", token).status, 401);
}

TEST_F(ApiFixture, WrongPasswordIs401AndRepeatedFailuresAre429) {
  const std::string bad = R"({"username":"agent1","password":"wrong"})";
  EXPECT_EQ(call("POST", "/api/login", "", bad).status, 401);
  int last = 0;
  for (int i = 0; i < 6; ++i) last = call("POST", "/api/login", "", bad).status;
  EXPECT_EQ(last, 429);
}

TEST_F(ApiFixture, BadBodiesNameTheFieldAndApplyNothing) {
  const auto agent = login("agent1");
  auto r = call("POST", "/api/agent/disposition", agent, "{not json");
  EXPECT_EQ(r.status, 400);
  r = call("POST", "/api/agent/disposition", agent, R"({"code":"SALE","colour":"red"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["error"]["field"], "colour");
  r = call("POST", "/api/agent/disposition", agent, R"({"code":7})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["error"]["field"], "code");
  r = call("POST", "/api/agent/disposition", agent, R"({})");
  EXPECT_EQ(body(r)["error"]["field"], "code");
  r = call("POST", "/api/agent/disposition", agent, R"(["SALE"])");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(backend_.calls.empty()) << backend_.calls.front();
  r = call("POST", "/api/agent/disposition", agent, R"({"code":"SAEL"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body(r)["error"]["field"], "code");
}

TEST_F(ApiFixture, AgentRoutesActOnTheSessionsOwnAgent) {
  const auto agent = login("agent1");
  EXPECT_EQ(call("POST", "/api/agent/ready", agent).status, 200);
  EXPECT_EQ(call("POST", "/api/agent/pause", agent, R"({"reason":"lunch"})").status, 200);
  EXPECT_EQ(call("POST", "/api/agent/disposition", agent, R"({"code":"SALE"})").status, 200);
  EXPECT_EQ(backend_.calls,
            (std::vector<std::string>{"ready 1001", "pause 1001 lunch", "disposition 1001 SALE"}));
  const auto me = body(call("GET", "/api/agent", agent));
  EXPECT_EQ(me["agent"], "1001");
  EXPECT_EQ(me["state"], "paused");
}

TEST_F(ApiFixture, CampaignsAreScopedToTheTenant) {
  backend_.campaigns_[0].tenant = "other";
  const auto manager = login("manager1");  // tenant acme
  EXPECT_TRUE(body(call("GET", "/api/campaigns", manager))["campaigns"].empty());
  EXPECT_EQ(call("POST", "/api/campaigns/7/pause", manager).status, 404);
  const auto admin = login("admin1");  // tenant *
  EXPECT_EQ(body(call("GET", "/api/campaigns", admin))["campaigns"].size(), 1u);
  EXPECT_EQ(call("POST", "/api/campaigns/7/pause", admin).status, 200);
  EXPECT_EQ(backend_.calls, std::vector<std::string>{"pause 7"});
}

TEST_F(ApiFixture, UploadReturnsTheImportReportWithBadLines) {
  const auto manager = login("manager1");
  auto r = call("POST", "/api/campaigns/7/leads?list=spring", manager, "phone\n2125550100\n555\n");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(body(r)["errors"][0]["line"], 3);
  EXPECT_EQ(body(r)["handed_to_dialer"], 1);
  EXPECT_EQ(backend_.calls.back(), "upload spring 21");
  EXPECT_EQ(call("POST", "/api/campaigns/x/leads", manager, "phone\n").status, 400);
  EXPECT_EQ(call("POST", "/api/campaigns/7/leads", manager, "").status, 400);
}

TEST_F(ApiFixture, UnknownPathsAre404AndWrongMethods405) {
  EXPECT_EQ(call("GET", "/api/nothing", "").status, 404);
  EXPECT_EQ(call("DELETE", "/api/agent", "").status, 405);
}

TEST_F(ApiFixture, MetricsNeedThePermissionAndAreTextFormat) {
  EXPECT_EQ(call("GET", "/metrics", "").status, 401);
  const auto r = call("GET", "/metrics", login("supervisor1"));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.content_type.find("text/plain"), std::string::npos);
  EXPECT_NE(r.body.find("dialer_calls_total{campaign=\"spring\",tenant=\"acme\",outcome=\"dialed\"} 12"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("# TYPE dialer_sip_failures_total counter"), std::string::npos);
  EXPECT_NE(r.body.find("dialer_dispositions_total{campaign=\"spring\",tenant=\"acme\",code=\"SALE\"} 2"),
            std::string::npos);
}

}  // namespace
}  // namespace dialer::api::testing
