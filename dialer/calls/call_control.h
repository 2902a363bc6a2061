// The seam between the engine and whatever places calls (the Sofia adapter in dialerd, a fake in
// tests, the simulator): commands go in through CallControl, events come out through
// CallEventHandler. Implementations document their own threading; values cross by copy.
#pragma once

#include "dialer/calls/call_command.h"
#include "dialer/calls/call_event.h"

namespace dialer::calls {

class CallControl {
 public:
  virtual ~CallControl() = default;
  virtual void submit(CallCommand command) = 0;
};

class CallEventHandler {
 public:
  virtual ~CallEventHandler() = default;
  virtual void on_call_event(const CallEvent& event) = 0;
};

}  // namespace dialer::calls
