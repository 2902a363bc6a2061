// Creating and changing users: validation, the password policy, normalized usernames, and
// errors that never carry a password.
#include "dialer/api/auth/user_admin.h"

#include <gtest/gtest.h>

#include "tests/fakes/in_memory_user_repository.h"

namespace dialer::auth {
namespace {

const TimePoint kT0 = from_unix_ms(1'790'000'000'000);
constexpr PasswordHashParams kFast{kMinIterations};

NewUserRequest request(std::string name, Role role, std::string tenant = "default",
                       std::optional<std::string> sip = {}, std::string password = "pa55word!") {
  return NewUserRequest{std::move(name), role, std::move(tenant), std::move(sip),
                        std::move(password)};
}

class UserAdminTest : public ::testing::Test {
 protected:
  Result<User> make(const NewUserRequest& r) { return make_user(r, kFast, random_, kT0); }
  OpenSslRandom random_;
  fakes::InMemoryUserRepository users_;
};

TEST_F(UserAdminTest, MakesANormalizedUserWithAHashedPassword) {
  auto user = make(request("Bob.Smith@acme", Role::agent, "acme", "agent1001"));
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->username, "bob.smith@acme");
  EXPECT_EQ(user->role, Role::agent);
  EXPECT_EQ(user->tenant, "acme");
  EXPECT_EQ(user->agent_sip, "agent1001");
  EXPECT_FALSE(user->disabled);
  EXPECT_EQ(user->created_at, kT0);
  EXPECT_TRUE(verify_password("pa55word!", user->password_hash));
  EXPECT_EQ(NewUserRequest{}.tenant, "default");
}

TEST_F(UserAdminTest, RefusesEmptyAndShortPasswordsWithoutEchoingThem) {
  for (const char* pw : {"", "short12"}) {
    auto user = make(request("bob", Role::manager, "acme", std::nullopt, pw));
    ASSERT_FALSE(user.ok()) << pw;
    EXPECT_EQ(user.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(user.error().message.rfind("user bob: password", 0), 0U) << user.error().message;
    if (*pw != '\0') {
      EXPECT_EQ(user.error().message.find(pw), std::string::npos);
    }
  }
}

TEST_F(UserAdminTest, RefusesBadNamesTenantsAndCombinations) {
  EXPECT_FALSE(make(request("", Role::agent)).ok());
  EXPECT_FALSE(make(request("-bob", Role::agent)).ok());
  EXPECT_FALSE(make(request("bob smith", Role::agent)).ok());
  EXPECT_FALSE(make(request(std::string(65, 'a'), Role::agent)).ok());
  EXPECT_TRUE(make(request(std::string(64, 'a'), Role::agent)).ok());
  EXPECT_FALSE(make(request("bob", Role::agent, "Acme")).ok());
  EXPECT_FALSE(make(request("bob", Role::agent, "")).ok());
  EXPECT_FALSE(make(request("bob", Role::manager, "*")).ok());
  EXPECT_TRUE(make(request("root", Role::admin, "*")).ok());
  EXPECT_FALSE(make(request("bob", Role::supervisor, "acme", "agent1001")).ok());
  EXPECT_FALSE(make(request("bob", Role::agent, "acme", "agent 1001")).ok());
  EXPECT_FALSE(make(request("bob", Role::agent, "acme", "")).ok());
  EXPECT_TRUE(make(request("bob", Role::agent, "acme")).ok());  // a phone can come later
}

TEST_F(UserAdminTest, CreateStoresAndRefusesDuplicates) {
  auto bob =
      create_user(users_, request("bob", Role::agent, "acme", "agent1001"), kFast, random_, kT0);
  ASSERT_TRUE(bob.ok());
  EXPECT_EQ(bob->id, UserId{1});
  auto again = create_user(users_, request("BOB", Role::agent), kFast, random_, kT0);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(UserAdminTest, ChangePasswordChecksThePolicyAndReplacesTheHash) {
  ASSERT_TRUE(create_user(users_, request("bob", Role::manager), kFast, random_, kT0).ok());
  EXPECT_FALSE(change_password(users_, "bob", "1234567", kFast, random_).ok());
  ASSERT_TRUE(change_password(users_, "Bob", "new-password", kFast, random_).ok());
  auto bob = require_user(users_, "bob");
  ASSERT_TRUE(bob.ok());
  EXPECT_TRUE(verify_password("new-password", bob->password_hash));
  EXPECT_FALSE(verify_password("pa55word!", bob->password_hash));
  EXPECT_EQ(change_password(users_, "nobody", "new-password", kFast, random_).error().code,
            ErrorCode::not_found);
}

TEST_F(UserAdminTest, ChangeRoleKeepsTheCombinationRules) {
  ASSERT_TRUE(
      create_user(users_, request("ann", Role::agent, "acme", "agent7"), kFast, random_, kT0).ok());
  ASSERT_TRUE(create_user(users_, request("root", Role::admin, "*"), kFast, random_, kT0).ok());
  ASSERT_TRUE(create_user(users_, request("sue", Role::agent, "acme"), kFast, random_, kT0).ok());
  EXPECT_FALSE(change_role(users_, "ann", Role::supervisor).ok());  // has a phone
  EXPECT_FALSE(change_role(users_, "root", Role::manager).ok());    // tenant "*"
  ASSERT_TRUE(change_role(users_, "sue", Role::supervisor).ok());
  EXPECT_EQ(require_user(users_, "sue")->role, Role::supervisor);
}

TEST_F(UserAdminTest, DisableAndEnable) {
  ASSERT_TRUE(create_user(users_, request("bob", Role::manager), kFast, random_, kT0).ok());
  ASSERT_TRUE(set_user_disabled(users_, "bob", true).ok());
  EXPECT_TRUE(require_user(users_, "bob")->disabled);
  ASSERT_TRUE(set_user_disabled(users_, "bob", false).ok());
  EXPECT_FALSE(require_user(users_, "bob")->disabled);
  EXPECT_EQ(set_user_disabled(users_, "nobody", true).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace dialer::auth
