#include "dialer/sip/digest_auth.h"

#include <gtest/gtest.h>

namespace dialer::sip {
namespace {

// RFC 2617 section 3.5 example.
DigestCredentials rfc2617_example() {
  DigestCredentials c;
  c.username = "Mufasa";
  c.realm = "testrealm@host.com";
  c.nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
  c.uri = "/dir/index.html";
  c.qop = "auth";
  c.nc = "00000001";
  c.cnonce = "0a4f113b";
  c.response = "6629fae49393a05397450978507c4ef1";
  return c;
}

TEST(DigestAuthTest, Md5OfEmptyString) {
  EXPECT_EQ(md5_hex(""), "d41d8cd98f00b204e9800998ecf8427e");
}

TEST(DigestAuthTest, MatchesTheRfc2617Example) {
  const DigestCredentials c = rfc2617_example();
  EXPECT_EQ(digest_response(c, "GET", "Circle Of Life"), c.response);
  EXPECT_TRUE(digest_matches(c, "GET", "Circle Of Life"));
}

TEST(DigestAuthTest, RejectsWrongPasswordMethodOrQop) {
  DigestCredentials c = rfc2617_example();
  EXPECT_FALSE(digest_matches(c, "GET", "circle of life"));
  EXPECT_FALSE(digest_matches(c, "POST", "Circle Of Life"));
  c.qop = "auth-int";
  EXPECT_FALSE(digest_matches(c, "GET", "Circle Of Life"));
}

TEST(DigestAuthTest, WithoutQopUsesTheRfc2069Form) {
  DigestCredentials c = rfc2617_example();
  c.qop.clear();
  c.response = digest_response(c, "REGISTER", "pw");
  EXPECT_EQ(c.response, md5_hex(md5_hex("Mufasa:testrealm@host.com:pw") + ":" + c.nonce + ":" +
                                md5_hex("REGISTER:/dir/index.html")));
  EXPECT_TRUE(digest_matches(c, "REGISTER", "pw"));
}

TEST(DigestAuthTest, ParsesQuotedAndBareParameters) {
  std::map<std::string, std::string> params;
  for (const char* p : {"username=\"alice\"", "Realm=\"dialer\"", "nc=00000001", "qop=auth"}) {
    auto kv = split_param(p);
    ASSERT_TRUE(kv);
    params.insert(*kv);
  }
  EXPECT_FALSE(split_param("novalue"));
  const DigestCredentials c = parse_digest_params(params);
  EXPECT_EQ(c.username, "alice");
  EXPECT_EQ(c.realm, "dialer");
  EXPECT_EQ(c.nc, "00000001");
  EXPECT_EQ(c.qop, "auth");
}

}  // namespace
}  // namespace dialer::sip
