// System dispositions of an outbound call attempt and the SIP status mapping.
// Pure and stateless; safe from any thread.
// Invariant: every SIP status (100-699 and the local 0) maps to exactly one disposition.
#pragma once

#include <string_view>

namespace dialer::calls {

enum class SystemDisposition {
  answered,
  busy,
  no_answer,
  invalid_number,
  congestion,
  rejected,
  cancelled,
  system_failure,
};

std::string_view to_string(SystemDisposition d);

// Maps the final SIP status of an INVITE to a disposition:
// 2xx ANSWERED; 486/600 BUSY; 408/480 NO_ANSWER; 404/410/484/604 INVALID_NUMBER;
// 403/603 REJECTED; 5xx CONGESTION; any other 3xx/4xx/6xx (unfollowed redirects, our own
// request or codec faults, auth failures) SYSTEM_FAILURE; 0 or 1xx (no final answer)
// SYSTEM_FAILURE. 487 is the answer to our own CANCEL: the caller records the cancel cause instead
// (see OutboundCall); seen without a CANCEL of ours it counts as NO_ANSWER.
SystemDisposition disposition_for_status(int sip_status);

}  // namespace dialer::calls
