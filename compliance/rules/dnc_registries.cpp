#include "compliance/rules/dnc_registries.h"

#include <algorithm>

namespace dialer::compliance {
namespace {

int age_days(const NationalSnapshot& s, TimePoint now) {
  return static_cast<int>((date::floor<date::days>(now) - s.downloaded_on).count());
}

void note_snapshot(const DialContext& ctx, const NationalSnapshot& s) {
  ctx.trace.dnc_snapshot_id = s.id;
  ctx.trace.dnc_snapshot_day = static_cast<std::int32_t>(s.downloaded_on.time_since_epoch().count());
}

// A registry that needs fresh data, and whose listed numbers need express consent.
RuleOutcome check_registry(const DialContext& ctx, const std::optional<NationalSnapshot>& registry,
                           int max_age_days, const ConsentLedger& consents,
                           DecisionReason listed, DecisionReason stale) {
  if (!registry) return RuleOutcome::deny(stale);
  note_snapshot(ctx, *registry);
  if (age_days(*registry, ctx.request.now) > max_age_days) return RuleOutcome::deny(stale);
  if (registry->numbers.contains(ctx.number) &&
      consents.express_consent(ctx.number, ctx.request.now) == nullptr) {
    return RuleOutcome::deny(listed);
  }
  return RuleOutcome::allow();
}

}  // namespace

bool is_uk_number(PhoneKey number) {
  // +44 followed by 9 or 10 national digits.
  return (number >= 44'000'000'000ULL && number < 45'000'000'000ULL) ||
         (number >= 440'000'000'000ULL && number < 450'000'000'000ULL);
}

bool is_canadian_number(const DialContext& ctx) {
  const auto& j = ctx.tz.jurisdictions;
  return is_nanp(ctx.number) && std::find(j.begin(), j.end(), "CANADA") != j.end();
}

RuleOutcome check_uk_tps(const DialContext& ctx, const DncLists& lists,
                         const ConsentLedger& consents) {
  if (!ctx.policy.telemarketing || !is_uk_number(ctx.number)) return RuleOutcome::allow();
  return check_registry(ctx, lists.uk_tps(), kTpsMaxAgeDays, consents,
                        DecisionReason::tps_registered, DecisionReason::tps_data_stale);
}

RuleOutcome check_canada_dncl(const DialContext& ctx, const DncLists& lists,
                              const ConsentLedger& consents) {
  if (!ctx.policy.telemarketing || !is_canadian_number(ctx)) return RuleOutcome::allow();
  if (ctx.policy.prerecorded && consents.express_consent(ctx.number, ctx.request.now) == nullptr) {
    return RuleOutcome::deny(DecisionReason::adad_needs_express_consent);
  }
  return check_registry(ctx, lists.canada_dncl(), kDnclMaxAgeDays, consents,
                        DecisionReason::canada_dncl, DecisionReason::canada_dncl_data_stale);
}

RuleOutcome check_reassigned_number(const DialContext& ctx) {
  if (!ctx.policy.rnd_required) return RuleOutcome::allow();
  const auto& rnd = ctx.request.rnd;
  const auto today = date::floor<date::days>(ctx.request.now);
  if (!rnd || (today - rnd->queried_on).count() > ctx.policy.rnd_max_age_days ||
      rnd->queried_on > today) {
    return RuleOutcome::deny(DecisionReason::rnd_missing);
  }
  if (rnd->answer == RndAnswer::yes) return RuleOutcome::deny(DecisionReason::rnd_reassigned);
  return RuleOutcome::allow();
}

}  // namespace dialer::compliance
