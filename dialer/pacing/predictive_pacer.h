// PredictivePacer: model-based predictive dialling.
// For each extra call it computes the probability that, if the call is answered live, no agent is
// free within the abandon allowance (agents free now + busy agents likely to free in time, against
// live answers expected from calls in flight and the extra calls). It launches while that marginal
// risk stays under a threshold that a slow feedback loop tunes so measured abandonment tracks the
// target. Thin statistics shrink every estimate towards progressive. Not thread-safe.
#pragma once

#include <memory>

#include "dialer/pacing/availability_model.h"
#include "dialer/pacing/pacer.h"

namespace dialer::pacing {

struct PredictiveConfig {
  double abandon_target = 0.025;    // operating target (the compliance gate enforces the ceiling)
  double abandon_ceiling = 0.03;    // legal ceiling; the guards below protect it
  double guard_fraction = 0.95;     // long-run rate above this share of the ceiling: progressive
  double guard_min_answers = 2000;  // decayed live answers before the long-run guard may trip
  double burst_factor = 3.0;        // recent rate above this multiple of the ceiling: progressive
  double burst_min_answers = 100;
  // The compliance gate closes when a rolling control window's rate reaches the ceiling and
  // reopens only below its release level: the pacer dials progressively while the same window
  // is above this share of the ceiling, so that ordinary noise never trips the gate.
  Duration control_window = std::chrono::hours{24};
  double window_guard_fraction = 0.93;
  double window_min_answers = 100;  // a thinner window is left to the gate itself
  double guard_memory = 300;        // live answers behind the recent (burst) rate
  double prior_live = 1.0;          // cautious prior: every dial assumed live (progressive)
  double prior_weight = 40;         // pseudo-dials behind the prior
  double memory_live = 1000;        // resolved dials remembered by the live-answer estimate
  double initial_threshold = 0.12;  // marginal P(no agent) allowed before any feedback
  double min_threshold = 0.02;
  double max_threshold = 0.5;
  double feedback_gain = 0.02;     // log-threshold step per answered call
  double integral_gain = 2.0;      // weight of the long-run rate's gap to the target
  double long_run_memory = 20000;  // answered calls behind the long-run rate
  int exact_terms_limit = 48;      // exact Poisson-binomial below this many random terms
  bool skew_correction = true;     // above it: normal approximation refined by the skewness
  Duration tick = kDefaultTick;
  AvailabilityConfig availability;
  CapsConfig caps;
};

class PredictivePacer final : public Pacer {
 public:
  explicit PredictivePacer(PredictiveConfig config = {});
  ~PredictivePacer() override;
  PredictivePacer(PredictivePacer&&) noexcept;
  PredictivePacer& operator=(PredictivePacer&&) noexcept;

  PacingDecision decide(const PacingInputs& in) override;
  void observe(TimePoint now, const CallObservation& obs) override;
  [[nodiscard]] std::string_view name() const override { return "predictive"; }

  [[nodiscard]] double p_live() const;
  [[nodiscard]] double threshold() const;
  [[nodiscard]] double measured_abandon() const;
  [[nodiscard]] const AvailabilityModel& model() const { return model_; }

 private:
  struct Terms;    // the random supply and demand terms of one decision
  struct Scratch;  // reusable buffers
  PacingDecision progressive_fallback(const PacingInputs& in, PacingReason reason);
  int launches_exact(const Terms& t, int max_new, PacingExplanation& ex) const;
  int launches_normal(const Terms& t, int max_new, PacingExplanation& ex) const;
  void explain(const Terms& t, double supply_mean, double demand_mean, double risk,
               double shortfall, PacingExplanation& ex) const;

  PredictiveConfig config_;
  std::unique_ptr<Scratch> scratch_;
  AvailabilityModel model_;
  DialCaps caps_;
  DecayingProportion live_;
  DecayingProportion abandoned_;
  DecayingProportion long_run_;  // abandonment over about a legal period's worth of answers
  RollingAbandonment window_;    // the gate's rolling control window
  bool guard_active_ = false;
  double log_threshold_;
};

}  // namespace dialer::pacing
