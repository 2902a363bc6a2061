#include "dialer/engine/lead_outcome.h"

#include <algorithm>

namespace dialer::engine {

LeadOutcome lead_after_attempt(Lead lead, const Campaign& campaign, std::string_view code,
                               TimePoint now) {
  LeadOutcome out;
  const auto& catalog = campaign.dispositions;
  const auto entry = std::find_if(catalog.begin(), catalog.end(),
                                  [&](const Disposition& d) { return d.code == code; });
  const bool known = entry != catalog.end();
  out.add_to_dnc = known && entry->effect.add_to_dnc;
  const bool exhausted = lead.attempts >= campaign.retry.max_attempts;
  std::optional<Duration> retry;
  if (known && !entry->effect.final) {
    retry = entry->effect.retry_after;
    if (!retry && entry->effect.schedule_callback) retry = campaign.retry.no_answer_delay;
  }
  if (!retry || exhausted) {
    if (auto next = next_lead_state(lead.status, LeadEvent::finish); next) lead.status = *next;
    lead.status = LeadState::final;
    lead.next_attempt_at.reset();
  } else {
    const bool callback = known && entry->effect.schedule_callback;
    lead.status = callback ? LeadState::callback : LeadState::retry_scheduled;
    lead.next_attempt_at = now + *retry;
  }
  out.lead = std::move(lead);
  return out;
}

}  // namespace dialer::engine
