// DialGate: the one chain every dial request passes (predictive, progressive, preview, callback,
// manual). make_dial_gate() assembles the chain from configuration in one place. Every rule is
// evaluated so that the decision lists every refusing reason; the verdict is Deny when any rule
// denies, else Defer (until the latest time asked) when any defers, else Allow. Decisions are
// counted per primary reason. Not thread-safe: one gate per engine thread.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "compliance/abandonment_gate.h"
#include "compliance/attempt_history.h"
#include "compliance/calling_windows.h"
#include "compliance/consent_ledger.h"
#include "compliance/decision.h"
#include "compliance/dial_rule.h"
#include "compliance/dnc_lists.h"
#include "compliance/rules/frequency_cap_rule.h"
#include "compliance/timezone_resolver.h"

namespace dialer::compliance {

enum class RuleId : std::uint8_t { consent, dnc, calling_window, frequency_cap, abandonment_gate };
std::string_view to_string(RuleId id);

struct DialGateConfig {
  std::vector<RuleId> chain{RuleId::consent, RuleId::dnc, RuleId::calling_window,
                            RuleId::frequency_cap, RuleId::abandonment_gate};
  std::unordered_map<CampaignId, CampaignPolicy> campaigns;
  FrequencyCaps caps;
  int national_snapshot_max_age_days = 31;
};

// Tables (immutable, shared) and the live state the rules read (owned by the caller, which must
// outlive the gate).
struct DialGateData {
  std::shared_ptr<const TimezoneTables> timezones;
  std::shared_ptr<const WindowTable> windows;
  DncLists& dnc;
  ConsentLedger& consents;
  AttemptHistory& history;
  AbandonmentMonitor& abandonment;
};

class DialGate {
 public:
  DialGate(std::unordered_map<CampaignId, CampaignPolicy> campaigns,
           std::shared_ptr<const TimezoneTables> timezones,
           std::vector<std::unique_ptr<DialRule>> chain);

  GateDecision decide(const DialRequest& request);

  [[nodiscard]] const ReasonCounters& counters() const { return counters_; }
  [[nodiscard]] std::uint64_t count(DecisionReason r) const {
    return counters_[static_cast<std::size_t>(r)];
  }
  [[nodiscard]] std::uint64_t count(Verdict v) const {
    return verdicts_[static_cast<std::size_t>(v)];
  }
  [[nodiscard]] const CampaignPolicy* policy(CampaignId id) const;

 private:
  GateDecision finish(GateDecision d);

  std::unordered_map<CampaignId, CampaignPolicy> campaigns_;
  std::shared_ptr<const TimezoneTables> timezones_;
  std::vector<std::unique_ptr<DialRule>> chain_;
  ReasonCounters counters_{};
  std::array<std::uint64_t, 3> verdicts_{};
};

std::unique_ptr<DialGate> make_dial_gate(const DialGateConfig& config, const DialGateData& data);

}  // namespace dialer::compliance
