// Base64 (RFC 4648, standard and URL-safe alphabets, never padded) for salts, hashes and tokens.
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dialer::auth {

std::string base64_encode(std::span<const std::uint8_t> bytes);     // A-Z a-z 0-9 + /
std::string base64url_encode(std::span<const std::uint8_t> bytes);  // A-Z a-z 0-9 - _
// Decodes unpadded standard base64; nullopt on any character outside the alphabet, on '=' and
// on a length that no encoding produces.
std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text);

}  // namespace dialer::auth
