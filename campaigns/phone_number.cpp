#include "campaigns/phone_number.h"

#include "dialer/common/e164.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <utility>

namespace dialer {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr std::uint64_t kTenDigits = 10'000'000'000ULL;  // 10^10: "1" + 10-digit NANP number
constexpr std::size_t kNanpBlocks = 1'000'000;           // NPA*1000 + NXX

PhoneResult invalid(PhoneInvalidReason reason) {
  PhoneResult r;
  r.status = PhoneStatus::invalid;
  r.reason = reason;
  return r;
}

PhoneResult number(std::string e164, bool premium) {
  PhoneResult r;
  r.status = premium ? PhoneStatus::premium_rate : PhoneStatus::ok;
  r.key = e164_key(e164);
  r.e164 = std::move(e164);
  return r;
}

bool is_blank(std::string_view raw) {
  return raw.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// NANP numbering-plan rules that libphonenumber's metadata does not apply (it accepts N11
// exchanges and the fictional 555-01XX range). `national` is the 10-digit NPA-NXX-XXXX number.
std::optional<PhoneInvalidReason> nanp_rule_violation(std::uint64_t national) {
  const auto npa = national / 10'000'000;
  const auto nxx = national / 10'000 % 1000;
  const auto line = national % 10'000;
  if (npa < 200) return PhoneInvalidReason::bad_area_code;
  if (nxx < 200) return PhoneInvalidReason::bad_exchange;
  if (npa % 100 == 11 || nxx % 100 == 11) return PhoneInvalidReason::n11_code;
  if (nxx == 555 && line >= 100 && line <= 199) return PhoneInvalidReason::fictional_555;
  return std::nullopt;
}

bool nanp_premium(std::uint64_t national) {
  return national / 10'000'000 == 900 || national / 10'000 % 1000 == 976;
}

PhoneInvalidReason parse_error_reason(PhoneNumberUtil::ErrorType error) {
  switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return PhoneInvalidReason::invalid_country_code;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return PhoneInvalidReason::too_short;
    case PhoneNumberUtil::TOO_LONG_NSN:
      return PhoneInvalidReason::too_long;
    default:
      return PhoneInvalidReason::not_a_number;
  }
}

PhoneInvalidReason invalidity_reason(const PhoneNumberUtil& util, const PhoneNumber& n) {
  switch (util.IsPossibleNumberWithReason(n)) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return PhoneInvalidReason::invalid_country_code;
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:  // e.g. 7 digits without the area code
      return PhoneInvalidReason::too_short;
    case PhoneNumberUtil::TOO_LONG:
      return PhoneInvalidReason::too_long;
    case PhoneNumberUtil::INVALID_LENGTH:
      return PhoneInvalidReason::invalid_length;
    default:
      return PhoneInvalidReason::not_assigned;
  }
}

PhoneNumber nanp_number(std::uint64_t national) {
  PhoneNumber n;
  n.set_country_code(1);
  n.set_national_number(national);
  return n;
}

std::string nanp_e164(std::uint64_t national) {
  char buf[12];
  buf[0] = '+';
  buf[1] = '1';
  for (int i = 11; i >= 2; --i) {
    buf[i] = static_cast<char>('0' + national % 10);
    national /= 10;
  }
  return std::string(buf, sizeof buf);
}

}  // namespace

std::string_view to_string(PhoneStatus status) {
  switch (status) {
    case PhoneStatus::ok:
      return "ok";
    case PhoneStatus::missing:
      return "missing";
    case PhoneStatus::invalid:
      return "invalid";
    case PhoneStatus::premium_rate:
      return "premium_rate";
  }
  return "unknown";
}

std::string_view to_string(PhoneInvalidReason reason) {
  switch (reason) {
    case PhoneInvalidReason::none:
      return "none";
    case PhoneInvalidReason::not_a_number:
      return "not_a_number";
    case PhoneInvalidReason::invalid_country_code:
      return "invalid_country_code";
    case PhoneInvalidReason::too_short:
      return "too_short";
    case PhoneInvalidReason::too_long:
      return "too_long";
    case PhoneInvalidReason::invalid_length:
      return "invalid_length";
    case PhoneInvalidReason::bad_area_code:
      return "bad_area_code";
    case PhoneInvalidReason::bad_exchange:
      return "bad_exchange";
    case PhoneInvalidReason::n11_code:
      return "n11_code";
    case PhoneInvalidReason::fictional_555:
      return "fictional_555";
    case PhoneInvalidReason::not_assigned:
      return "not_assigned";
  }
  return "unknown";
}

