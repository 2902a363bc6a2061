#include "dialer/api/auth/secure_random.h"

#include <openssl/rand.h>

#include <climits>
#include <vector>

#include "dialer/api/auth/encoding.h"

namespace dialer::auth {

Status OpenSslRandom::fill(std::span<std::uint8_t> out) {
  if (out.size() > static_cast<std::size_t>(INT_MAX) ||
      RAND_bytes(out.data(), static_cast<int>(out.size())) != 1) {
    return Error{ErrorCode::internal, "secure random: RAND_bytes failed"};
  }
  return ok_status();
}

Result<std::string> random_token(SecureRandom& random, std::size_t count) {
  std::vector<std::uint8_t> bytes(count);
  if (auto s = random.fill(bytes); !s) return s.error();
  return base64url_encode(bytes);
}

}  // namespace dialer::auth
