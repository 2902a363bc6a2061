// Consent rule (DNC-04, F21): a number whose consent was revoked, by any channel, is refused
// from the revocation's timestamp on (scope: the campaign, or every campaign of the seller).
#pragma once

#include "compliance/consent_ledger.h"
#include "compliance/dial_rule.h"

namespace dialer::compliance {

class ConsentRule final : public DialRule {
 public:
  explicit ConsentRule(const ConsentLedger& ledger) : ledger_(ledger) {}
  [[nodiscard]] std::string_view name() const override { return "consent"; }
  RuleOutcome evaluate(const DialContext& ctx) override {
    if (ledger_.revoked(ctx.number, ctx.request.campaign, ctx.request.now)) {
      return RuleOutcome::deny(DecisionReason::consent_revoked);
    }
    return RuleOutcome::allow();
  }

 private:
  const ConsentLedger& ledger_;
};

}  // namespace dialer::compliance
