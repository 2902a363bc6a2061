#include "dialer/calls/call_command.h"
#include "dialer/calls/call_event.h"

namespace dialer::calls {

CallId call_id_of(const CallCommand& command) {
  return std::visit([](const auto& c) { return c.call_id; }, command);
}

std::string_view to_string(FailureCause cause) {
  switch (cause) {
    case FailureCause::sip_response:
      return "sip_response";
    case FailureCause::ring_timeout:
      return "ring_timeout";
    case FailureCause::cancelled:
      return "cancelled";
    case FailureCause::answered_after_cancel:
      return "answered_after_cancel";
    case FailureCause::channel_limit:
      return "channel_limit";
    case FailureCause::cps_limit:
      return "cps_limit";
    case FailureCause::unknown_trunk:
      return "unknown_trunk";
    case FailureCause::agent_not_registered:
      return "agent_not_registered";
    case FailureCause::bad_request:
      return "bad_request";
  }
  return "sip_response";
}

}  // namespace dialer::calls
