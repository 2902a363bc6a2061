// AbandonmentLedger: one campaign's abandonment counts (ABN-06, ABN-07, ABN-12): the legal rate
// over successive 30-day periods from the campaign start (the last one partial), rolling control
// windows (default 30 days and 24 hours, to the minute), and UK calendar days (Europe/London).
// Rate = (abandoned + confirmed AMD false positives) / (live answers + confirmed false
// positives); the configured false-positive estimate is reported separately. Pure: fed outcomes
// with their timestamps; advance(now) moves the rolling windows. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::compliance {

enum class AbandonReason : std::uint8_t {
  no_agent,
  late_bridge,
  dialer_hangup_on_live,
  amd_false_positive,
  system_failure
};
std::string_view to_string(AbandonReason r);

struct CallOutcome {
  TimePoint at;  // when the call was dialed: the period it belongs to
  bool live_answer = false;
  bool amd_machine = false;
  bool abandoned = false;
  AbandonReason abandon_reason = AbandonReason::no_agent;
  bool safe_harbor_played = false;
  bool optout_taken = false;
};

struct AbandonCounts {
  std::int64_t attempts_dialed = 0;
  std::int64_t live_answered = 0;
  std::int64_t amd_machine = 0;
  std::int64_t amd_false_positive_confirmed = 0;
  std::int64_t abandoned_no_agent = 0;
  std::int64_t abandoned_late_bridge = 0;
  std::int64_t abandoned_other = 0;
  std::int64_t safe_harbor_played = 0;
  std::int64_t optouts_taken = 0;

  [[nodiscard]] std::int64_t abandoned_total() const {
    return abandoned_no_agent + abandoned_late_bridge + abandoned_other;
  }
  // Confirmed false positives count in numerator and denominator.
  [[nodiscard]] double rate() const;
  [[nodiscard]] double estimated_false_positives(double estimate_rate) const;
  [[nodiscard]] double rate_with_estimate(double estimate_rate) const;
  void add(const AbandonCounts& o, int sign = 1);
};

struct LedgerConfig {
  std::vector<Duration> control_windows{std::chrono::hours{24 * 30}, std::chrono::hours{24}};
  Duration legal_period = std::chrono::hours{24 * 30};
  double false_positive_estimate = 0.0;  // share of AMD-machine verdicts that were people
};

enum class PeriodKind : std::uint8_t { us_30d_successive, uk_calendar_day, rolling_control };
std::string_view to_string(PeriodKind k);

struct PeriodReport {
  PeriodKind kind = PeriodKind::us_30d_successive;
  std::int64_t index = 0;
  TimePoint start;
  TimePoint end;  // exclusive; the partial last period ends "now"
  AbandonCounts counts;
  double rate = 0;
  double estimated_false_positives = 0;
  double rate_with_estimate = 0;
};

class AbandonmentLedger {
 public:
  AbandonmentLedger(TimePoint campaign_start, LedgerConfig config);

  void record(const CallOutcome& outcome);
  // An AMD-machine call placed at `dialed_at` was later confirmed to be a person.
  void confirm_false_positive(TimePoint dialed_at);
  // Moves every rolling window to end at `now`.
  void advance(TimePoint now);

  [[nodiscard]] const AbandonCounts& control(std::size_t window) const {
    return windows_.at(window).sum;
  }
  [[nodiscard]] PeriodReport control_report(std::size_t window, TimePoint now) const;
  [[nodiscard]] std::vector<PeriodReport> legal_periods(TimePoint now) const;
  [[nodiscard]] std::vector<PeriodReport> uk_days() const;
  [[nodiscard]] const LedgerConfig& config() const { return config_; }
  [[nodiscard]] TimePoint campaign_start() const { return start_; }

 private:
  struct Window {
    Duration length;
    std::int64_t first_minute;  // oldest bucket still in the window
    AbandonCounts sum;
  };
  void add(TimePoint at, const AbandonCounts& delta);
  PeriodReport report(PeriodKind kind, std::int64_t index, TimePoint start, TimePoint end,
                      const AbandonCounts& counts) const;

  TimePoint start_;
  LedgerConfig config_;
  std::map<std::int64_t, AbandonCounts> legal_;    // by period index
  std::map<std::int32_t, AbandonCounts> uk_days_;  // by London calendar day
  std::map<std::int64_t, AbandonCounts> minutes_;  // rolling-window buckets
  std::vector<Window> windows_;
};

}  // namespace dialer::compliance
