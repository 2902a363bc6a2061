#include "compliance/compliance_engine.h"

#include <date/tz.h>

#include <charconv>

namespace dialer::compliance {
namespace {

CallOutcome outcome_of(const CallRecord& r) {
  CallOutcome o;
  o.at = r.invite_sent_at.value_or(r.decided_at);
  o.live_answer = r.live_answer;
  o.amd_machine = r.amd_result == "MACHINE";
  o.abandoned = r.abandoned;
  if (r.abandon_reason == "LATE_BRIDGE") {
    o.abandon_reason = AbandonReason::late_bridge;
  } else if (r.abandon_reason == "DIALER_HANGUP_ON_LIVE") {
    o.abandon_reason = AbandonReason::dialer_hangup_on_live;
  } else if (r.abandon_reason && r.abandon_reason != "NO_AGENT") {
    o.abandon_reason = AbandonReason::system_failure;
  }
  o.safe_harbor_played = r.safe_harbor_started_at.has_value();
  o.optout_taken = r.optout_taken.value_or(false);
  return o;
}

std::optional<CampaignId> campaign_of(std::string_view text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return CampaignId{id};
}

std::int32_t london_day(TimePoint t) {
  static const date::time_zone* zone = date::locate_zone("Europe/London");
  const auto local = zone->to_local(std::chrono::floor<std::chrono::seconds>(t));
  return static_cast<std::int32_t>(date::floor<date::days>(local).time_since_epoch().count());
}

}  // namespace

Result<RecordedDecision> ComplianceEngine::decide_and_record(const DialRequest& request) {
  RecordedDecision out{gate_.decide(request), make_attempt_id(random_)};
  const auto* policy = gate_.policy(request.campaign);
  if (policy == nullptr) {
    CampaignPolicy unknown;
    auto record = make_decision_record(out.attempt_id, request, unknown, out.decision, context_);
    auto status = records_.record_decision(std::move(record), request.now);
    if (!status) return status.error();
    return out;
  }
  auto record = make_decision_record(out.attempt_id, request, *policy, out.decision, context_);
  auto status = records_.record_decision(std::move(record), request.now);
  if (!status) return status.error().with_context("write-ahead record");
  return out;
}

Status ComplianceEngine::complete(const std::string& attempt_id, TimePoint now) {
  const auto* open = records_.open_record(attempt_id);
  if (open == nullptr) return Error{ErrorCode::not_found, "no open attempt " + attempt_id};
  const CallRecord record = *open;
  auto status = records_.close(attempt_id, now);
  if (!status) return status;
  const auto number = parse_e164(record.called_number);
  if (number && record.abandoned) history_.record_abandoned(*number, record.decided_at);
  if (number && record.amd_result == "MACHINE") {
    history_.record_amd_machine(*number, london_day(record.amd_decided_at.value_or(now)));
  }
  if (const auto id = campaign_of(record.campaign_id))
    monitor_.record(*id, outcome_of(record), now);
  return ok_status();
}

Status ComplianceEngine::record_dnc_request(DncEvent event, TimePoint now) {
  const auto number = parse_e164(event.number);
  if (!number) return Error{ErrorCode::invalid_argument, "not an E.164 number: " + event.number};
  // Block first: a failing store must not leave the number callable.
  if (event.campaign_id) {
    const auto campaign = campaign_of(*event.campaign_id);
    if (!campaign) return Error{ErrorCode::invalid_argument, "bad campaign id"};
    dnc_.add_to_campaign(*campaign, *number);
  } else {
    dnc_.add_internal(*number);
  }
  event.effective_at = now;
  return dnc_events_.append(std::move(event), now);
}

}  // namespace dialer::compliance
