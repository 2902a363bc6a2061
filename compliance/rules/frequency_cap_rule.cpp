#include "compliance/rules/frequency_cap_rule.h"

#include <date/tz.h>

#include <algorithm>

namespace dialer::compliance {
namespace {

constexpr Duration kDay = std::chrono::hours{24};

// Over the cap: defer until the oldest counted attempt leaves the window.
std::optional<TimePoint> over_cap(const std::vector<TimePoint>& attempts, int cap) {
  if (cap <= 0 || static_cast<int>(attempts.size()) < cap) return std::nullopt;
  return attempts[attempts.size() - static_cast<std::size_t>(cap)] + kDay;
}

const date::time_zone* london() {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  return zone;
}

}  // namespace

int FrequencyCapRule::same_subject_cap(const DialContext& ctx) const {
  int cap = 0;
  for (auto j : ctx.tz.jurisdictions) {
    auto it = caps_.same_subject_24h_by_state.find(j);
    if (it != caps_.same_subject_24h_by_state.end() && (cap == 0 || it->second < cap)) {
      cap = it->second;
    }
  }
  return cap;
}

RuleOutcome FrequencyCapRule::uk_lockouts(const DialContext& ctx) const {
  if (ctx.policy.profile != JurisdictionProfile::uk || ctx.request.agent_reserved) {
    return RuleOutcome::allow();
  }
  const auto now = ctx.request.now;
  if (auto t = history_.last_abandoned(ctx.number); t && now < *t + caps_.uk_abandoned_lockout) {
    return RuleOutcome::defer(DecisionReason::uk_72h_lockout, *t + caps_.uk_abandoned_lockout);
  }
  if (auto day = history_.last_amd_machine_day(ctx.number)) {
    const auto local = london()->to_local(date::floor<std::chrono::seconds>(now));
    const auto today = date::floor<date::days>(local);
    if (today.time_since_epoch().count() <= *day) {
      const auto next_midnight = london()->to_sys(today + date::days{1}, date::choose::earliest);
      return RuleOutcome::defer(
          DecisionReason::uk_amd_same_day_lockout,
          TimePoint{std::chrono::duration_cast<Duration>(next_midnight.time_since_epoch())});
    }
  }
  return RuleOutcome::allow();
}

RuleOutcome FrequencyCapRule::evaluate(const DialContext& ctx) {
  const auto& campaign = ctx.policy.campaign;
  if (campaign && campaign->retry.max_attempts > 0 &&
      ctx.request.lead_attempts >= campaign->retry.max_attempts) {
    return RuleOutcome::deny(DecisionReason::freq_cap_lead_lifetime);
  }
  if (auto c = collection_caps(ctx); c.verdict != Verdict::allow) return c;
  if (!history_.knows(ctx.number)) return RuleOutcome::allow();  // never attempted: no cap hit
  if (auto p = prerecorded_caps(ctx); p.verdict != Verdict::allow) return p;
  const auto now = ctx.request.now;
  if (caps_.per_number_24h > 0) {
    if (auto t =
            over_cap(history_.attempts_within(ctx.number, now, kDay, std::nullopt, std::nullopt),
                     caps_.per_number_24h)) {
      return RuleOutcome::defer(DecisionReason::freq_cap_number_24h, *t);
    }
  }
  if (const int cap = same_subject_cap(ctx); cap > 0) {
    if (auto t = over_cap(history_.attempts_within(ctx.number, now, kDay, std::nullopt,
                                                   ctx.policy.subject_matter),
                          cap)) {
      return RuleOutcome::defer(DecisionReason::freq_cap_same_subject_24h, *t);
    }
  }
  if (campaign) {
    if (auto t = over_cap(
            history_.attempts_within(ctx.number, now, kDay, ctx.request.campaign, std::nullopt),
            campaign->retry.max_attempts_per_day)) {
      return RuleOutcome::defer(DecisionReason::freq_cap_campaign_24h, *t);
    }
  }
  return uk_lockouts(ctx);
}

void FrequencyCapRule::on_allowed(const DialContext& ctx) {
  history_.record_attempt(ctx.number, ctx.request.campaign, ctx.policy.subject_matter,
                          ctx.request.now, ctx.policy.prerecorded);
  if (ctx.policy.collections && !ctx.request.debt_id.empty()) {
    history_.record_debt_attempt(ctx.request.debt_id, ctx.request.now);
  }
}

}  // namespace dialer::compliance
