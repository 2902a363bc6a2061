#include "compliance/dnc_lists.h"

#include <string>

namespace dialer::compliance {
namespace {

bool is_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// "AAANNNNNNN", "AAA,NNNNNNN" (spaces around fields tolerated) -> 1AAANNNNNNN.
std::optional<PhoneKey> parse_registry_line(std::string_view line) {
  std::string digits;
  digits.reserve(11);
  const auto comma = line.find(',');
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  };
  if (comma == std::string_view::npos) {
    auto n = trim(line);
    if (n.size() != 10 || !is_digits(n)) return std::nullopt;
    digits.append(n);
  } else {
    auto area = trim(line.substr(0, comma));
    auto local = trim(line.substr(comma + 1));
    if (area.size() != 3 || local.size() != 7 || !is_digits(area) || !is_digits(local)) {
      return std::nullopt;
    }
    digits.append(area).append(local);
  }
  if (digits[0] < '2') return std::nullopt;  // NANP area codes start with 2-9
  return parse_e164("+1" + digits);
}

}  // namespace

Result<std::vector<PhoneKey>> parse_national_registry(std::istream& in) {
  std::vector<PhoneKey> out;
  std::string line;
  std::size_t number = 0;
  bool seen_data = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto key = parse_registry_line(line);
    if (!key) {
      if (!seen_data && number == 1) continue;  // header
      return Error{ErrorCode::parse_error,
                   "registry line " + std::to_string(number) + ": not a 10-digit number"};
    }
    seen_data = true;
    out.push_back(*key);
  }
  return out;
}

bool DncLists::campaign_contains(CampaignId c, PhoneKey n) const {
  auto it = campaign_.find(c);
  return it != campaign_.end() && it->second.contains(n);
}

}  // namespace dialer::compliance
