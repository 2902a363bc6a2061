// Frequency-cap rule (FRQ-01, FRQ-02, AMD-04): per number per rolling 24 h (all campaigns), the
// same-subject cap of the states that have one (FL, OK, MD: 3 per 24 h), per number per campaign
// per 24 h (the campaign's max_attempts_per_day), per lead lifetime (max_attempts), and for the UK
// profile the 72 h and same-day lockouts that only guaranteed-agent calls pass.
// Prerecorded-message campaigns under a TRACED Act exemption get per-number caps (FRQ-03) and
// debt collection campaigns the 7-in-7 cap and the 7-day lockout after a conversation (FRQ-04).
// An allowed request is counted as an attempt (the decision is recorded before the INVITE).
#pragma once

#include <map>
#include <string>

#include "compliance/attempt_history.h"
#include "compliance/dial_rule.h"

namespace dialer::compliance {

struct FrequencyCaps {
  int per_number_24h = 0;  // every campaign of the seller; 0 = no cap
  std::map<std::string, int, std::less<>> same_subject_24h_by_state{
      {"FL", 3}, {"OK", 3}, {"MD", 3}};
  Duration uk_abandoned_lockout = std::chrono::hours{72};
};

class FrequencyCapRule final : public DialRule {
 public:
  FrequencyCapRule(AttemptHistory& history, FrequencyCaps caps)
      : history_(history), caps_(std::move(caps)) {}
  [[nodiscard]] std::string_view name() const override { return "frequency_cap"; }
  RuleOutcome evaluate(const DialContext& ctx) override;
  void on_allowed(const DialContext& ctx) override;

 private:
  int same_subject_cap(const DialContext& ctx) const;
  RuleOutcome uk_lockouts(const DialContext& ctx) const;
  // rules/frequency_cap_special.cpp: FRQ-03 and FRQ-04.
  RuleOutcome prerecorded_caps(const DialContext& ctx) const;
  RuleOutcome collection_caps(const DialContext& ctx) const;

  AttemptHistory& history_;
  FrequencyCaps caps_;
};

}  // namespace dialer::compliance
