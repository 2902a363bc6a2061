// PBKDF2-HMAC-SHA256 password hashing: the stored format, verification, malformed hashes,
// re-hash decisions and the password policy.
#include "dialer/api/auth/password_hash.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dialer/api/auth/primitives.h"
#include "tests/fakes/fake_secure_random.h"

namespace dialer::auth {
namespace {

constexpr PasswordHashParams kFast{kMinIterations};

std::string hex(std::span<const std::uint8_t> b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (auto c : b) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

TEST(PasswordHashTest, Pbkdf2MatchesTheRfc7914Vector) {
  const std::string_view salt = "salt";
  auto dk = detail::pbkdf2_sha256(
      "passwd", {reinterpret_cast<const std::uint8_t*>(salt.data()), salt.size()}, 1, 64);
  ASSERT_TRUE(dk.ok());
  EXPECT_EQ(hex(*dk),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

TEST(PasswordHashTest, VerifiesAHashMadeByAnotherPbkdf2Implementation) {
  // Python: hashlib.pbkdf2_hmac('sha256', b'correct horse battery', bytes(range(16)), 1000, 32)
  const std::string stored =
      "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0";
  EXPECT_TRUE(verify_password("correct horse battery", stored));
  EXPECT_FALSE(verify_password("correct horse batterY", stored));
}

TEST(PasswordHashTest, DefaultHashIsSelfDescribingWithASixteenByteSalt) {
  fakes::FakeSecureRandom random(7);
  auto hash = hash_password("s3cret-password", PasswordHashParams{}, random);
  ASSERT_TRUE(hash.ok());
  // scheme $ iterations $ 16 bytes = 22 base64 chars $ 32 bytes = 43 base64 chars
  EXPECT_EQ(hash->rfind("pbkdf2-sha256$210000$", 0), 0U) << *hash;
  EXPECT_EQ(hash->size(), std::string("pbkdf2-sha256$210000$").size() + 22 + 1 + 43);
  EXPECT_TRUE(verify_password("s3cret-password", *hash));
  EXPECT_EQ(hash->find("s3cret"), std::string::npos);
}

TEST(PasswordHashTest, WrongPasswordsDoNotVerify) {
  OpenSslRandom random;
  auto hash = hash_password("hunter22-long", kFast, random);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(verify_password("hunter22-long", *hash));
  EXPECT_FALSE(verify_password("hunter22-lonG", *hash));
  EXPECT_FALSE(verify_password("hunter22-long ", *hash));
  EXPECT_FALSE(verify_password("", *hash));
}

TEST(PasswordHashTest, EachHashHasItsOwnSalt) {
  OpenSslRandom random;
  auto a = hash_password("same password", kFast, random);
  auto b = hash_password("same password", kFast, random);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_password("same password", *a));
  EXPECT_TRUE(verify_password("same password", *b));
}

TEST(PasswordHashTest, MalformedOrForeignHashesMatchNothing) {
  const std::string good =
      "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0";
  ASSERT_TRUE(verify_password("correct horse battery", good));
  const std::vector<std::string> malformed = {
      std::string(""),
      std::string("correct horse battery"),
      "pbkdf2-sha1$1000$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0",
      "pbkdf2-sha256$01000$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0",
      "pbkdf2-sha256$0$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0",
      "pbkdf2-sha256$99999999999$AAECAwQFBgcICQoLDA0ODw$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM",
      "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0",
      "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw",
      good + "$extra",
      "pbkdf2-sha256$1000$$AhaeZ02AwPxykuhhDI8XvhQN8GKvmqM+qF6qvs/98I0",
  };
  for (const std::string& bad : malformed) {
    EXPECT_FALSE(verify_password("correct horse battery", bad)) << bad;
    EXPECT_TRUE(needs_rehash(bad, kFast)) << bad;
  }
}

TEST(PasswordHashTest, NeedsRehashWhenStoredIterationsAreBelowTheCurrentSetting) {
  OpenSslRandom random;
  auto hash = hash_password("password-one", kFast, random);
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(needs_rehash(*hash, kFast));
  EXPECT_TRUE(needs_rehash(*hash, PasswordHashParams{kMinIterations + 1}));
  EXPECT_FALSE(needs_rehash(*hash, PasswordHashParams{kMinIterations - 1}));
}

TEST(PasswordHashTest, RefusesEmptyPasswordsAndOutOfRangeIterations) {
  OpenSslRandom random;
  EXPECT_EQ(hash_password("", kFast, random).error().code, ErrorCode::invalid_argument);
  EXPECT_FALSE(hash_password("password", PasswordHashParams{kMinIterations - 1}, random).ok());
  EXPECT_FALSE(hash_password("password", PasswordHashParams{kMaxIterations + 1}, random).ok());
  EXPECT_TRUE(validate_params(PasswordHashParams{}).ok());
}

TEST(PasswordHashTest, RandomSourceFailureIsAnError) {
  fakes::FakeSecureRandom random;
  random.fail(true);
  auto hash = hash_password("password", kFast, random);
  ASSERT_FALSE(hash.ok());
  EXPECT_EQ(hash.error().code, ErrorCode::internal);
}

TEST(PasswordHashTest, PolicyNeedsEightCharactersOfValidUtf8) {
  EXPECT_EQ(check_password_policy("").error().message, "password is empty");
  EXPECT_EQ(check_password_policy("1234567").error().message,
            "password has fewer than 8 characters");
  EXPECT_TRUE(check_password_policy("12345678").ok());
  // Seven two-byte characters are 14 bytes but 7 characters.
  EXPECT_FALSE(
      check_password_policy("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9").ok());
  EXPECT_TRUE(
      check_password_policy("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9")
          .ok());
  EXPECT_EQ(check_password_policy("abcdefg\xFF").error().message, "password is not valid UTF-8");
  EXPECT_FALSE(check_password_policy("abcdefg\xC0\xAF").ok());   // overlong '/'
  EXPECT_FALSE(check_password_policy("abcdefgh\xE2\x82").ok());  // truncated
  EXPECT_FALSE(check_password_policy(std::string(1025, 'x')).ok());
  EXPECT_TRUE(check_password_policy(std::string(1024, 'x')).ok());
}

}  // namespace
}  // namespace dialer::auth
