#include "dialer/calls/disposition.h"

namespace dialer::calls {

std::string_view to_string(SystemDisposition d) {
  switch (d) {
    case SystemDisposition::answered:
      return "ANSWERED";
    case SystemDisposition::busy:
      return "BUSY";
    case SystemDisposition::no_answer:
      return "NO_ANSWER";
    case SystemDisposition::invalid_number:
      return "INVALID_NUMBER";
    case SystemDisposition::congestion:
      return "CONGESTION";
    case SystemDisposition::rejected:
      return "REJECTED";
    case SystemDisposition::cancelled:
      return "CANCELLED";
    case SystemDisposition::system_failure:
      return "SYSTEM_FAILURE";
  }
  return "SYSTEM_FAILURE";
}

SystemDisposition disposition_for_status(int sip_status) {
  switch (sip_status) {
    case 486:
    case 600:
      return SystemDisposition::busy;
    case 408:
    case 480:
    case 487:
      return SystemDisposition::no_answer;
    case 404:
    case 410:
    case 484:
    case 604:
      return SystemDisposition::invalid_number;
    case 403:
    case 603:
      return SystemDisposition::rejected;
    default:
      break;
  }
  if (sip_status >= 200 && sip_status < 300) return SystemDisposition::answered;
  if (sip_status >= 500 && sip_status < 600) return SystemDisposition::congestion;
  return SystemDisposition::system_failure;
}

}  // namespace dialer::calls
