// Password hashing: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as the self-describing
// string "pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>" (standard alphabet, no
// padding), so the iteration count can rise later without breaking stored hashes. Verification
// compares in constant time. Thread-safe (no state). Passwords and hashes are never put in an
// Error message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dialer/api/auth/secure_random.h"
#include "dialer/common/result.h"

namespace dialer::auth {

inline constexpr std::string_view kPasswordScheme = "pbkdf2-sha256";
inline constexpr std::uint32_t kDefaultIterations = 210'000;  // OWASP 2023 for PBKDF2-SHA256
inline constexpr std::uint32_t kMinIterations = 1'000;        // tests; production keeps the default
inline constexpr std::uint32_t kMaxIterations = 10'000'000;   // a stored hash may not ask for more
inline constexpr std::size_t kSaltBytes = 16;
inline constexpr std::size_t kHashBytes = 32;
inline constexpr std::size_t kMinPasswordChars = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

struct PasswordHashParams {
  std::uint32_t iterations = kDefaultIterations;
};

// invalid_argument unless kMinIterations <= iterations <= kMaxIterations.
Status validate_params(const PasswordHashParams& params);

// The policy for new passwords: at least 8 characters (UTF-8 code points), at most 1024 bytes,
// valid UTF-8. The message says which rule failed, never the password.
Status check_password_policy(std::string_view password);

// A new encoded hash with a fresh salt. invalid_argument for an empty password or bad params.
Result<std::string> hash_password(std::string_view password, const PasswordHashParams& params,
                                  SecureRandom& random);

// True when `password` matches `encoded`. False for a wrong password and for a malformed or
// unknown-scheme hash (which matches nothing).
bool verify_password(std::string_view password, std::string_view encoded);

// True when `encoded` is not a well-formed hash with at least params.iterations iterations:
// after a successful login the caller may store a fresh hash.
bool needs_rehash(std::string_view encoded, const PasswordHashParams& params);

}  // namespace dialer::auth
