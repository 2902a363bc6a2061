// Hands work from adapter threads (SIP, media) to the engine thread. Every posted function runs
// on the engine thread, in posting order per posting thread. Thread-safe.
#pragma once

#include <functional>

namespace dialer::app {

class EnginePoster {
 public:
  virtual ~EnginePoster() = default;
  virtual void post(std::function<void()> work) = 0;
};

}  // namespace dialer::app
