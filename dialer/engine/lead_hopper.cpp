#include "dialer/engine/lead_hopper.h"

namespace dialer::engine {

void LeadHopper::put(Lead lead, TimePoint now) {
  if (lead.status == LeadState::final) return;
  const bool scheduled =
      lead.status == LeadState::retry_scheduled || lead.status == LeadState::callback;
  const TimePoint due = scheduled && lead.next_attempt_at ? *lead.next_attempt_at : now;
  const LeadId id = lead.id;
  if (auto it = leads_.find(id); it != leads_.end()) order_.erase({it->second.first, id});
  order_.insert({due, id});
  leads_.insert_or_assign(id, std::pair{due, std::move(lead)});
}

std::optional<Lead> LeadHopper::take_due(TimePoint now) {
  if (order_.empty() || order_.begin()->first > now) return std::nullopt;
  const LeadId id = order_.begin()->second;
  order_.erase(order_.begin());
  auto it = leads_.find(id);
  Lead lead = std::move(it->second.second);
  leads_.erase(it);
  return lead;
}

std::optional<TimePoint> LeadHopper::next_due() const {
  if (order_.empty()) return std::nullopt;
  return order_.begin()->first;
}

std::size_t LeadHopper::due_count(TimePoint now) const {
  std::size_t n = 0;
  for (const auto& [due, id] : order_) {
    if (due > now) break;
    ++n;
  }
  return n;
}

}  // namespace dialer::engine
