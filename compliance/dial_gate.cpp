#include "compliance/dial_gate.h"

#include "compliance/rules/abandonment_gate_rule.h"
#include "compliance/rules/calling_window_rule.h"
#include "compliance/rules/consent_rule.h"
#include "compliance/rules/dnc_rule.h"

namespace dialer::compliance {

std::string_view to_string(RuleId id) {
  switch (id) {
    case RuleId::consent:
      return "consent";
    case RuleId::dnc:
      return "dnc";
    case RuleId::calling_window:
      return "calling_window";
    case RuleId::frequency_cap:
      return "frequency_cap";
    case RuleId::abandonment_gate:
      return "abandonment_gate";
  }
  return "?";
}

DialGate::DialGate(std::unordered_map<CampaignId, CampaignPolicy> campaigns,
                   std::shared_ptr<const TimezoneTables> timezones,
                   std::vector<std::unique_ptr<DialRule>> chain)
    : campaigns_(std::move(campaigns)),
      timezones_(std::move(timezones)),
      chain_(std::move(chain)) {}

const CampaignPolicy* DialGate::policy(CampaignId id) const {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? nullptr : &it->second;
}

GateDecision DialGate::finish(GateDecision d) {
  ++counters_[static_cast<std::size_t>(d.reason)];
  ++verdicts_[static_cast<std::size_t>(d.verdict)];
  return d;
}

GateDecision DialGate::decide(const DialRequest& request) {
  GateDecision d;
  const auto* pol = policy(request.campaign);
  const auto number = parse_e164(request.number);
  if (pol == nullptr || !number) {
    d.verdict = Verdict::deny;
    d.reason = pol == nullptr ? DecisionReason::unknown_campaign : DecisionReason::invalid_number;
    d.trace.reasons.push_back(d.reason);
    return finish(std::move(d));
  }
  const std::string_view fallback =
      pol->campaign ? std::string_view{pol->campaign->calling_window.fallback_timezone} : "";
  const auto tz = timezones_->resolve(*number, request.explicit_timezone, request.postal_code,
                                      request.state, fallback);
  // One allocation per trace list instead of one per growth step: this runs for every dial.
  d.trace.tz_candidates.reserve(tz.zones.size());
  d.trace.windows_applied.reserve(8);
  for (const auto* z : tz.zones) d.trace.tz_candidates.push_back(z->name());
  d.trace.tz_source = tz.source;
  d.trace.jurisdictions = tz.jurisdictions;

  const DialContext ctx{request, *pol, *number, tz, d.trace};
  std::optional<RuleOutcome> first_deny;
  std::optional<RuleOutcome> first_defer;
  std::optional<TimePoint> latest_until;
  for (auto& rule : chain_) {
    const auto out = rule->evaluate(ctx);
    if (out.verdict == Verdict::allow) continue;
    d.trace.reasons.push_back(out.reason);
    if (out.verdict == Verdict::deny && !first_deny) first_deny = out;
    if (out.verdict == Verdict::defer) {
      if (!first_defer) first_defer = out;
      if (!latest_until || *out.until > *latest_until) latest_until = out.until;
    }
  }
  if (first_deny) {
    d.verdict = Verdict::deny;
    d.reason = first_deny->reason;
  } else if (first_defer) {
    d.verdict = Verdict::defer;
    d.reason = first_defer->reason;
    d.until = latest_until;
  } else {
    for (auto& rule : chain_) rule->on_allowed(ctx);
  }
  return finish(std::move(d));
}

std::unique_ptr<DialGate> make_dial_gate(const DialGateConfig& config, const DialGateData& data) {
  std::vector<std::unique_ptr<DialRule>> chain;
  for (auto id : config.chain) {
    switch (id) {
      case RuleId::consent:
        chain.push_back(std::make_unique<ConsentRule>(data.consents));
        break;
      case RuleId::dnc:
        chain.push_back(std::make_unique<DncRule>(data.dnc, data.consents,
                                                  config.national_snapshot_max_age_days));
        break;
      case RuleId::calling_window:
        chain.push_back(std::make_unique<CallingWindowRule>(data.windows));
        break;
      case RuleId::frequency_cap:
        chain.push_back(std::make_unique<FrequencyCapRule>(data.history, config.caps));
        break;
      case RuleId::abandonment_gate:
        chain.push_back(std::make_unique<AbandonmentGateRule>(data.abandonment));
        break;
    }
  }
  return std::make_unique<DialGate>(config.campaigns, data.timezones, std::move(chain));
}

}  // namespace dialer::compliance
