// FakeCallControl: an in-memory CallControl for engine tests. It records every command and
// lets the test play the network by delivering CallEvents to the handler it was given.
// Not thread-safe: use it on the test's (single) engine thread.
#pragma once

#include <vector>

#include "dialer/calls/call_control.h"

namespace dialer::fakes {

class FakeCallControl final : public calls::CallControl {
 public:
  explicit FakeCallControl(calls::CallEventHandler& handler) : handler_(handler) {}

  void submit(calls::CallCommand command) override { commands_.push_back(std::move(command)); }

  // Delivers an event as if the SIP adapter had reported it.
  void deliver(const calls::CallEvent& event) { handler_.on_call_event(event); }

  [[nodiscard]] const std::vector<calls::CallCommand>& commands() const { return commands_; }

  // Commands of one kind, in order (e.g. every Originate).
  template <typename T>
  [[nodiscard]] std::vector<T> commands_of() const {
    std::vector<T> out;
    for (const auto& c : commands_) {
      if (const T* t = std::get_if<T>(&c)) out.push_back(*t);
    }
    return out;
  }

  void clear() { commands_.clear(); }

 private:
  calls::CallEventHandler& handler_;
  std::vector<calls::CallCommand> commands_;
};

}  // namespace dialer::fakes
