#include "dialer/api/auth/encoding.h"

namespace dialer::auth {
namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string encode(std::span<const std::uint8_t> in, std::string_view alphabet) {
  std::string out;
  out.reserve((in.size() * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | std::uint32_t{in[i + 2]};
    for (int shift : {18, 12, 6, 0}) out.push_back(alphabet[(v >> shift) & 63U]);
  }
  const std::size_t rest = in.size() - i;
  if (rest == 1) {
    const std::uint32_t v = std::uint32_t{in[i]} << 16;
    for (int shift : {18, 12}) out.push_back(alphabet[(v >> shift) & 63U]);
  } else if (rest == 2) {
    const std::uint32_t v = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8);
    for (int shift : {18, 12, 6}) out.push_back(alphabet[(v >> shift) & 63U]);
  }
  return out;
}

int value_of(char c) {
  const auto pos = kStandard.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::string base64_encode(std::span<const std::uint8_t> bytes) { return encode(bytes, kStandard); }

std::string base64url_encode(std::span<const std::uint8_t> bytes) { return encode(bytes, kUrl); }

std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::vector<std::uint8_t> out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const int v = value_of(c);
    if (v < 0) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>((acc >> bits) & 0xFFU));
    }
  }
  // Leftover bits must be zero, so that each byte string has exactly one encoding.
  if ((acc & ((1U << bits) - 1U)) != 0) return std::nullopt;
  return out;
}

}  // namespace dialer::auth
