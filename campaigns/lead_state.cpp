#include "campaigns/lead_state.h"

#include <array>
#include <string>

namespace dialer {
namespace {

struct Transition {
  LeadState from;
  LeadEvent event;
  LeadState to;
};

constexpr std::array kTransitions{
    Transition{LeadState::fresh, LeadEvent::queue, LeadState::queued},
    Transition{LeadState::retry_scheduled, LeadEvent::queue, LeadState::queued},
    Transition{LeadState::callback, LeadEvent::queue, LeadState::queued},
    Transition{LeadState::queued, LeadEvent::dial, LeadState::dialing},
    Transition{LeadState::dialing, LeadEvent::retry, LeadState::retry_scheduled},
    Transition{LeadState::dialing, LeadEvent::callback, LeadState::callback},
    Transition{LeadState::dialing, LeadEvent::requeue, LeadState::queued},
    Transition{LeadState::queued, LeadEvent::requeue, LeadState::fresh},
    Transition{LeadState::fresh, LeadEvent::finish, LeadState::final},
    Transition{LeadState::queued, LeadEvent::finish, LeadState::final},
    Transition{LeadState::dialing, LeadEvent::finish, LeadState::final},
    Transition{LeadState::retry_scheduled, LeadEvent::finish, LeadState::final},
    Transition{LeadState::callback, LeadEvent::finish, LeadState::final},
    Transition{LeadState::final, LeadEvent::recycle, LeadState::fresh},
};

constexpr std::array<std::string_view, 6> kStateNames{"new",      "queued",   "dialing",
                                                      "retry_scheduled", "callback", "final"};
constexpr std::array<std::string_view, 7> kEventNames{"queue",   "dial",   "retry",  "callback",
                                                      "requeue", "finish", "recycle"};

}  // namespace

std::string_view to_string(LeadState s) { return kStateNames.at(static_cast<std::size_t>(s)); }
std::string_view to_string(LeadEvent e) { return kEventNames.at(static_cast<std::size_t>(e)); }

std::optional<LeadState> lead_state_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == s) return static_cast<LeadState>(i);
  }
  return std::nullopt;
}

Result<LeadState> next_lead_state(LeadState from, LeadEvent event) {
  for (const auto& t : kTransitions) {
    if (t.from == from && t.event == event) return t.to;
  }
  return Error{ErrorCode::conflict, "lead cannot " + std::string(to_string(event)) + " from state " +
                                        std::string(to_string(from))};
}

}  // namespace dialer
