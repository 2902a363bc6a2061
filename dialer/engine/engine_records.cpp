// Engine: call records kept current, attempts closed, lead outcomes written back.
#include "dialer/engine/engine.h"
#include "dialer/engine/engine_state.h"
#include "dialer/engine/lead_outcome.h"

namespace dialer::engine {

void Engine::update_record(const LiveCall& call,
                           const std::function<void(compliance::CallRecord&)>& f) {
  if (call.attempt_id.empty()) return;
  if (auto status = deps_.records.update(call.attempt_id, f); !status) {
    deps_.log.warn(call.id, "record update failed: " + status.error().message);
    record_failure(status, call.dialed_at);
  }
}

// Seals the attempt, applies its disposition to the lead and forgets the call.
void Engine::finish_attempt(LiveCall& call, TimePoint now) {
  const CallId id = call.id;
  auto* c = campaign_of(call.campaign);
  const std::string code = call.disposition;
  update_record(call, [&](compliance::CallRecord& r) {
    r.disposition = code;
    r.disposition_at = now;
    if (!r.call_ended_at) r.call_ended_at = now;
    if (!r.total_duration_ms) r.total_duration_ms = (now - call.dialed_at).count();
  });
  if (auto status = deps_.compliance.complete(call.attempt_id, now); !status) {
    deps_.log.warn(id, "record not sealed: " + status.error().message);
    record_failure(status, now);
  }
  if (c != nullptr) {
    ++c->counters.completed;
    ++c->counters.dispositions[code];
    auto outcome = lead_after_attempt(call.lead, *c->campaign, code, now);
    if (outcome.add_to_dnc) {
      compliance::DncEvent event;
      event.dnc_request_id = call.attempt_id + "-agent";
      event.number = call.lead.phone;
      event.channel = "AGENT";
      event.received_at = now;
      event.actor = call.agent ? "agent:" + std::to_string(call.agent->value()) : "agent";
      if (auto status = deps_.compliance.record_dnc_request(event, now); !status) {
        record_failure(status, now);
      }
    }
    if (auto saved = deps_.leads.save(outcome.lead); !saved) record_failure(saved, now);
    c->hopper.put(outcome.lead, now);
  }
  calls_.erase(id);
  wrapping_.erase(id);
}

}  // namespace dialer::engine
