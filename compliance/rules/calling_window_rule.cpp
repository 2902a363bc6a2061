#include "compliance/rules/calling_window_rule.h"

#include <algorithm>

namespace dialer::compliance {
namespace {

constexpr int kDaysSearched = 8;

const CallingWindow* campaign_window(const DialContext& ctx) {
  return ctx.policy.campaign ? &ctx.policy.campaign->calling_window : nullptr;
}

// WIN-02: the lead's own window narrows the day's window further.
DayWindow narrowed_to_lead(DayWindow w, const DialContext& ctx,
                           std::vector<std::string_view>* applied) {
  const auto& lead = ctx.request.lead_window;
  if (!lead) return w;
  w.start_minute = std::max(w.start_minute, lead->start_minute);
  w.end_minute = std::min(w.end_minute, lead->end_minute);
  if (applied != nullptr) applied->push_back("LEAD_WINDOW");
  return w;
}

Duration ring_budget(const DialContext& ctx) {
  const Duration ring =
      ctx.policy.campaign ? ctx.policy.campaign->ring_timeout : Duration{std::chrono::seconds{60}};
  return ring + ctx.policy.window_margin;
}

}  // namespace

bool CallingWindowRule::open_everywhere(const DialContext& ctx, TimePoint t, DecisionReason* why,
                                        std::vector<std::string_view>* applied) const {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  const Duration budget = ring_budget(ctx);
  for (const auto* zone : ctx.tz.zones) {
    const auto local = zone->to_local(date::sys_seconds{seconds.time_since_epoch()});
    const auto day = date::floor<date::days>(local);
    const Duration tod = std::chrono::duration_cast<Duration>(local - day) + (t - seconds);
    const auto w = narrowed_to_lead(
        table_->day_window(day, ctx.tz.jurisdictions, campaign_window(ctx), applied), ctx, applied);
    const Duration start = std::chrono::minutes{w.start_minute};
    const Duration end = std::chrono::minutes{w.end_minute};
    if (w.empty()) {
      *why = w.closed_reason;
      return false;
    }
    if (tod < start || tod >= end) {
      *why = DecisionReason::outside_window;
      return false;
    }
    if (tod + budget > end) {
      *why = DecisionReason::window_closing;
      return false;
    }
  }
  return true;
}

std::optional<TimePoint> CallingWindowRule::next_open(const DialContext& ctx) const {
  // The window openings of every candidate zone, one day offset at a time: the earliest one
  // open in all zones wins. Most answers are found today or tomorrow.
  const auto now_s = date::sys_seconds{
      std::chrono::floor<std::chrono::seconds>(ctx.request.now).time_since_epoch()};
  std::vector<TimePoint> starts;
  DecisionReason ignored = DecisionReason::allowed;
  for (int off = 0; off < kDaysSearched; ++off) {
    starts.clear();
    for (const auto* zone : ctx.tz.zones) {
      const auto day = date::floor<date::days>(zone->to_local(now_s)) + date::days{off};
      const auto w = narrowed_to_lead(
          table_->day_window(day, ctx.tz.jurisdictions, campaign_window(ctx), nullptr), ctx,
          nullptr);
      if (w.empty()) continue;
      const auto sys =
          zone->to_sys(day + std::chrono::minutes{w.start_minute}, date::choose::latest);
      const TimePoint t{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
      if (t > ctx.request.now) starts.push_back(t);
    }
    std::sort(starts.begin(), starts.end());
    for (auto t : starts) {
      if (open_everywhere(ctx, t, &ignored, nullptr)) return t;
    }
  }
  return std::nullopt;
}

RuleOutcome CallingWindowRule::evaluate(const DialContext& ctx) {
  if (ctx.tz.zones.empty()) return RuleOutcome::deny(DecisionReason::unknown_tz);
  DecisionReason why = DecisionReason::allowed;
  auto& applied = ctx.trace.windows_applied;
  const auto before = applied.size();
  if (open_everywhere(ctx, ctx.request.now, &why, &applied)) {
    // Keep each rule name once even with several candidate zones.
    std::sort(applied.begin() + static_cast<std::ptrdiff_t>(before), applied.end());
    applied.erase(std::unique(applied.begin() + static_cast<std::ptrdiff_t>(before), applied.end()),
                  applied.end());
    return RuleOutcome::allow();
  }
  if (auto t = next_open(ctx)) return RuleOutcome::defer(why, *t);
  return RuleOutcome::deny(why);
}

}  // namespace dialer::compliance
