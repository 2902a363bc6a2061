// Record retention (reference REC-04): sealed call records, DNC events and consent evidence are
// kept at least 5 years (configurable upward, never below), which also covers California's 3
// years (ABN-14) and Canada's 3 years of monthly abandonment records (ABN-13). A legal hold
// stops any deletion. The stores are append-only; purge_allowed() is the only gate a future
// purge job may pass through. Pure.
#pragma once

#include <optional>
#include <string>

#include "dialer/common/time.h"

namespace dialer::compliance {

inline constexpr int kMinRetentionYears = 5;

struct RetentionPolicy {
  int years = kMinRetentionYears;
  bool legal_hold = false;  // set by a legal administrator; stops every deletion
};

// An error message when the policy weakens the legal floor, else nullopt.
std::optional<std::string> validate_retention(const RetentionPolicy& policy);

// True only when a record sealed at `sealed_at` is past its retention at `now` and no legal hold
// applies. `last_used` (consent evidence, German rules): retention runs from the last use.
bool purge_allowed(const RetentionPolicy& policy, TimePoint sealed_at, TimePoint now,
                   std::optional<TimePoint> last_used = std::nullopt);

}  // namespace dialer::compliance
