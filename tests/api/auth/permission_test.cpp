// The role/permission table, written out here as the expected matrix: every role against every
// permission. A change to the table in permission.cpp fails this test until the matrix (and
// docs/security.md) say the same.
#include "dialer/api/auth/permission.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace dialer::auth {
namespace {

struct Row {
  const char* permission;
  // One character per role, in the order admin, manager, supervisor, agent, compliance:
  // 'Y' granted, '.' refused.
  const char* roles;
};

// clang-format off
constexpr Row kExpected[] = {
    // permission            columns: admin, manager, supervisor, agent, compliance
    {"campaigns.read",       "YYY.Y"},
    {"campaigns.write",      "YY..."},
    {"leads.upload",         "YY..."},
    {"agents.self",          "...Y."},
    {"calls.read_all",       "YYY.."},
    {"calls.hangup",         "YYY.."},
    {"dispositions.own",     "...Y."},
    {"dispositions.correct", "Y.Y.."},
    {"callbacks.write",      "YYYY."},
    {"dnc.read",             "YYY.Y"},
    {"dnc.write",            "Y...Y"},
    {"exports.create",       "Y...Y"},
    {"exports.download",     "Y...Y"},
    {"exports.verify",       "Y...Y"},
    {"users.manage",         "Y...."},
    {"metrics.read",         "YYY.."},
    {"wallboard.read",       "YYY.."},
};
// clang-format on

constexpr Role kColumns[] = {Role::admin, Role::manager, Role::supervisor, Role::agent,
                             Role::compliance};

TEST(PermissionTest, EveryRoleAgainstEveryPermissionMatchesTheExpectedMatrix) {
  ASSERT_EQ(std::size(kColumns), kAllRoles.size());
  std::set<std::string> seen;
  for (const Row& row : kExpected) {
    const auto permission = permission_from_string(row.permission);
    ASSERT_TRUE(permission.has_value()) << "unknown permission " << row.permission;
    EXPECT_TRUE(seen.insert(row.permission).second) << row.permission << " listed twice";
    ASSERT_EQ(std::string(row.roles).size(), std::size(kColumns)) << row.permission;
    for (std::size_t c = 0; c < std::size(kColumns); ++c) {
      EXPECT_EQ(allowed(kColumns[c], *permission), row.roles[c] == 'Y')
          << to_string(kColumns[c]) << " / " << row.permission;
    }
  }
  // Every permission the code knows is in the matrix (a new one must be added above).
  for (Permission p : all_permissions()) {
    EXPECT_TRUE(seen.contains(std::string(to_string(p)))) << to_string(p) << " missing above";
  }
  EXPECT_EQ(seen.size(), all_permissions().size());
}

TEST(PermissionTest, NamesRoundTrip) {
  for (Permission p : all_permissions()) {
    EXPECT_EQ(permission_from_string(to_string(p)), p) << to_string(p);
  }
  EXPECT_FALSE(permission_from_string("campaigns").has_value());
  EXPECT_FALSE(permission_from_string("CAMPAIGNS.READ").has_value());
  EXPECT_FALSE(permission_from_string("").has_value());
}

TEST(PermissionTest, RoleNamesRoundTrip) {
  for (Role r : kAllRoles) EXPECT_EQ(role_from_string(to_string(r)), r);
  EXPECT_EQ(to_string(Role::compliance), "compliance");
  EXPECT_FALSE(role_from_string("Admin").has_value());
  EXPECT_FALSE(role_from_string("root").has_value());
}

TEST(PermissionTest, ExportsGoOnlyToComplianceAndAdmin) {
  for (Permission p :
       {Permission::exports_create, Permission::exports_download, Permission::exports_verify}) {
    for (Role r : kAllRoles) {
      EXPECT_EQ(allowed(r, p), r == Role::admin || r == Role::compliance)
          << to_string(r) << " / " << to_string(p);
    }
  }
}

}  // namespace
}  // namespace dialer::auth
