// The first administrator: created only into an empty users table, with the configured password
// or a generated one that is returned once.
#include "dialer/api/auth/bootstrap.h"

#include <gtest/gtest.h>

#include "dialer/api/auth/auth_settings.h"
#include "dialer/api/auth/user_admin.h"
#include "tests/fakes/in_memory_user_repository.h"

namespace dialer::auth {
namespace {

const TimePoint kT0 = from_unix_ms(1'790'000'000'000);
constexpr PasswordHashParams kFast{kMinIterations};

TEST(BootstrapTest, NothingToDoWhenUsersExist) {
  OpenSslRandom random;
  auto plan = plan_bootstrap_admin(1, std::nullopt, kFast, random, kT0);
  ASSERT_TRUE(plan.ok());
  EXPECT_FALSE(plan->has_value());
}

TEST(BootstrapTest, GeneratesAPasswordWhenNoneIsConfigured) {
  OpenSslRandom random;
  auto plan = plan_bootstrap_admin(0, std::nullopt, kFast, random, kT0);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  const BootstrapAdmin& admin = **plan;
  EXPECT_EQ(admin.user.username, "admin");
  EXPECT_EQ(admin.user.role, Role::admin);
  EXPECT_EQ(admin.user.tenant, "*");
  EXPECT_EQ(admin.user.created_at, kT0);
  ASSERT_TRUE(admin.generated_password.has_value());
  EXPECT_EQ(admin.generated_password->size(), 24U);
  EXPECT_TRUE(check_password_policy(*admin.generated_password).ok());
  EXPECT_TRUE(verify_password(*admin.generated_password, admin.user.password_hash));
  auto other = plan_bootstrap_admin(0, std::nullopt, kFast, random, kT0);
  EXPECT_NE(*(*other)->generated_password, *admin.generated_password);
}

TEST(BootstrapTest, UsesTheConfiguredPassword) {
  OpenSslRandom random;
  auto plan = plan_bootstrap_admin(0, std::string("configured-pw"), kFast, random, kT0);
  ASSERT_TRUE(plan.ok() && plan->has_value());
  EXPECT_FALSE((*plan)->generated_password.has_value());
  EXPECT_TRUE(verify_password("configured-pw", (*plan)->user.password_hash));
}

TEST(BootstrapTest, RefusesAConfiguredPasswordThatFailsThePolicy) {
  OpenSslRandom random;
  auto plan = plan_bootstrap_admin(0, std::string("admin"), kFast, random, kT0);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(plan.error().message,
            "bootstrap admin: user admin: password has fewer than 8 characters");
}

TEST(BootstrapTest, EnsureCreatesTheAdminOnceOnly) {
  OpenSslRandom random;
  fakes::InMemoryUserRepository users;
  auto first = ensure_bootstrap_admin(users, std::nullopt, kFast, random, kT0);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->user.id, UserId{1});
  auto stored = require_user(users, "admin");
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE(verify_password(*(*first)->generated_password, stored->password_hash));
  auto second = ensure_bootstrap_admin(users, std::nullopt, kFast, random, kT0);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->has_value());
  EXPECT_EQ(*users.count(), 1);
}

TEST(BootstrapTest, EnsureReportsStorageFailures) {
  OpenSslRandom random;
  fakes::InMemoryUserRepository users;
  users.fail_all(true);
  auto result = ensure_bootstrap_admin(users, std::nullopt, kFast, random, kT0);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::storage_unavailable);
}

TEST(AuthSettingsTest, DefaultsAreValidAndEachPartIsChecked) {
  AuthSettings settings;
  EXPECT_TRUE(validate_settings(settings).ok());
  EXPECT_EQ(settings.passwords.iterations, 210'000U);
  EXPECT_EQ(settings.sessions.idle_timeout, std::chrono::hours(8));
  EXPECT_EQ(settings.sessions.absolute_timeout, std::chrono::hours(12));
  EXPECT_EQ(settings.logins.max_failures, 5);
  EXPECT_EQ(settings.logins.window, std::chrono::minutes(5));
  EXPECT_EQ(settings.logins.lockout, std::chrono::minutes(5));

  settings.bootstrap_admin_password = "short";
  auto bad = validate_settings(settings);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "bootstrap_admin_password: password has fewer than 8 characters");
  settings.bootstrap_admin_password.reset();
  settings.passwords.iterations = 10;
  EXPECT_EQ(validate_settings(settings).error().message.rfind("passwords: ", 0), 0U);
  settings.passwords = {};
  settings.sessions.idle_timeout = std::chrono::hours(24);
  EXPECT_EQ(validate_settings(settings).error().message.rfind("sessions: ", 0), 0U);
  settings.sessions = {};
  settings.logins.max_failures = 0;
  EXPECT_EQ(validate_settings(settings).error().message.rfind("logins: ", 0), 0U);
}

}  // namespace
}  // namespace dialer::auth
