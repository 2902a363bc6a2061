#include "compliance/rules/dnc_rule.h"

#include "compliance/rules/dnc_registries.h"

#include <algorithm>

namespace dialer::compliance {
namespace {

bool us_number(const DialContext& ctx) {
  const auto& j = ctx.tz.jurisdictions;
  return is_nanp(ctx.number) && std::find(j.begin(), j.end(), "US") != j.end();
}

}  // namespace

RuleOutcome DncRule::evaluate(const DialContext& ctx) {
  if (lists_.internal_contains(ctx.number)) return RuleOutcome::deny(DecisionReason::internal_dnc);
  if (lists_.campaign_contains(ctx.request.campaign, ctx.number)) {
    return RuleOutcome::deny(DecisionReason::campaign_dnc);
  }
  for (const auto& check : {check_reassigned_number(ctx), check_uk_tps(ctx, lists_, consents_),
                            check_canada_dncl(ctx, lists_, consents_)}) {
    if (check.verdict != Verdict::allow) return check;
  }
  if (!ctx.policy.telemarketing || !us_number(ctx)) return RuleOutcome::allow();
  const auto& national = lists_.national();
  if (!national) return RuleOutcome::deny(DecisionReason::dnc_data_stale);
  ctx.trace.dnc_snapshot_id = national->id;
  ctx.trace.dnc_snapshot_day =
      static_cast<std::int32_t>(national->downloaded_on.time_since_epoch().count());
  const auto call_day = date::floor<date::days>(ctx.request.now);
  if ((call_day - national->downloaded_on).count() > max_age_days_) {
    return RuleOutcome::deny(DecisionReason::dnc_data_stale);
  }
  if (national->numbers.contains(ctx.number) &&
      consents_.registry_exemption(ctx.number, ctx.request.now) == nullptr) {
    return RuleOutcome::deny(DecisionReason::national_dnc);
  }
  return RuleOutcome::allow();
}

}  // namespace dialer::compliance
