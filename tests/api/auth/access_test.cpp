// Ownership (an agent acts only on its own calls and leads) and tenant scope (a user sees its
// own tenant; only an admin of tenant "*" sees them all).
#include "dialer/api/auth/access.h"

#include <gtest/gtest.h>

namespace dialer::auth {
namespace {

Principal principal(Role role, std::string tenant, std::optional<std::string> sip = {}) {
  return Principal{UserId{1}, "u", role, std::move(tenant), std::move(sip)};
}

TEST(AccessTest, AnAgentActsOnlyOnItsOwnCalls) {
  const auto agent = principal(Role::agent, "acme", "agent1001");
  EXPECT_TRUE(may_act_on_call(agent, "agent1001"));
  EXPECT_FALSE(may_act_on_call(agent, "agent1002"));
  EXPECT_FALSE(may_act_on_call(agent, ""));
  EXPECT_FALSE(may_act_on_call(agent, "AGENT1001"));
  EXPECT_TRUE(may_act_on_lead(agent, "agent1001"));
  EXPECT_FALSE(may_act_on_lead(agent, "agent1002"));
}

TEST(AccessTest, AnAgentWithoutAPhoneActsOnNoCall) {
  const auto agent = principal(Role::agent, "acme");
  EXPECT_FALSE(may_act_on_call(agent, "agent1001"));
  EXPECT_FALSE(may_act_on_call(agent, ""));
}

TEST(AccessTest, RolesThatSeeAllCallsMayActOnAnyCallOthersOnNone) {
  for (Role r : {Role::admin, Role::manager, Role::supervisor}) {
    EXPECT_TRUE(may_act_on_call(principal(r, "acme"), "agent1001")) << to_string(r);
    EXPECT_TRUE(may_act_on_call(principal(r, "acme"), "")) << to_string(r);
  }
  EXPECT_FALSE(may_act_on_call(principal(Role::compliance, "acme"), "agent1001"));
}

TEST(AccessTest, UsersSeeOnlyTheirOwnTenant) {
  for (Role r : kAllRoles) {
    const auto p = principal(r, "acme");
    EXPECT_TRUE(may_see_tenant(p, "acme")) << to_string(r);
    EXPECT_FALSE(may_see_tenant(p, "globex")) << to_string(r);
    EXPECT_FALSE(may_see_tenant(p, "*")) << to_string(r);
    EXPECT_FALSE(may_see_tenant(p, "")) << to_string(r);
  }
}

TEST(AccessTest, OnlyAnAdminOfTenantStarSeesEveryTenant) {
  EXPECT_TRUE(may_see_tenant(principal(Role::admin, "*"), "acme"));
  EXPECT_TRUE(may_see_tenant(principal(Role::admin, "*"), "globex"));
  EXPECT_FALSE(may_see_tenant(principal(Role::admin, "acme"), "globex"));
  // A non-admin with "*" (refused by validate_user, but never trusted here either).
  EXPECT_FALSE(may_see_tenant(principal(Role::manager, "*"), "acme"));
  EXPECT_FALSE(may_see_tenant(principal(Role::manager, "*"), "*"));
}

TEST(AccessTest, AuthorizeNeedsThePermissionAndTheTenant) {
  const auto manager = principal(Role::manager, "acme");
  EXPECT_TRUE(authorize(manager, Permission::campaigns_write, "acme"));
  EXPECT_FALSE(authorize(manager, Permission::campaigns_write, "globex"));
  EXPECT_FALSE(authorize(manager, Permission::users_manage, "acme"));
  EXPECT_TRUE(authorize(principal(Role::admin, "*"), Permission::users_manage, "globex"));
}

}  // namespace
}  // namespace dialer::auth
