// Authenticator::login with an in-memory user table: the typed result of each path, the rate
// limiter's part, and the upgrade of weaker stored hashes.
#include "dialer/api/auth/login.h"

#include <gtest/gtest.h>

#include "dialer/api/auth/user_admin.h"
#include "tests/fakes/fake_secure_random.h"
#include "tests/fakes/in_memory_user_repository.h"

namespace dialer::auth {
namespace {

using std::chrono::minutes;

const TimePoint kT0 = from_unix_ms(1'790'000'000'000);
constexpr PasswordHashParams kFast{kMinIterations};

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto alice = create_user(users_, {"Alice", Role::agent, "acme", "agent1001", "alice-password"},
                             kFast, random_, kT0);
    ASSERT_TRUE(alice.ok());
    alice_ = alice->id;
  }

  LoginOutcome login(std::string_view user, std::string_view password,
                     std::string_view address = "10.0.0.1", TimePoint at = kT0) {
    return auth_.login(checker_, user, password, address, at);
  }

  fakes::InMemoryUserRepository users_;
  OpenSslRandom random_;
  SessionTable sessions_{SessionPolicy{}, random_};
  LoginRateLimiter limiter_{LoginLimitPolicy{}};
  CredentialChecker checker_{users_, random_, kFast};
  Authenticator auth_{sessions_, limiter_};
  UserId alice_;
};

TEST_F(LoginTest, RightPasswordOpensASession) {
  const LoginOutcome out = login("alice", "alice-password");
  ASSERT_EQ(out.result, LoginResult::ok);
  ASSERT_TRUE(out.principal.has_value());
  EXPECT_EQ(out.principal->user, alice_);
  EXPECT_EQ(out.principal->tenant, "acme");
  EXPECT_EQ(out.expires_at, kT0 + std::chrono::hours(8));
  const SessionCheck check = sessions_.authenticate(out.token, kT0 + minutes(1));
  ASSERT_EQ(check.status, SessionStatus::valid);
  EXPECT_EQ(check.principal->username, "alice");
}

TEST_F(LoginTest, UsernamesAreCaseInsensitive) {
  EXPECT_EQ(login("ALICE", "alice-password").result, LoginResult::ok);
}

TEST_F(LoginTest, WrongPasswordAndUnknownUserLookTheSame) {
  const LoginOutcome wrong = login("alice", "alice-passwore");
  const LoginOutcome unknown = login("nobody", "alice-password");
  EXPECT_EQ(wrong.result, LoginResult::bad_credentials);
  EXPECT_EQ(unknown.result, LoginResult::bad_credentials);
  EXPECT_TRUE(wrong.token.empty());
  EXPECT_FALSE(wrong.principal.has_value());
  EXPECT_EQ(login("not a valid name!", "x").result, LoginResult::bad_credentials);
  EXPECT_EQ(login("alice", "").result, LoginResult::bad_credentials);
  EXPECT_EQ(sessions_.size(), 0U);
}

TEST_F(LoginTest, FiveFailuresLockEvenTheRightPassword) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(login("alice", "guess" + std::to_string(i)).result, LoginResult::bad_credentials);
  }
  const LoginOutcome locked = login("alice", "alice-password", "10.9.9.9", kT0 + minutes(1));
  EXPECT_EQ(locked.result, LoginResult::locked);
  EXPECT_EQ(locked.block, LoginBlock::username_locked);
  EXPECT_EQ(locked.retry_at, kT0 + minutes(5));
  EXPECT_EQ(login("alice", "alice-password", "10.9.9.9", kT0 + minutes(5)).result, LoginResult::ok);
}

TEST_F(LoginTest, SuccessResetsTheUsernameCounter) {
  for (int i = 0; i < 4; ++i) login("alice", "wrong-password", "10.0.0." + std::to_string(i));
  ASSERT_EQ(login("alice", "alice-password", "10.0.0.9").result, LoginResult::ok);
  for (int i = 0; i < 4; ++i) login("alice", "wrong-password", "10.0.1." + std::to_string(i));
  EXPECT_EQ(login("alice", "alice-password", "10.0.2.1").result, LoginResult::ok);
}

