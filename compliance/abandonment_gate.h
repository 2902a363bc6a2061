// AbandonmentMonitor: per-campaign abandonment ledgers plus the hysteresis gate of ABN-08. When
// the highest of the campaign's rates (every rolling control window and the current legal period,
// with the false-positive estimate) reaches the ceiling, the campaign is gated: only calls with
// a reserved free agent pass. It opens again once the rate is below the release threshold and
// the gate has been closed for at least the minimum dwell. Not thread-safe: engine thread.
#pragma once

#include <optional>

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compliance/abandonment_ledger.h"
#include "dialer/common/ids.h"

namespace dialer::compliance {

struct GateThresholds {
  double ceiling = 0.03;
  double release = 0.025;
  Duration min_dwell = std::chrono::minutes{15};
  Duration recheck = std::chrono::seconds{30};  // deferred dials ask again after this
  // UK profile (ABN-12): the 2016 statement sets no safe level, so every abandoned or silent
  // call raises an alert (counted here for operators and the alerting adapter).
  bool alert_on_every_abandon = false;
};

struct GateState {
  bool gated = false;
  TimePoint since;
  double last_rate = 0;
  std::vector<std::pair<TimePoint, TimePoint>> gated_intervals;  // closed intervals so far
  std::uint64_t abandon_alerts = 0;  // ABN-12 alerts raised so far
  std::optional<TimePoint> last_abandon_alert;
};

class AbandonmentMonitor {
 public:
  void add_campaign(CampaignId id, TimePoint start, LedgerConfig ledger, GateThresholds gate);

  // Outcomes re-evaluate the gate at once (so a ceiling crossing gates the very next decision).
  void record(CampaignId id, const CallOutcome& outcome, TimePoint now);
  void confirm_false_positive(CampaignId id, TimePoint dialed_at, TimePoint now);
  void tick(TimePoint now);  // moves rolling windows; may release gates

  [[nodiscard]] bool gated(CampaignId id) const;
  [[nodiscard]] const GateState* gate(CampaignId id) const;
  [[nodiscard]] const AbandonmentLedger* ledger(CampaignId id) const;
  [[nodiscard]] const GateThresholds* thresholds(CampaignId id) const;
  // The rate the gate compares with its thresholds.
  [[nodiscard]] double control_rate(CampaignId id, TimePoint now) const;

 private:
  struct Entry {
    std::unique_ptr<AbandonmentLedger> ledger;
    GateThresholds thresholds;
    GateState state;
  };
  void update(Entry& e, TimePoint now);
  static void alert(Entry& e, TimePoint now);
  static double rate_of(const Entry& e, TimePoint now);
  std::unordered_map<CampaignId, Entry> campaigns_;
};

}  // namespace dialer::compliance
