// Phone number normalization to E.164 for lead import.
// Two paths with one verdict: a NANP fast path for 10/11-digit numbers when the default region is
// US (the common case, ~100x cheaper than parsing), and libphonenumber for everything else. Both
// apply the same NANP rules (N11 codes, 555-01XX fictional range, 900 and 976 premium rate), so
// they agree; tests check this on samples. Not thread-safe: one PhoneNormalizer per import (it
// caches libphonenumber's verdict per NPA-NXX block); libphonenumber itself is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialer {

enum class PhoneStatus { ok, missing, invalid, premium_rate };

// Why a number is invalid. Stable names (to_string) appear in import reports.
enum class PhoneInvalidReason {
  none,
  not_a_number,          // no digits, or text libphonenumber cannot read
  invalid_country_code,  // '+' followed by an unknown country code
  too_short,
  too_long,
  invalid_length,  // between the shortest and longest lengths, but matching neither
  bad_area_code,   // NANP area code starting with 0 or 1
  bad_exchange,    // NANP exchange starting with 0 or 1
  n11_code,        // NANP area code or exchange of the form N11 (211, 411, 911, ...)
  fictional_555,   // 555-0100 to 555-0199, reserved for fiction
  not_assigned,    // well formed, but not a valid number according to libphonenumber
};

std::string_view to_string(PhoneStatus status);
std::string_view to_string(PhoneInvalidReason reason);

struct PhoneResult {
  PhoneStatus status = PhoneStatus::missing;
  PhoneInvalidReason reason = PhoneInvalidReason::none;
  std::string e164;       // set when status is ok or premium_rate
  std::uint64_t key = 0;  // the E.164 digits as an integer (unique, never 0 when set)

  [[nodiscard]] bool ok() const { return status == PhoneStatus::ok; }
};

// The E.164 digits of "+<digits>" as an integer, or 0 when `e164` is not of that form.
std::uint64_t e164_key(std::string_view e164);

class PhoneNormalizer {
 public:
  explicit PhoneNormalizer(std::string default_region = "US");

  // Fast path when it applies, libphonenumber otherwise.
  PhoneResult normalize(std::string_view raw);
  // Always libphonenumber (plus the NANP rules); exposed so tests can compare the two paths.
  PhoneResult normalize_with_library(std::string_view raw) const;

  [[nodiscard]] std::int64_t fast_path_count() const { return fast_path_count_; }
  [[nodiscard]] std::int64_t library_count() const { return library_count_; }

 private:
  enum class BlockVerdict : std::uint8_t { unknown, valid, per_number };

  std::optional<PhoneResult> try_fast_path(std::string_view raw);
  PhoneResult classify_nanp(std::uint64_t national);
  BlockVerdict block_verdict(std::uint64_t national);

  std::string default_region_;
  bool nanp_fast_path_;
  std::vector<std::uint8_t> blocks_;  // 2-bit BlockVerdict per NPA*1000+NXX, made on first use
  std::int64_t fast_path_count_ = 0;
  std::int64_t library_count_ = 0;
};

}  // namespace dialer