std::uint64_t e164_key(std::string_view e164) { return parse_e164(e164).value_or(0); }

PhoneNormalizer::PhoneNormalizer(std::string default_region)
    : default_region_(std::move(default_region)), nanp_fast_path_(default_region_ == "US") {}

PhoneResult PhoneNormalizer::normalize(std::string_view raw) {
  if (is_blank(raw)) return PhoneResult{};
  if (auto fast = try_fast_path(raw)) {
    ++fast_path_count_;
    return std::move(*fast);
  }
  ++library_count_;
  return normalize_with_library(raw);
}

std::optional<PhoneResult> PhoneNormalizer::try_fast_path(std::string_view raw) {
  if (!nanp_fast_path_) return std::nullopt;
  std::uint64_t digits = 0;
  int count = 0;
  bool plus = false;
  for (char c : raw) {
    if (c >= '0' && c <= '9') {
      if (++count > 11) return std::nullopt;
      digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
    } else if (c == '+' && count == 0 && !plus) {
      plus = true;
    } else if (c != ' ' && c != '(' && c != ')' && c != '-' && c != '.' && c != '\t') {
      return std::nullopt;  // letters, extensions, other separators: libphonenumber decides
    }
  }
  std::uint64_t national = 0;
  if (count == 11 && digits / kTenDigits == 1) {
    national = digits % kTenDigits;
  } else if (count == 10 && !plus && digits / 1'000'000'000 >= 2) {
    national = digits;  // a leading 0 or 1 makes libphonenumber try a national prefix
  } else {
    return std::nullopt;
  }
  return classify_nanp(national);
}

PhoneNormalizer::BlockVerdict PhoneNormalizer::block_verdict(std::uint64_t national) {
  // Two bits per block (250 KB for all of them) so that the table stays in cache.
  if (blocks_.empty()) blocks_.assign(kNanpBlocks / 4, 0);
  const auto block = static_cast<std::size_t>(national / 10'000);
  std::uint8_t& cell = blocks_[block / 4];
  const unsigned shift = static_cast<unsigned>(block % 4) * 2;
  auto verdict = static_cast<BlockVerdict>((cell >> shift) & 3u);
  if (verdict == BlockVerdict::unknown) {
    // US and Canadian metadata decide validity by NPA-NXX (every pattern ends in \d{4}), so one
    // answer holds for the whole block. Other NANP regions are finer: asked per number.
    const auto& util = *PhoneNumberUtil::GetInstance();
    const PhoneNumber n = nanp_number(national);
    const bool whole_block =
        util.IsValidNumberForRegion(n, "US") || util.IsValidNumberForRegion(n, "CA");
    verdict = whole_block ? BlockVerdict::valid : BlockVerdict::per_number;
    cell = static_cast<std::uint8_t>(cell | (static_cast<unsigned>(verdict) << shift));
  }
  return verdict;
}

PhoneResult PhoneNormalizer::classify_nanp(std::uint64_t national) {
  if (auto violation = nanp_rule_violation(national)) return invalid(*violation);
  bool premium = nanp_premium(national);
  if (block_verdict(national) == BlockVerdict::per_number) {
    const auto& util = *PhoneNumberUtil::GetInstance();
    const PhoneNumber n = nanp_number(national);
    if (!util.IsValidNumber(n)) return invalid(invalidity_reason(util, n));
    premium = premium || util.GetNumberType(n) == PhoneNumberUtil::PREMIUM_RATE;
  }
  PhoneResult r;
  r.status = premium ? PhoneStatus::premium_rate : PhoneStatus::ok;
  r.e164 = nanp_e164(national);
  r.key = kTenDigits + national;
  return r;
}

PhoneResult PhoneNormalizer::normalize_with_library(std::string_view raw) const {
  if (is_blank(raw)) return PhoneResult{};
  const auto& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber n;
  const auto error = util.Parse(std::string(raw), default_region_, &n);
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) return invalid(parse_error_reason(error));
  const std::uint64_t national = n.national_number();
  const bool nanp10 = n.country_code() == 1 && national >= 1'000'000'000 && national < kTenDigits;
  if (nanp10) {
    if (auto violation = nanp_rule_violation(national)) return invalid(*violation);
  }
  if (!util.IsValidNumber(n)) return invalid(invalidity_reason(util, n));
  std::string e164;
  util.Format(n, PhoneNumberUtil::E164, &e164);
  const bool premium =
      util.GetNumberType(n) == PhoneNumberUtil::PREMIUM_RATE || (nanp10 && nanp_premium(national));
  return number(std::move(e164), premium);
}

}  // namespace dialer
