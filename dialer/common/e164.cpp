#include "dialer/common/e164.h"

namespace dialer {

std::optional<PhoneKey> parse_e164(std::string_view text) {
  if (text.size() < 9 || text.size() > 16 || text.front() != '+' || text[1] == '0') {
    return std::nullopt;
  }
  PhoneKey key = 0;
  for (char c : text.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    key = key * 10 + static_cast<PhoneKey>(c - '0');
  }
  return key;
}

std::string format_e164(PhoneKey key) { return "+" + std::to_string(key); }

}  // namespace dialer
