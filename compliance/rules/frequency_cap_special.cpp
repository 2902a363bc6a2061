// The frequency caps of two campaign kinds (part of FrequencyCapRule):
// - FRQ-03: prerecorded-message campaigns under a TRACED Act exemption, per number, counted over
//   rolling windows of 24 h, 7 days and 30 days (a rolling window counts at least as many calls
//   as any calendar reading of "per day" or "30 consecutive days").
// - FRQ-04: debt collection, per debt across the person's numbers: at most 7 calls in 7 days
//   (rolling), and none for 7 days after a completed conversation, the day of the conversation
//   being day 1 in the called person's local time (the latest midnight of the candidate zones).
#include <date/tz.h>

#include "compliance/rules/frequency_cap_rule.h"

namespace dialer::compliance {
namespace {

constexpr Duration kDay = std::chrono::hours{24};
constexpr int kCollectionCalls = 7;
constexpr int kCollectionDays = 7;

std::optional<TimePoint> cap_reached(const std::vector<TimePoint>& attempts, int cap,
                                     Duration window) {
  if (cap <= 0 || static_cast<int>(attempts.size()) < cap) return std::nullopt;
  return attempts[attempts.size() - static_cast<std::size_t>(cap)] + window;
}

// Local midnight starting day `days_after` after the local day of `t`, in the latest zone.
TimePoint local_midnight_after(const DialContext& ctx, TimePoint t, int days_after) {
  const auto seconds = date::floor<std::chrono::seconds>(t);
  std::optional<TimePoint> latest;
  for (const auto* zone : ctx.tz.zones) {
    const auto day = date::floor<date::days>(zone->to_local(seconds)) + date::days{days_after};
    const auto sys = zone->to_sys(date::local_seconds{day}, date::choose::latest);
    const TimePoint m{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
    if (!latest || m > *latest) latest = m;
  }
  if (latest) return *latest;
  const auto utc_day = date::floor<date::days>(t) + date::days{days_after};
  return TimePoint{std::chrono::duration_cast<Duration>(utc_day.time_since_epoch())};
}

}  // namespace

RuleOutcome FrequencyCapRule::prerecorded_caps(const DialContext& ctx) const {
  if (!ctx.policy.prerecorded || !ctx.policy.prerecorded_caps) return RuleOutcome::allow();
  const auto& caps = *ctx.policy.prerecorded_caps;
  const std::pair<int, Duration> limits[] = {
      {caps.per_day, kDay}, {caps.per_week, 7 * kDay}, {caps.per_30_days, 30 * kDay}};
  std::optional<TimePoint> until;
  for (const auto& [cap, window] : limits) {
    if (auto t = cap_reached(history_.prerecorded_within(ctx.number, ctx.request.now, window),
                             cap, window)) {
      if (!until || *t > *until) until = t;
    }
  }
  if (until) return RuleOutcome::defer(DecisionReason::freq_cap_prerecorded, *until);
  return RuleOutcome::allow();
}

RuleOutcome FrequencyCapRule::collection_caps(const DialContext& ctx) const {
  if (!ctx.policy.collections || ctx.request.debt_id.empty()) return RuleOutcome::allow();
  const auto now = ctx.request.now;
  if (auto talked = history_.last_debt_conversation(ctx.request.debt_id)) {
    const auto reopens = local_midnight_after(ctx, *talked, kCollectionDays);
    if (now < reopens) {
      return RuleOutcome::defer(DecisionReason::collection_conversation_lockout, reopens);
    }
  }
  const Duration window = kCollectionDays * kDay;
  if (auto t = cap_reached(history_.debt_attempts_within(ctx.request.debt_id, now, window),
                           kCollectionCalls, window)) {
    return RuleOutcome::defer(DecisionReason::collection_cap_7_in_7, *t);
  }
  return RuleOutcome::allow();
}

}  // namespace dialer::compliance
