#include "compliance/abandonment_gate.h"

#include <algorithm>

namespace dialer::compliance {

void AbandonmentMonitor::add_campaign(CampaignId id, TimePoint start, LedgerConfig ledger,
                                      GateThresholds gate) {
  campaigns_[id] = Entry{std::make_unique<AbandonmentLedger>(start, std::move(ledger)), gate, {}};
}

double AbandonmentMonitor::rate_of(const Entry& e, TimePoint now) {
  const auto& ledger = *e.ledger;
  const double estimate = ledger.config().false_positive_estimate;
  double rate = 0;
  for (std::size_t w = 0; w < ledger.config().control_windows.size(); ++w) {
    rate = std::max(rate, ledger.control(w).rate_with_estimate(estimate));
  }
  auto periods = ledger.legal_periods(now);
  if (!periods.empty()) rate = std::max(rate, periods.back().rate_with_estimate);
  return rate;
}

void AbandonmentMonitor::update(Entry& e, TimePoint now) {
  e.ledger->advance(now);
  auto& s = e.state;
  s.last_rate = rate_of(e, now);
  if (!s.gated && s.last_rate >= e.thresholds.ceiling) {
    s.gated = true;
    s.since = now;
  } else if (s.gated && s.last_rate < e.thresholds.release &&
             now - s.since >= e.thresholds.min_dwell) {
    s.gated = false;
    s.gated_intervals.emplace_back(s.since, now);
  }
}

void AbandonmentMonitor::record(CampaignId id, const CallOutcome& outcome, TimePoint now) {
  auto it = campaigns_.find(id);
  if (it == campaigns_.end()) return;
  it->second.ledger->record(outcome);
  if (outcome.live_answer && outcome.abandoned) alert(it->second, now);
  update(it->second, now);
}

void AbandonmentMonitor::confirm_false_positive(CampaignId id, TimePoint dialed_at, TimePoint now) {
  auto it = campaigns_.find(id);
  if (it == campaigns_.end()) return;
  it->second.ledger->confirm_false_positive(dialed_at);
  alert(it->second, now);  // a person got silence: a silent call
  update(it->second, now);
}

void AbandonmentMonitor::alert(Entry& e, TimePoint now) {
  if (!e.thresholds.alert_on_every_abandon) return;
  ++e.state.abandon_alerts;
  e.state.last_abandon_alert = now;
}

void AbandonmentMonitor::tick(TimePoint now) {
  for (auto& [id, e] : campaigns_) update(e, now);
}

bool AbandonmentMonitor::gated(CampaignId id) const {
  auto it = campaigns_.find(id);
  return it != campaigns_.end() && it->second.state.gated;
}

const GateState* AbandonmentMonitor::gate(CampaignId id) const {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? nullptr : &it->second.state;
}

const AbandonmentLedger* AbandonmentMonitor::ledger(CampaignId id) const {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? nullptr : it->second.ledger.get();
}

const GateThresholds* AbandonmentMonitor::thresholds(CampaignId id) const {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? nullptr : &it->second.thresholds;
}

double AbandonmentMonitor::control_rate(CampaignId id, TimePoint now) const {
  auto it = campaigns_.find(id);
  return it == campaigns_.end() ? 0.0 : rate_of(it->second, now);
}

}  // namespace dialer::compliance
