#include "dialer/api/auth/primitives.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <climits>

namespace dialer::auth::detail {

Sha256 sha256(std::string_view data) {
  Sha256 out{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &len, EVP_sha256(), nullptr);
  return out;
}

Result<std::vector<std::uint8_t>> pbkdf2_sha256(std::string_view password,
                                                std::span<const std::uint8_t> salt,
                                                std::uint32_t iterations, std::size_t length) {
  constexpr auto kMax = static_cast<std::size_t>(INT_MAX);
  if (password.size() > kMax || salt.size() > kMax || length > kMax || iterations == 0 ||
      iterations > static_cast<std::uint32_t>(INT_MAX)) {
    return Error{ErrorCode::invalid_argument, "pbkdf2: parameter out of range"};
  }
  std::vector<std::uint8_t> out(length);
  const int ok = PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                                   static_cast<int>(salt.size()), static_cast<int>(iterations),
                                   EVP_sha256(), static_cast<int>(length), out.data());
  if (ok != 1) return Error{ErrorCode::internal, "pbkdf2: OpenSSL failed"};
  return out;
}

bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  if (a.size() != b.size()) return false;
  return a.empty() || CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace dialer::auth::detail
