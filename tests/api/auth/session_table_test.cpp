// SessionTable on a simulated clock: tokens, idle and absolute expiry, logout, revocation and
// the sweep.
#include "dialer/api/auth/session_table.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/fakes/fake_secure_random.h"

namespace dialer::auth {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const TimePoint kT0 = from_unix_ms(1'790'000'000'000);

Principal alice() { return Principal{UserId{7}, "alice", Role::agent, "acme", "agent1001"}; }
Principal bob() { return Principal{UserId{8}, "bob", Role::supervisor, "acme", std::nullopt}; }

class SessionTableTest : public ::testing::Test {
 protected:
  OpenSslRandom random_;
  SessionTable table_{SessionPolicy{hours(8), hours(12)}, random_};

  std::string open(const Principal& p, TimePoint at) {
    auto s = table_.create(p, at);
    EXPECT_TRUE(s.ok());
    return s.ok() ? s->token : std::string();
  }
};

TEST_F(SessionTableTest, TokensAre32RandomBytesInBase64Url) {
  const std::string a = open(alice(), kT0);
  const std::string b = open(alice(), kT0);
  EXPECT_EQ(a.size(), 43U);
  EXPECT_NE(a, b);
  EXPECT_TRUE(std::all_of(a.begin(), a.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  }));
  EXPECT_EQ(table_.size(), 2U);
}

TEST_F(SessionTableTest, AValidTokenGivesItsPrincipal) {
  const std::string token = open(alice(), kT0);
  const SessionCheck check = table_.authenticate(token, kT0 + minutes(1));
  ASSERT_EQ(check.status, SessionStatus::valid);
  ASSERT_TRUE(check.principal.has_value());
  EXPECT_EQ(check.principal->user, UserId{7});
  EXPECT_EQ(check.principal->username, "alice");
  EXPECT_EQ(check.principal->agent_sip, "agent1001");
  EXPECT_EQ(check.expires_at, kT0 + minutes(1) + hours(8));
}

TEST_F(SessionTableTest, UnknownAndMalformedTokensAreRefused) {
  open(alice(), kT0);
  EXPECT_EQ(table_.authenticate("", kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(std::string(43, 'A'), kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(std::string(42, 'A') + "/", kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(std::string(500, 'A'), kT0).status, SessionStatus::unknown);
  EXPECT_FALSE(table_.authenticate("x", kT0).principal.has_value());
}

TEST_F(SessionTableTest, IdleSessionsExpireAndUseKeepsThemAlive) {
  const std::string kept = open(alice(), kT0);
  const std::string idle = open(bob(), kT0);
  EXPECT_EQ(table_.authenticate(kept, kT0 + hours(7)).status, SessionStatus::valid);
  EXPECT_EQ(table_.authenticate(idle, kT0 + hours(8)).status, SessionStatus::idle_expired);
  EXPECT_EQ(table_.authenticate(kept, kT0 + hours(8)).status, SessionStatus::valid);
  // Once reported expired, the session is gone.
  EXPECT_EQ(table_.authenticate(idle, kT0 + hours(8)).status, SessionStatus::unknown);
  EXPECT_EQ(table_.size(), 1U);
}

TEST_F(SessionTableTest, SessionsEndAtTheAbsoluteTimeoutWhateverTheUse) {
  const std::string token = open(alice(), kT0);
  for (int h = 1; h < 12; ++h) {
    ASSERT_EQ(table_.authenticate(token, kT0 + hours(h)).status, SessionStatus::valid) << h;
  }
  const SessionCheck near = table_.authenticate(token, kT0 + hours(11) + minutes(59));
  EXPECT_EQ(near.expires_at, kT0 + hours(12));
  EXPECT_EQ(table_.authenticate(token, kT0 + hours(12)).status, SessionStatus::absolute_expired);
}

TEST_F(SessionTableTest, LogoutEndsOnlyThatSession) {
  const std::string a1 = open(alice(), kT0);
  const std::string a2 = open(alice(), kT0);
  EXPECT_TRUE(table_.logout(a1));
  EXPECT_FALSE(table_.logout(a1));
  EXPECT_FALSE(table_.logout("not a token"));
  EXPECT_EQ(table_.authenticate(a1, kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(a2, kT0).status, SessionStatus::valid);
}

TEST_F(SessionTableTest, RevokeUserEndsEverySessionOfThatUser) {
  const std::string a1 = open(alice(), kT0);
  const std::string a2 = open(alice(), kT0);
  const std::string b1 = open(bob(), kT0);
  EXPECT_EQ(table_.users(), (std::vector<UserId>{UserId{7}, UserId{8}}));
  EXPECT_EQ(table_.revoke_user(UserId{7}), 2U);
  EXPECT_EQ(table_.authenticate(a1, kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(a2, kT0).status, SessionStatus::unknown);
  EXPECT_EQ(table_.authenticate(b1, kT0).status, SessionStatus::valid);
  EXPECT_EQ(table_.revoke_user(UserId{7}), 0U);
}

TEST_F(SessionTableTest, ExpireSweepsAndNextExpirySaysWhenToSweepAgain) {
  EXPECT_FALSE(table_.next_expiry().has_value());
  const std::string a = open(alice(), kT0);
  const std::string b = open(bob(), kT0 + hours(1));
  EXPECT_EQ(table_.next_expiry(), kT0 + hours(8));
  EXPECT_EQ(table_.authenticate(a, kT0 + hours(4)).status, SessionStatus::valid);
  EXPECT_EQ(table_.next_expiry(), kT0 + hours(9));  // b, idle since T0+1h
  EXPECT_EQ(table_.expire(kT0 + hours(9)), 1U);
  EXPECT_EQ(table_.size(), 1U);
  EXPECT_EQ(table_.authenticate(a, kT0 + hours(9)).status, SessionStatus::valid);
  EXPECT_EQ(table_.expire(kT0 + hours(12)), 1U);
  EXPECT_EQ(table_.size(), 0U);
}

TEST(SessionTableRandomTest, ABrokenRandomSourceCannotHandOutTheSameTokenTwice) {
  fakes::FakeSecureRandom random;
  random.repeat(true);
  SessionTable table(SessionPolicy{}, random);
  ASSERT_TRUE(table.create(alice(), kT0).ok());
  auto second = table.create(bob(), kT0);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::internal);
  random.fail(true);
  EXPECT_FALSE(table.create(bob(), kT0).ok());
  EXPECT_EQ(table.size(), 1U);
}

TEST(SessionPolicyTest, TimeoutsMustBePositiveAndIdleNoLongerThanAbsolute) {
  EXPECT_TRUE(validate_policy(SessionPolicy{}).ok());
  EXPECT_FALSE(validate_policy(SessionPolicy{hours(0), hours(12)}).ok());
  EXPECT_FALSE(validate_policy(SessionPolicy{hours(13), hours(12)}).ok());
  EXPECT_EQ(to_string(SessionStatus::idle_expired), "idle_expired");
}

}  // namespace
}  // namespace dialer::auth
