// The SIP adapter's outgoing interface: every SIP fact becomes one CallEvent value.
// Called on the SIP thread; implementations post the value to their own thread and return
// quickly. They must not call back into SipStack::stop() from this callback.
#pragma once

#include "dialer/calls/call_event.h"

namespace dialer::sip {

class SipEvents {
 public:
  virtual ~SipEvents() = default;
  virtual void on_call_event(const calls::CallEvent& event) = 0;
};

}  // namespace dialer::sip
