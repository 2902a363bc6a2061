// Counts of how IVR sessions ended: per outcome and, for hang-ups, per reason, so that every
// decision of the interpreter is counted. Fed with each finished session; single-threaded
// (engine thread).
#pragma once

#include <array>
#include <cstdint>

#include "inbound/ivr_session.h"

namespace dialer::inbound {

inline constexpr std::size_t kIvrOutcomeCount = 5;

class IvrCounters {
 public:
  // Counts a finished session once; sessions still in progress are not counted.
  void record(const IvrSession& session);

  [[nodiscard]] std::uint64_t outcomes(IvrOutcome outcome) const {
    return outcomes_.at(static_cast<std::size_t>(outcome));
  }
  [[nodiscard]] std::uint64_t hangups(HangupReason reason) const {
    return hangups_.at(static_cast<std::size_t>(reason));
  }
  [[nodiscard]] std::uint64_t callbacks() const { return callbacks_; }
  [[nodiscard]] std::uint64_t opt_outs() const { return opt_outs_; }
  [[nodiscard]] std::uint64_t after_hours() const { return after_hours_; }

 private:
  std::array<std::uint64_t, kIvrOutcomeCount> outcomes_{};
  std::array<std::uint64_t, kHangupReasonCount> hangups_{};
  std::uint64_t callbacks_ = 0;
  std::uint64_t opt_outs_ = 0;
  std::uint64_t after_hours_ = 0;
};

}  // namespace dialer::inbound
