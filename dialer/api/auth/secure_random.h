// The only source of secret randomness of the access-control code: salts, session tokens and
// generated passwords. OpenSslRandom draws from OpenSSL's CSPRNG (RAND_bytes) and is safe to
// use from any thread; tests inject a deterministic fake. Never use dialer::Random (a seeded,
// predictable generator) for secrets.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "dialer/common/result.h"

namespace dialer::auth {

class SecureRandom {
 public:
  virtual ~SecureRandom() = default;
  // Fills `out` with unpredictable bytes; internal error when the generator fails.
  virtual Status fill(std::span<std::uint8_t> out) = 0;
};

class OpenSslRandom final : public SecureRandom {
 public:
  Status fill(std::span<std::uint8_t> out) override;
};

// `count` random bytes, base64url without padding (count 32 -> 43 characters).
Result<std::string> random_token(SecureRandom& random, std::size_t count);

}  // namespace dialer::auth
