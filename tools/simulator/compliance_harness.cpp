#include "tools/simulator/compliance_harness.h"

#include <date/date.h>

#include <map>
#include <mutex>

namespace dialer::sim {
namespace {

using compliance::CallRecord;

std::int64_t ms(Duration d) { return d.count(); }

compliance::CallOutcome ledger_outcome(const SimCallRecord& c) {
  compliance::CallOutcome o;
  o.at = c.dialed;
  // What the dialer itself can know: a person hung up on after a wrong machine verdict looks like
  // a machine to it (the ledger's false-positive estimate covers those), a machine passed to an
  // agent is dispositioned by the agent as a machine.
  o.live_answer = c.outcome == SimCallOutcome::connected || c.outcome == SimCallOutcome::abandoned;
  o.amd_machine = c.outcome == SimCallOutcome::amd_dropped;
  o.abandoned = c.outcome == SimCallOutcome::abandoned;
  return o;
}

void fill_progress(CallRecord& r, const SimCallRecord& c) {
  r.invite_sent_at = c.dialed;
  r.ring_started_at = c.dialed;
  r.call_ended_at = c.ended;
  r.total_duration_ms = ms(c.ended - c.dialed);
  switch (c.outcome) {
    case SimCallOutcome::not_live:
      r.hangup_cause = "NO_ANSWER";
      r.disposition = "NO_ANSWER";
      return;
    case SimCallOutcome::amd_dropped:
      r.answered_at = c.answered;
      r.amd_enabled = true;
      r.amd_result = "MACHINE";
      r.amd_decided_at = c.ended;
      r.disposition = "MACHINE";
      return;
    case SimCallOutcome::machine_to_agent:
    case SimCallOutcome::connected:
      r.answered_at = c.answered;
      r.live_answer = c.outcome == SimCallOutcome::connected;
      r.agent_id = "agent-" + std::to_string(c.agent);
      r.agent_bridged_at = c.answered + c.wait;
      r.time_to_agent_from_answer_ms = ms(c.wait);
      r.disposition = c.outcome == SimCallOutcome::connected ? "CONNECTED" : "MACHINE";
      return;
    case SimCallOutcome::abandoned:
      r.answered_at = c.answered;
      r.live_answer = true;
      r.abandoned = true;
      r.abandon_reason = "NO_AGENT";
      r.disposition = "ABANDONED";
      return;
  }
}

}  // namespace

ComplianceHarness::ComplianceHarness(const Campaign& campaign, TimePoint campaign_start,
                                     std::shared_ptr<const compliance::ComplianceTables> tables,
                                     std::optional<Recording> recording, std::uint64_t seed)
    : campaign_id_(campaign.id), random_(seed), recording_(recording) {
  compliance::DialGateConfig config;
  compliance::CampaignPolicy policy;
  policy.campaign = std::make_shared<const Campaign>(campaign);
  policy.started_at = campaign_start;
  config.campaigns[campaign.id] = policy;
  compliance::GateThresholds thresholds;
  thresholds.ceiling = campaign.abandon_ceiling;
  thresholds.release = campaign.abandon_target;
  monitor_.add_campaign(campaign.id, campaign_start, {}, thresholds);
  gate_ = compliance::make_dial_gate(
      config, {tables->timezones, tables->windows, dnc_, consents_, history_, monitor_});
  if (recording_) {
    record_log_ =
        std::make_unique<compliance::CallRecordLog>(recording_->records, recording_->signer);
    dnc_log_ = std::make_unique<compliance::DncEventLog>(recording_->dnc, recording_->signer);
    compliance::RecordContext context;
    context.dialer_node_id = "simulator";
    context.engine_version = "simulator";
    engine_ = std::make_unique<compliance::ComplianceEngine>(*gate_, *record_log_, *dnc_log_, dnc_,
                                                             history_, monitor_, context, random_);
  }
}

ComplianceHarness::~ComplianceHarness() = default;

void ComplianceHarness::start_day(TimePoint day_start) {
  dnc_.set_national({"simulated-empty-registry", date::floor<date::days>(day_start), {}});
  if (record_log_ && status_) {
    if (auto st = record_log_->checkpoint_due(day_start); !st) fail(st.error());
  }
}

void ComplianceHarness::end_run(TimePoint now) {
  if (record_log_ && status_) {
    if (auto st = record_log_->checkpoint_due(now); !st) fail(st.error());
  }
}

compliance::DialRequest ComplianceHarness::gate_request(const DialRequest& r) const {
  compliance::DialRequest out;
  out.lead = r.lead;
  out.number = std::string(r.number);
  out.campaign = r.campaign;
  out.kind = compliance::DialKind::predictive;
  out.agent_reserved = r.agent_reserved;
  out.now = r.now;
  out.lead_attempts = r.lead_attempts;
  return out;
}

GateReply ComplianceHarness::ask(const DialRequest& r) {
  compliance::GateDecision decision;
  if (engine_ && status_) {
    auto recorded = engine_->decide_and_record(gate_request(r));
    if (!recorded) {
      fail(recorded.error());
      return {GateAnswer::hold, r.now};  // an unrecordable decision must not be dialled
    }
    decision = recorded->decision;
    if (decision.allowed()) open_attempts_[r.lead.value()] = recorded->attempt_id;
  } else {
    decision = gate_->decide(gate_request(r));
  }
  if (decision.allowed()) return {};
  // The abandonment gate defers every unreserved call of the campaign until its recheck time;
  // any other refusal concerns this lead only.
  if (decision.reason == compliance::DecisionReason::abandon_cap_gated) {
    return {GateAnswer::hold, decision.until.value_or(r.now)};
  }
  return {GateAnswer::skip_lead, r.now};
}

void ComplianceHarness::record(const SimCallRecord& call) {
  if (engine_) {
    auto it = open_attempts_.find(call.lead.value());
    if (it == open_attempts_.end()) return;  // recording stopped after an error
    const std::string attempt_id = std::move(it->second);
    open_attempts_.erase(it);
    seal(call, attempt_id);
    return;
  }
  monitor_.record(campaign_id_, ledger_outcome(call), call.ended);
}

void ComplianceHarness::seal(const SimCallRecord& call, const std::string& attempt_id) {
  auto st = record_log_->update(attempt_id, [&](CallRecord& r) { fill_progress(r, call); });
  if (st) st = engine_->complete(attempt_id, call.ended);
  if (!st) fail(st.error());
}

void ComplianceHarness::fail(const Error& e) {
  if (status_) status_ = e;
}

Result<std::shared_ptr<const compliance::ComplianceTables>> shared_compliance_tables(
    const std::string& dir) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const compliance::ComplianceTables>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(dir); it != loaded.end()) return it->second;
  auto tables = compliance::load_compliance_tables(dir);
  if (!tables) return tables.error();
  auto shared = std::make_shared<const compliance::ComplianceTables>(std::move(*tables));
  loaded[dir] = shared;
  return shared;
}

std::string default_compliance_data_dir() { return DIALER_SIM_COMPLIANCE_DATA; }

}  // namespace dialer::sim
