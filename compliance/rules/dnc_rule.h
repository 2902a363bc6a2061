// DNC rule (DNC-01..03): internal list, the campaign's list, then for US telemarketing the
// national registry: no snapshot or one downloaded more than `max_snapshot_age` days before the
// call refuses (DNC_DATA_STALE); a listed number needs a registry exemption (PEWC or a live EBR).
// Before the US registry: the RND, UK TPS and Canadian DNCL checks of rules/dnc_registries.h.
#pragma once

#include "compliance/consent_ledger.h"
#include "compliance/dial_rule.h"
#include "compliance/dnc_lists.h"

namespace dialer::compliance {

class DncRule final : public DialRule {
 public:
  DncRule(const DncLists& lists, const ConsentLedger& consents, int max_snapshot_age_days = 31)
      : lists_(lists), consents_(consents), max_age_days_(max_snapshot_age_days) {}
  [[nodiscard]] std::string_view name() const override { return "dnc"; }
  RuleOutcome evaluate(const DialContext& ctx) override;

 private:
  const DncLists& lists_;
  const ConsentLedger& consents_;
  int max_age_days_;
};

}  // namespace dialer::compliance
