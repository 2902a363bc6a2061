// LoginRateLimiter on a simulated clock: 5 failures in 5 minutes lock for 5 minutes, per
// username and per address; success clears the username.
#include "dialer/api/auth/login_limiter.h"

#include <gtest/gtest.h>

namespace dialer::auth {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

const TimePoint kT0 = from_unix_ms(1'790'000'000'000);

class LoginLimiterTest : public ::testing::Test {
 protected:
  LoginRateLimiter limiter_{LoginLimitPolicy{5, minutes(5), minutes(5)}};

  void fail(int times, std::string_view user, std::string_view address, TimePoint at) {
    for (int i = 0; i < times; ++i) limiter_.record_failure(user, address, at);
  }
};

TEST_F(LoginLimiterTest, FiveFailuresLockTheUsernameForFiveMinutes) {
  fail(4, "alice", "10.0.0.1", kT0);
  EXPECT_TRUE(limiter_.check("alice", "10.0.0.9", kT0).allowed());
  const LoginGate fifth = limiter_.record_failure("alice", "10.0.0.2", kT0 + seconds(10));
  EXPECT_EQ(fifth.block, LoginBlock::username_locked);
  EXPECT_EQ(fifth.retry_at, kT0 + seconds(10) + minutes(5));
  const LoginGate gate = limiter_.check("alice", "10.0.0.3", kT0 + minutes(1));
  EXPECT_EQ(gate.block, LoginBlock::username_locked);
  EXPECT_FALSE(gate.allowed());
  EXPECT_TRUE(limiter_.check("bob", "10.0.0.3", kT0 + minutes(1)).allowed());
  EXPECT_TRUE(limiter_.check("alice", "10.0.0.3", kT0 + seconds(10) + minutes(5)).allowed());
}

TEST_F(LoginLimiterTest, FailuresOlderThanTheWindowDoNotCount) {
  fail(4, "alice", "", kT0);
  fail(1, "alice", "", kT0 + minutes(5));
  EXPECT_TRUE(limiter_.check("alice", "", kT0 + minutes(5)).allowed());
  fail(4, "alice", "", kT0 + minutes(6));
  EXPECT_FALSE(limiter_.check("alice", "", kT0 + minutes(6)).allowed());
}

TEST_F(LoginLimiterTest, UsernamesCountCaseInsensitively) {
  fail(3, "Alice", "", kT0);
  fail(2, "ALICE", "", kT0);
  EXPECT_EQ(limiter_.check("alice", "", kT0).block, LoginBlock::username_locked);
}

TEST_F(LoginLimiterTest, OneAddressTryingManyUsernamesIsLocked) {
  for (int i = 0; i < 5; ++i) limiter_.record_failure("user" + std::to_string(i), "10.0.0.1", kT0);
  const LoginGate gate = limiter_.check("someone-else", "10.0.0.1", kT0 + minutes(1));
  EXPECT_EQ(gate.block, LoginBlock::address_locked);
  EXPECT_EQ(gate.retry_at, kT0 + minutes(5));
  EXPECT_TRUE(limiter_.check("someone-else", "10.0.0.2", kT0 + minutes(1)).allowed());
}

TEST_F(LoginLimiterTest, SuccessClearsTheUsernameButNotTheAddress) {
  fail(4, "alice", "10.0.0.1", kT0);
  limiter_.record_success("alice");
  fail(4, "alice", "10.0.0.2", kT0 + seconds(1));
  EXPECT_TRUE(limiter_.check("alice", "10.0.0.3", kT0 + seconds(1)).allowed());
  // 10.0.0.1 still has its four failures: one more locks it.
  limiter_.record_failure("mallory", "10.0.0.1", kT0 + seconds(2));
  EXPECT_EQ(limiter_.check("carol", "10.0.0.1", kT0 + seconds(2)).block,
            LoginBlock::address_locked);
}

TEST_F(LoginLimiterTest, SuccessLiftsAUsernameLock) {
  fail(5, "alice", "", kT0);
  ASSERT_FALSE(limiter_.check("alice", "", kT0).allowed());
  limiter_.record_success("alice");
  EXPECT_TRUE(limiter_.check("alice", "", kT0).allowed());
}

TEST_F(LoginLimiterTest, FailuresDuringALockDoNotExtendIt) {
  fail(5, "alice", "", kT0);
  fail(10, "alice", "", kT0 + minutes(4));
  EXPECT_EQ(limiter_.check("alice", "", kT0 + minutes(4)).retry_at, kT0 + minutes(5));
  EXPECT_TRUE(limiter_.check("alice", "", kT0 + minutes(5)).allowed());
}

TEST_F(LoginLimiterTest, TheLongerOfTwoLocksIsReported) {
  fail(5, "alice", "10.0.0.1", kT0);
  fail(5, "bob", "10.0.0.1", kT0 + minutes(2));  // the address is locked already at T0
  fail(5, "carol", "10.0.0.2", kT0 + minutes(3));
  const LoginGate gate = limiter_.check("carol", "10.0.0.1", kT0 + minutes(4));
  EXPECT_EQ(gate.block, LoginBlock::username_locked);
  EXPECT_EQ(gate.retry_at, kT0 + minutes(8));
}

TEST_F(LoginLimiterTest, SweepDropsOnlyStaleEntries) {
  fail(1, "old", "10.0.0.1", kT0);
  fail(5, "locked", "10.0.0.2", kT0 + minutes(4));
  EXPECT_EQ(limiter_.tracked(), 4U);
  EXPECT_EQ(limiter_.sweep(kT0 + minutes(6)), 2U);
  EXPECT_EQ(limiter_.tracked(), 2U);
  EXPECT_FALSE(limiter_.check("locked", "", kT0 + minutes(6)).allowed());
}

TEST_F(LoginLimiterTest, HugeMadeUpNamesAreCountedUnderABoundedKey) {
  const std::string huge(1'000'000, 'x');
  fail(5, huge, std::string(1'000'000, '1'), kT0);
  EXPECT_EQ(limiter_.tracked(), 2U);
  EXPECT_EQ(limiter_.check(huge + "y", "", kT0).block, LoginBlock::username_locked);
}

TEST(LoginLimitPolicyTest, Validation) {
  EXPECT_TRUE(validate_policy(LoginLimitPolicy{}).ok());
  EXPECT_FALSE(validate_policy(LoginLimitPolicy{0, minutes(5), minutes(5)}).ok());
  EXPECT_FALSE(validate_policy(LoginLimitPolicy{5, minutes(0), minutes(5)}).ok());
  EXPECT_FALSE(validate_policy(LoginLimitPolicy{5, minutes(5), seconds(-1)}).ok());
  EXPECT_EQ(to_string(LoginBlock::address_locked), "address_locked");
}

}  // namespace
}  // namespace dialer::auth
