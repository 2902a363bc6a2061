#include "compliance/abandonment_ledger.h"

#include <date/tz.h>

#include <algorithm>

namespace dialer::compliance {
namespace {

std::int64_t minute_of(TimePoint t) {
  return std::chrono::floor<std::chrono::minutes>(t).time_since_epoch().count();
}

std::int32_t london_day(TimePoint t) {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  const auto local = zone->to_local(std::chrono::floor<std::chrono::seconds>(t));
  return static_cast<std::int32_t>(date::floor<date::days>(local).time_since_epoch().count());
}

TimePoint london_midnight(std::int32_t day) {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  const auto sys = zone->to_sys(date::local_days{date::days{day}}, date::choose::earliest);
  return TimePoint{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
}

AbandonCounts counts_of(const CallOutcome& o) {
  AbandonCounts c;
  c.attempts_dialed = 1;
  c.live_answered = o.live_answer ? 1 : 0;
  c.amd_machine = o.amd_machine ? 1 : 0;
  if (o.abandoned && o.live_answer) {
    switch (o.abandon_reason) {
      case AbandonReason::no_agent:
        c.abandoned_no_agent = 1;
        break;
      case AbandonReason::late_bridge:
        c.abandoned_late_bridge = 1;
        break;
      default:
        c.abandoned_other = 1;
        break;
    }
  }
  c.safe_harbor_played = o.safe_harbor_played ? 1 : 0;
  c.optouts_taken = o.optout_taken ? 1 : 0;
  return c;
}

}  // namespace

std::string_view to_string(AbandonReason r) {
  switch (r) {
    case AbandonReason::no_agent:
      return "NO_AGENT";
    case AbandonReason::late_bridge:
      return "LATE_BRIDGE";
    case AbandonReason::dialer_hangup_on_live:
      return "DIALER_HANGUP_ON_LIVE";
    case AbandonReason::amd_false_positive:
      return "AMD_FALSE_POSITIVE";
    case AbandonReason::system_failure:
      return "SYSTEM_FAILURE";
  }
  return "?";
}

std::string_view to_string(PeriodKind k) {
  switch (k) {
    case PeriodKind::us_30d_successive:
      return "US_30D_SUCCESSIVE";
    case PeriodKind::uk_calendar_day:
      return "UK_CALENDAR_DAY";
    case PeriodKind::rolling_control:
      return "ROLLING_CONTROL";
  }
  return "?";
}

double AbandonCounts::rate() const {
  const auto den = live_answered + amd_false_positive_confirmed;
  return den == 0 ? 0.0
                  : static_cast<double>(abandoned_total() + amd_false_positive_confirmed) /
                        static_cast<double>(den);
}

double AbandonCounts::estimated_false_positives(double estimate_rate) const {
  const auto unconfirmed = std::max<std::int64_t>(0, amd_machine - amd_false_positive_confirmed);
  return estimate_rate * static_cast<double>(unconfirmed);
}

double AbandonCounts::rate_with_estimate(double estimate_rate) const {
  const double est = estimated_false_positives(estimate_rate);
  const double den = static_cast<double>(live_answered + amd_false_positive_confirmed) + est;
  return den == 0
             ? 0.0
             : (static_cast<double>(abandoned_total() + amd_false_positive_confirmed) + est) / den;
}

void AbandonCounts::add(const AbandonCounts& o, int sign) {
  attempts_dialed += sign * o.attempts_dialed;
  live_answered += sign * o.live_answered;
  amd_machine += sign * o.amd_machine;
  amd_false_positive_confirmed += sign * o.amd_false_positive_confirmed;
  abandoned_no_agent += sign * o.abandoned_no_agent;
  abandoned_late_bridge += sign * o.abandoned_late_bridge;
  abandoned_other += sign * o.abandoned_other;
  safe_harbor_played += sign * o.safe_harbor_played;
  optouts_taken += sign * o.optouts_taken;
}

AbandonmentLedger::AbandonmentLedger(TimePoint campaign_start, LedgerConfig config)
    : start_(campaign_start), config_(std::move(config)) {
  for (auto length : config_.control_windows) {
    windows_.push_back({length, std::numeric_limits<std::int64_t>::min(), {}});
  }
}

void AbandonmentLedger::add(TimePoint at, const AbandonCounts& delta) {
  if (at >= start_) legal_[(at - start_) / config_.legal_period].add(delta);
  uk_days_[london_day(at)].add(delta);
  const auto minute = minute_of(at);
  minutes_[minute].add(delta);
  for (auto& w : windows_) {
    if (minute >= w.first_minute) w.sum.add(delta);
  }
}

void AbandonmentLedger::record(const CallOutcome& outcome) { add(outcome.at, counts_of(outcome)); }

void AbandonmentLedger::confirm_false_positive(TimePoint dialed_at) {
  AbandonCounts delta;
  delta.amd_false_positive_confirmed = 1;
  add(dialed_at, delta);
}

void AbandonmentLedger::advance(TimePoint now) {
  std::int64_t oldest_needed = std::numeric_limits<std::int64_t>::max();
  for (auto& w : windows_) {
    // Window (now - length, now] at minute resolution.
    const auto first = minute_of(now - w.length) + 1;
    if (first > w.first_minute) {
      for (auto it = minutes_.lower_bound(w.first_minute);
           it != minutes_.end() && it->first < first; ++it) {
        w.sum.add(it->second, -1);
      }
      w.first_minute = first;
    }
    oldest_needed = std::min(oldest_needed, w.first_minute);
  }
  minutes_.erase(minutes_.begin(), minutes_.lower_bound(oldest_needed));
}

PeriodReport AbandonmentLedger::report(PeriodKind kind, std::int64_t index, TimePoint start,
                                       TimePoint end, const AbandonCounts& counts) const {
  PeriodReport r{kind, index, start, end, counts, counts.rate(), 0, 0};
  r.estimated_false_positives = counts.estimated_false_positives(config_.false_positive_estimate);
  r.rate_with_estimate = counts.rate_with_estimate(config_.false_positive_estimate);
  return r;
}

PeriodReport AbandonmentLedger::control_report(std::size_t window, TimePoint now) const {
  const auto& w = windows_.at(window);
  return report(PeriodKind::rolling_control, static_cast<std::int64_t>(window), now - w.length, now,
                w.sum);
}

std::vector<PeriodReport> AbandonmentLedger::legal_periods(TimePoint now) const {
  std::vector<PeriodReport> out;
  if (now <= start_) return out;
  const auto elapsed = now - start_;
  const auto count = (elapsed + config_.legal_period - Duration{1}) / config_.legal_period;
  for (std::int64_t i = 0; i < count; ++i) {
    const auto begin = start_ + i * config_.legal_period;
    const auto end = std::min(now, begin + config_.legal_period);
    auto it = legal_.find(i);
    out.push_back(report(PeriodKind::us_30d_successive, i, begin, end,
                         it == legal_.end() ? AbandonCounts{} : it->second));
  }
  return out;
}

std::vector<PeriodReport> AbandonmentLedger::uk_days() const {
  std::vector<PeriodReport> out;
  for (const auto& [day, counts] : uk_days_) {
    out.push_back(report(PeriodKind::uk_calendar_day, day, london_midnight(day),
                         london_midnight(day + 1), counts));
  }
  return out;
}

}  // namespace dialer::compliance
