// LeadHopper: the leads of one campaign waiting for a call, in memory, ordered by when they are
// due (fresh leads at once, retries and callbacks at their next attempt time, then by id).
// Pure and single-threaded (engine thread). Invariant: a lead is held at most once; final leads
// are never held; a lead taken out is not held until it is put back.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "campaigns/lead.h"

namespace dialer::engine {

class LeadHopper {
 public:
  // Holds the lead unless it is final; `now` dates fresh and interrupted leads.
  void put(Lead lead, TimePoint now);
  // The earliest lead due at `now`, taken out of the hopper.
  std::optional<Lead> take_due(TimePoint now);
  // When the next held lead becomes due, if any is held.
  [[nodiscard]] std::optional<TimePoint> next_due() const;
  [[nodiscard]] std::size_t size() const { return leads_.size(); }
  [[nodiscard]] std::size_t due_count(TimePoint now) const;

 private:
  std::set<std::pair<TimePoint, LeadId>> order_;
  std::unordered_map<LeadId, std::pair<TimePoint, Lead>> leads_;
};

}  // namespace dialer::engine
