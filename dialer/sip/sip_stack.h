// SipStack: the Sofia-SIP (nua) adapter. One thread runs su_root and owns nua and every handle.
// Thread-safety: start(), submit(), port(), counters() and stop() may be called from any
// thread; submit() copies the command and wakes the SIP thread. Events leave through SipEvents
// on the SIP thread. Commands submitted after stop() are dropped.
// Invariant: no Sofia pointer ever leaves the SIP thread.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "dialer/calls/call_command.h"
#include "dialer/common/result.h"
#include "dialer/sip/sip_config.h"
#include "dialer/sip/sip_events.h"

namespace dialer::sip {

// Counted reasons: how attempts ended and why requests were refused.
struct SipCounters {
  std::array<std::uint64_t, 8> dispositions{};  // indexed by calls::SystemDisposition
  std::array<std::uint64_t, 9> failures{};      // indexed by calls::FailureCause
  std::uint64_t registrations = 0;
  std::uint64_t auth_challenges = 0;
  std::uint64_t auth_failures = 0;
  std::uint64_t inbound_forbidden = 0;
};

class SipStack final : public calls::CallControl {
 public:
  SipStack(SipConfig config, SipEvents& events);
  ~SipStack() override;  // stops if running
  SipStack(const SipStack&) = delete;
  SipStack& operator=(const SipStack&) = delete;

  // Starts the SIP thread and binds; returns the bound port (useful with port 0).
  Result<std::uint16_t> start();
  void submit(calls::CallCommand command) override;
  // Shuts nua down (bounded by shutdown_timeout_ms) and joins the SIP thread. Idempotent.
  void stop();
  [[nodiscard]] std::uint16_t port() const;
  [[nodiscard]] SipCounters counters() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace dialer::sip
