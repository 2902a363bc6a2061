// Pacer: decides how many outbound calls to launch now and when to ask again.
// Preview, progressive and power (fixed ratio) live here; predictive in predictive_pacer.h.
// Not thread-safe: one instance per campaign, called from the engine thread (or the simulator).
// Every decision increments one reason counter and leaves an explanation behind.
#pragma once

#include <memory>
#include <string_view>

#include "dialer/pacing/dial_caps.h"
#include "dialer/pacing/pacing_types.h"

namespace dialer::pacing {

class Pacer {
 public:
  virtual ~Pacer() = default;
  // The engine calls this on every call or agent event and at least every `tick`.
  virtual PacingDecision decide(const PacingInputs& in) = 0;
  virtual void observe(TimePoint now, const CallObservation& obs) = 0;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] const ReasonCounters& reasons() const { return reasons_; }
  [[nodiscard]] const PacingDecision& last_decision() const { return last_; }

 protected:
  // Applies the caps, counts the reason and remembers the decision for the supervisor view.
  PacingDecision finish(const PacingInputs& in, PacingDecision d, DialCaps& caps);

 private:
  ReasonCounters reasons_;
  PacingDecision last_;
};

constexpr Duration kDefaultTick{250};
// Progressive and power decisions change only on call and agent events; their periodic re-check
// is a safety net, so it can be slower than the predictive tick.
constexpr Duration kEventDrivenRecheck{1000};

// Preview: the agent reads the lead and presses dial; the pacer only lets those requests through.
class PreviewPacer final : public Pacer {
 public:
  explicit PreviewPacer(CapsConfig caps = {}) : caps_(caps) {}
  PacingDecision decide(const PacingInputs& in) override;
  void observe(TimePoint, const CallObservation&) override {}
  [[nodiscard]] std::string_view name() const override { return "preview"; }

 private:
  DialCaps caps_;
};

// Progressive: one call in flight (or answered and waiting) per ready agent, never more.
class ProgressivePacer final : public Pacer {
 public:
  explicit ProgressivePacer(CapsConfig caps = {}) : caps_(caps) {}
  PacingDecision decide(const PacingInputs& in) override;
  void observe(TimePoint, const CallObservation&) override {}
  [[nodiscard]] std::string_view name() const override { return "progressive"; }

 private:
  DialCaps caps_;
};

// Power: keeps round(ratio x active agents) calls up, counting the ones talking to agents
// (VICIdial's RATIO method).
class PowerPacer final : public Pacer {
 public:
  PowerPacer(double ratio, CapsConfig caps = {}) : ratio_(ratio), caps_(caps) {}
  PacingDecision decide(const PacingInputs& in) override;
  void observe(TimePoint, const CallObservation&) override {}
  [[nodiscard]] std::string_view name() const override { return "power"; }
  [[nodiscard]] double ratio() const { return ratio_; }

 private:
  double ratio_;
  DialCaps caps_;
};

}  // namespace dialer::pacing
