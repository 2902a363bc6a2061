#include "dialer/sip/agent_registry.h"

#include <gtest/gtest.h>

namespace dialer::sip {
namespace {

using std::chrono::seconds;

const TimePoint kT0 = from_unix_ms(1'700'000'000'000);

DigestCredentials sign(const std::string& user, const std::string& password,
                       const std::string& nonce, const std::string& realm = "dialer") {
  DigestCredentials c;
  c.username = user;
  c.realm = realm;
  c.nonce = nonce;
  c.uri = "sip:127.0.0.1";
  c.qop = "auth";
  c.nc = "00000001";
  c.cnonce = "abc";
  c.response = digest_response(c, "REGISTER", password);
  return c;
}

TEST(AgentRegistryTest, AcceptsTheRightPasswordOnAFreshNonce) {
  AgentRegistry registry{{{"agent1001", "s3cret"}}, "dialer"};
  const std::string nonce = registry.issue_nonce("entropy", kT0);
  EXPECT_EQ(registry.check(sign("agent1001", "s3cret", nonce), "REGISTER", kT0), AuthVerdict::ok);
  EXPECT_EQ(registry.check(sign("agent1001", "wrong", nonce), "REGISTER", kT0),
            AuthVerdict::bad_response);
  EXPECT_EQ(registry.check(sign("agent9999", "s3cret", nonce), "REGISTER", kT0),
            AuthVerdict::unknown_user);
  EXPECT_EQ(registry.check(sign("agent1001", "s3cret", nonce, "other"), "REGISTER", kT0),
            AuthVerdict::wrong_realm);
}

TEST(AgentRegistryTest, UnknownOrOldNoncesAreStale) {
  AgentRegistry registry{{{"agent1001", "s3cret"}}, "dialer"};
  const std::string nonce = registry.issue_nonce("entropy", kT0);
  EXPECT_EQ(registry.check(sign("agent1001", "s3cret", "forged"), "REGISTER", kT0),
            AuthVerdict::stale_nonce);
  EXPECT_EQ(registry.check(sign("agent1001", "s3cret", nonce), "REGISTER",
                           kT0 + AgentRegistry::kNonceLifetime),
            AuthVerdict::stale_nonce);
}

TEST(AgentRegistryTest, BindingsExpireAndAreReportedOnce) {
  AgentRegistry registry{{}, "dialer"};
  EXPECT_TRUE(registry.bind("a", "sip:a@127.0.0.1:5001", kT0 + seconds{60}));
  EXPECT_FALSE(registry.bind("a", "sip:a@127.0.0.1:5001", kT0 + seconds{120}));
  EXPECT_TRUE(registry.bind("a", "sip:a@127.0.0.1:5002", kT0 + seconds{60}));
  EXPECT_EQ(registry.lookup("a", kT0), "sip:a@127.0.0.1:5002");
  EXPECT_TRUE(registry.expire(kT0 + seconds{59}).empty());
  EXPECT_EQ(registry.expire(kT0 + seconds{60}), std::vector<std::string>{"a"});
  EXPECT_TRUE(registry.expire(kT0 + seconds{61}).empty());
  EXPECT_FALSE(registry.lookup("a", kT0 + seconds{61}));
}

TEST(AgentRegistryTest, RemoveReportsWhetherABindingExisted) {
  AgentRegistry registry{{}, "dialer"};
  EXPECT_FALSE(registry.remove("a"));
  registry.bind("a", "sip:a@127.0.0.1:5001", kT0 + seconds{60});
  EXPECT_TRUE(registry.remove("a"));
  EXPECT_FALSE(registry.lookup("a", kT0));
}

}  // namespace
}  // namespace dialer::sip
