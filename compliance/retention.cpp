#include "compliance/retention.h"

#include <date/date.h>

#include <algorithm>

namespace dialer::compliance {

std::optional<std::string> validate_retention(const RetentionPolicy& policy) {
  if (policy.years < kMinRetentionYears) {
    return "retention of " + std::to_string(policy.years) +
           " years is below the 5-year legal minimum";
  }
  return std::nullopt;
}

bool purge_allowed(const RetentionPolicy& policy, TimePoint sealed_at, TimePoint now,
                   std::optional<TimePoint> last_used) {
  if (policy.legal_hold || validate_retention(policy)) return false;
  const TimePoint from = last_used ? std::max(sealed_at, *last_used) : sealed_at;
  // Calendar years (a leap day never shortens the period): same date `years` later, UTC.
  const auto day = date::floor<date::days>(from);
  const date::year_month_day ymd{day};
  const auto end_ymd = ymd + date::years{policy.years};
  // 29 February plus whole years lands on 1 March when that year has no 29 February.
  const date::sys_days end_day = end_ymd.ok()
                                     ? date::sys_days{end_ymd}
                                     : date::sys_days{end_ymd.year() / end_ymd.month() / date::last} +
                                           date::days{1};
  const TimePoint end =
      TimePoint{std::chrono::duration_cast<Duration>(end_day.time_since_epoch())} + (from - day);
  return now >= end;
}

}  // namespace dialer::compliance
