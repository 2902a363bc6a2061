// Internal to dialer/api/auth: the OpenSSL calls (SHA-256, PBKDF2-HMAC-SHA256, constant-time
// comparison) behind one small header, so no other file includes OpenSSL. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "dialer/common/result.h"

namespace dialer::auth::detail {

using Sha256 = std::array<std::uint8_t, 32>;

Sha256 sha256(std::string_view data);

// PBKDF2 with HMAC-SHA256; `length` output bytes.
Result<std::vector<std::uint8_t>> pbkdf2_sha256(std::string_view password,
                                                std::span<const std::uint8_t> salt,
                                                std::uint32_t iterations, std::size_t length);

// Compares in time that depends only on the lengths, never on where the bytes differ.
bool constant_time_equal(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace dialer::auth::detail
