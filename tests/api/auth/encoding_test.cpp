// Base64 without padding: RFC 4648 section 10 vectors, the URL-safe alphabet, and strict decoding.
#include "dialer/api/auth/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dialer::auth {
namespace {

std::vector<std::uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

TEST(EncodingTest, Rfc4648VectorsWithoutPadding) {
  const std::pair<const char*, const char*> cases[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(base64_encode(bytes(plain)), encoded);
    const auto decoded = base64_decode(encoded);
    ASSERT_TRUE(decoded.has_value()) << encoded;
    EXPECT_EQ(*decoded, bytes(plain));
  }
}

TEST(EncodingTest, UrlAlphabetReplacesPlusAndSlash) {
  const std::vector<std::uint8_t> data = {0xFB, 0xFF, 0xBF};
  EXPECT_EQ(base64_encode(data), "+/+/");
  EXPECT_EQ(base64url_encode(data), "-_-_");
}

TEST(EncodingTest, DecodingRejectsPaddingForeignCharactersAndImpossibleLengths) {
  EXPECT_FALSE(base64_decode("Zg==").has_value());
  EXPECT_FALSE(base64_decode("Zm9v!").has_value());
  EXPECT_FALSE(base64_decode("-_-_").has_value());  // URL alphabet is not accepted here
  EXPECT_FALSE(base64_decode("Z").has_value());
  EXPECT_FALSE(base64_decode("Zh").has_value());  // non-zero trailing bits: not canonical
}

}  // namespace
}  // namespace dialer::auth
