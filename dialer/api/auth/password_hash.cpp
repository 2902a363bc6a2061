#include "dialer/api/auth/password_hash.h"

#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include "dialer/api/auth/encoding.h"
#include "dialer/api/auth/primitives.h"

namespace dialer::auth {
namespace {

struct ParsedHash {
  std::uint32_t iterations = 0;
  std::vector<std::uint8_t> salt;
  std::vector<std::uint8_t> hash;
};

std::optional<std::uint32_t> parse_iterations(std::string_view text) {
  if (text.empty() || text.size() > 10 || text.front() == '0') return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (value == 0 || value > kMaxIterations) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

// scheme$iterations$salt$hash, nothing more, nothing less.
std::optional<ParsedHash> parse(std::string_view encoded) {
  std::array<std::string_view, 4> parts;
  std::size_t n = 0;
  while (n < parts.size()) {
    const auto dollar = encoded.find('$');
    parts[n++] = encoded.substr(0, dollar);
    if (dollar == std::string_view::npos) break;
    encoded.remove_prefix(dollar + 1);
    if (n == parts.size()) return std::nullopt;  // a fifth field
  }
  if (n != parts.size() || parts[0] != kPasswordScheme) return std::nullopt;
  auto iterations = parse_iterations(parts[1]);
  auto salt = base64_decode(parts[2]);
  auto hash = base64_decode(parts[3]);
  if (!iterations || !salt || !hash) return std::nullopt;
  if (salt->size() < 8 || salt->size() > 64 || hash->size() < 16 || hash->size() > 64) {
    return std::nullopt;
  }
  return ParsedHash{*iterations, std::move(*salt), std::move(*hash)};
}

// Length in code points, or nullopt when `s` is not valid UTF-8 (overlong forms and surrogates
// included).
std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0U) == 0xC0U) {
      extra = 1;
      cp = c & 0x1FU;
    } else if ((c & 0xF0U) == 0xE0U) {
      extra = 2;
      cp = c & 0x0FU;
    } else if ((c & 0xF8U) == 0xF0U) {
      extra = 3;
      cp = c & 0x07U;
    } else {
      return std::nullopt;
    }
    if (i + extra >= s.size()) return std::nullopt;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0U) != 0x80U) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3FU);
    }
    static constexpr std::uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return std::nullopt;
    }
    i += extra + 1;
  }
  return count;
}

}  // namespace

Status validate_params(const PasswordHashParams& params) {
  if (params.iterations < kMinIterations || params.iterations > kMaxIterations) {
    return Error{ErrorCode::invalid_argument, "password hash iterations must be between " +
                                                  std::to_string(kMinIterations) + " and " +
                                                  std::to_string(kMaxIterations)};
  }
  return ok_status();
}

Status check_password_policy(std::string_view password) {
  if (password.empty()) return Error{ErrorCode::invalid_argument, "password is empty"};
  if (password.size() > kMaxPasswordBytes) {
    return Error{ErrorCode::invalid_argument, "password is longer than 1024 bytes"};
  }
  const auto length = utf8_length(password);
  if (!length) return Error{ErrorCode::invalid_argument, "password is not valid UTF-8"};
  if (*length < kMinPasswordChars) {
    return Error{ErrorCode::invalid_argument, "password has fewer than 8 characters"};
  }
  return ok_status();
}

Result<std::string> hash_password(std::string_view password, const PasswordHashParams& params,
                                  SecureRandom& random) {
  if (password.empty()) return Error{ErrorCode::invalid_argument, "password is empty"};
  if (auto s = validate_params(params); !s) return s.error();
  std::array<std::uint8_t, kSaltBytes> salt{};
  if (auto s = random.fill(salt); !s) return s.error();
  auto hash = detail::pbkdf2_sha256(password, salt, params.iterations, kHashBytes);
  if (!hash) return hash.error();
  return std::string(kPasswordScheme) + "$" + std::to_string(params.iterations) + "$" +
         base64_encode(salt) + "$" + base64_encode(*hash);
}

bool verify_password(std::string_view password, std::string_view encoded) {
  const auto parsed = parse(encoded);
  if (!parsed) return false;
  auto computed =
      detail::pbkdf2_sha256(password, parsed->salt, parsed->iterations, parsed->hash.size());
  return computed && detail::constant_time_equal(*computed, parsed->hash);
}

bool needs_rehash(std::string_view encoded, const PasswordHashParams& params) {
  const auto parsed = parse(encoded);
  return !parsed || parsed->iterations < params.iterations || parsed->salt.size() < kSaltBytes ||
         parsed->hash.size() < kHashBytes;
}

}  // namespace dialer::auth
