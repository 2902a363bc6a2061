// The SIP adapter's outgoing interface: every SIP fact becomes one CallEvent value.
// Called on the SIP thread; implementations post the value to their own thread and return
// quickly. They must not call back into SipStack::stop() from this callback.
#pragma once

#include "dialer/calls/call_control.h"

namespace dialer::sip {

using SipEvents = calls::CallEventHandler;

}  // namespace dialer::sip
