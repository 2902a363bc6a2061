// Abandonment-gate rule (ABN-08): while the campaign is gated, a dial passes only with a free
// agent reserved before dialing; the others are deferred by the gate's recheck interval.
#pragma once

#include "compliance/abandonment_gate.h"
#include "compliance/dial_rule.h"

namespace dialer::compliance {

class AbandonmentGateRule final : public DialRule {
 public:
  explicit AbandonmentGateRule(const AbandonmentMonitor& monitor) : monitor_(monitor) {}
  [[nodiscard]] std::string_view name() const override { return "abandonment_gate"; }
  RuleOutcome evaluate(const DialContext& ctx) override {
    if (ctx.request.agent_reserved || !monitor_.gated(ctx.request.campaign)) {
      return RuleOutcome::allow();
    }
    const auto* t = monitor_.thresholds(ctx.request.campaign);
    return RuleOutcome::defer(DecisionReason::abandon_cap_gated, ctx.request.now + t->recheck);
  }

 private:
  const AbandonmentMonitor& monitor_;
};

}  // namespace dialer::compliance
