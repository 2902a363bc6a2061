// E.164 numbers as 64-bit integers (the digits after '+'): the key of duplicate detection at
// import and of every compliance table.
// Pure value functions; thread-safe. An E.164 number has 8 to 15 digits and never starts with 0,
// so the integer form is unique and round-trips to the text form.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dialer {

using PhoneKey = std::uint64_t;

// "+12125550199" -> 12125550199; nullopt for anything that is not '+' and 8-15 digits.
std::optional<PhoneKey> parse_e164(std::string_view text);
std::string format_e164(PhoneKey key);

// North American Numbering Plan numbers: country code 1 and ten national digits.
constexpr bool is_nanp(PhoneKey key) {
  return key >= 12'000'000'000ULL && key <= 19'999'999'999ULL;
}
constexpr int nanp_npa(PhoneKey key) { return static_cast<int>((key / 10'000'000ULL) % 1000); }
constexpr int nanp_nxx(PhoneKey key) { return static_cast<int>((key / 10'000ULL) % 1000); }

}  // namespace dialer