TEST_F(LoginTest, DisabledUsersGetNoSessionAndAreNotCounted) {
  ASSERT_TRUE(set_user_disabled(users_, "alice", true).ok());
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(login("alice", "alice-password").result, LoginResult::disabled);
  }
  EXPECT_EQ(login("alice", "wrong-password").result, LoginResult::bad_credentials);
  EXPECT_EQ(sessions_.size(), 0U);
  ASSERT_TRUE(set_user_disabled(users_, "alice", false).ok());
  EXPECT_EQ(login("alice", "alice-password").result, LoginResult::ok);
}

TEST_F(LoginTest, StorageFailureIsUnavailableAndNotCounted) {
  users_.fail_all(true);
  for (int i = 0; i < 6; ++i) {
    const LoginOutcome out = login("alice", "alice-password");
    EXPECT_EQ(out.result, LoginResult::unavailable);
    EXPECT_NE(out.error.find("database down"), std::string::npos);
  }
  users_.fail_all(false);
  EXPECT_EQ(login("alice", "alice-password").result, LoginResult::ok);
}

TEST_F(LoginTest, AWeakerStoredHashIsReplacedAfterASuccessfulLogin) {
  CredentialChecker stronger(users_, random_, PasswordHashParams{2000});
  ASSERT_EQ(stronger.check("alice", "alice-password").result, LoginResult::ok);
  EXPECT_EQ(users_.password_writes(), 1);
  auto user = users_.find_by_id(alice_);
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_EQ((*user)->password_hash.rfind("pbkdf2-sha256$2000$", 0), 0U);
  ASSERT_EQ(stronger.check("alice", "alice-password").result, LoginResult::ok);
  EXPECT_EQ(users_.password_writes(), 1);  // already strong enough
  EXPECT_EQ(stronger.check("alice", "wrong-password").result, LoginResult::bad_credentials);
  EXPECT_EQ(users_.password_writes(), 1);
}

TEST_F(LoginTest, TheThreeStepsGiveTheSameAnswersAsLogin) {
  // What a server does when step 2 runs on a worker thread.
  EXPECT_FALSE(auth_.refuse_if_locked("alice", "10.0.0.1", kT0).has_value());
  const CredentialCheck good = checker_.check("alice", "alice-password");
  ASSERT_EQ(good.result, LoginResult::ok);
  EXPECT_EQ(sessions_.size(), 0U);  // no session before step 3
  const LoginOutcome out = auth_.complete("alice", "10.0.0.1", good, kT0);
  ASSERT_EQ(out.result, LoginResult::ok);
  EXPECT_EQ(sessions_.authenticate(out.token, kT0).status, SessionStatus::valid);

  for (int i = 0; i < 5; ++i) {
    const CredentialCheck bad = checker_.check("alice", "nope-nope");
    EXPECT_EQ(auth_.complete("alice", "10.0.0.1", bad, kT0).result, LoginResult::bad_credentials);
  }
  const auto refused = auth_.refuse_if_locked("alice", "10.0.0.2", kT0);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->result, LoginResult::locked);
  EXPECT_EQ(refused->retry_at, kT0 + minutes(5));
}

TEST_F(LoginTest, ARandomSourceFailureAtSessionTimeIsUnavailable) {
  fakes::FakeSecureRandom broken;
  broken.fail(true);
  SessionTable sessions(SessionPolicy{}, broken);
  Authenticator auth(sessions, limiter_);
  const LoginOutcome out = auth.login(checker_, "alice", "alice-password", "", kT0);
  EXPECT_EQ(out.result, LoginResult::unavailable);
  EXPECT_TRUE(out.token.empty());
  EXPECT_FALSE(out.error.empty());
}

TEST(LoginResultTest, Names) {
  EXPECT_EQ(to_string(LoginResult::bad_credentials), "bad_credentials");
  EXPECT_EQ(to_string(LoginResult::unavailable), "unavailable");
}

}  // namespace
}  // namespace dialer::auth
