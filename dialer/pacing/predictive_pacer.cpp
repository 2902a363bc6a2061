#include "dialer/pacing/predictive_pacer.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace dialer::pacing {
namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Distribution of an integer random variable on [offset, offset + pmf.size()).
struct IntPmf {
  int offset = 0;
  std::vector<double> pmf{1.0};

  void reset(int at) {
    offset = at;
    pmf.assign(1, 1.0);
  }
  // In place, so that a decision allocates nothing once the buffer has grown.
  void add_bernoulli(double q, int sign) {  // sign +1: adds Bern(q); -1: subtracts it
    if (q <= 0) return;
    const double up = sign > 0 ? q : 1.0 - q;  // weight of the higher value
    pmf.push_back(0.0);
    for (std::size_t j = pmf.size() - 1; j > 0; --j) pmf[j] = pmf[j] * (1.0 - up) + pmf[j - 1] * up;
    pmf[0] *= 1.0 - up;
    if (sign < 0) --offset;
  }
  void subtract_poisson(double mean) {
    if (mean <= 1e-9) return;
    const int kmax = static_cast<int>(mean + 6.0 * std::sqrt(mean) + 2.0);
    std::vector<double> pois(static_cast<std::size_t>(kmax + 1));
    double term = std::exp(-mean);
    for (int k = 0; k <= kmax; ++k) {
      pois[static_cast<std::size_t>(k)] = term;
      term *= mean / (k + 1);
    }
    std::vector<double> out(pmf.size() + static_cast<std::size_t>(kmax), 0.0);
    for (std::size_t i = 0; i < pmf.size(); ++i) {
      for (int k = 0; k <= kmax; ++k) {
        out[i + static_cast<std::size_t>(kmax - k)] += pmf[i] * pois[static_cast<std::size_t>(k)];
      }
    }
    offset -= kmax;
    pmf.swap(out);
  }
  [[nodiscard]] double p_at_most_zero() const {
    double p = 0;
    for (std::size_t i = 0; i < pmf.size() && offset + static_cast<int>(i) <= 0; ++i) p += pmf[i];
    return p;
  }
  [[nodiscard]] double expected_negative_part() const {  // E[max(0, -Z)]
    double e = 0;
    for (std::size_t i = 0; i < pmf.size() && offset + static_cast<int>(i) < 0; ++i) {
      e += pmf[i] * -(offset + static_cast<int>(i));
    }
    return e;
  }
};

}  // namespace

// Supply minus demand, before any new call: base + sum Bern(q) - sum Bern(pi) - Poisson(inbound).
struct PredictivePacer::Terms {
  int base = 0;
  std::vector<double> supply;              // busy agents' P(free in time)
  std::vector<double> demand;              // ringing calls' P(live)
  double supply_mean = 0, supply_var = 0;  // moments, when the terms are not stored
  double demand_mean = 0, demand_var = 0;
  double inbound_mean = 0;
  double p_new = 1.0;
  double theta = 0.1;
};

// Buffers reused by every decision, so that steady-state decisions do not allocate.
struct PredictivePacer::Scratch {
  Terms terms;
  IntPmf pmf;
};

PredictivePacer::PredictivePacer(PredictiveConfig config)
    : config_(config),
      scratch_(std::make_unique<Scratch>()),
      model_(config.availability),
      caps_(config.caps),
      live_(config.memory_live),
      abandoned_(config.guard_memory),
      long_run_(config.long_run_memory),
      log_threshold_(std::log(config.initial_threshold)) {}

PredictivePacer::~PredictivePacer() = default;
PredictivePacer::PredictivePacer(PredictivePacer&&) noexcept = default;
PredictivePacer& PredictivePacer::operator=(PredictivePacer&&) noexcept = default;

double PredictivePacer::p_live() const {
  return live_.estimate(config_.prior_live, config_.prior_weight);
}
double PredictivePacer::threshold() const { return std::exp(log_threshold_); }
double PredictivePacer::measured_abandon() const { return abandoned_.estimate(0.0, 0.0); }

void PredictivePacer::observe(TimePoint /*now*/, const CallObservation& obs) {
  using K = CallObservation::Kind;
  model_.observe(obs);
  switch (obs.kind) {
    case K::answered_live:
      live_.add(true);
      break;
    case K::not_live:
      live_.add(false);
      break;
    case K::connected:
    case K::abandoned: {
      const bool dropped = obs.kind == K::abandoned;
      abandoned_.add(dropped);
      long_run_.add(dropped);
      // While the guard dials progressively, the threshold is frozen: otherwise the quiet spell
      // would raise it and the release would over-dial (the bang-bang cycle of a daily cap).
      if (guard_active_) break;
      // Stochastic approximation: the threshold settles where abandonment equals the target; the
      // long-run term adds integral action so the legal period's rate does not drift above it.
      const double long_gap =
          long_run_.estimate(config_.abandon_target, 50) - config_.abandon_target;
      const double err =
          (dropped ? 1.0 : 0.0) - config_.abandon_target + config_.integral_gain * long_gap;
      log_threshold_ -= config_.feedback_gain * err;
      log_threshold_ = std::clamp(log_threshold_, std::log(config_.min_threshold),
                                  std::log(config_.max_threshold));
      break;
    }
    case K::talk_finished:
    case K::wrap_finished:
      break;
  }
}

PacingDecision PredictivePacer::progressive_fallback(const PacingInputs& in, PacingReason reason) {
  PacingDecision d;
  d.next_check = in.now + config_.tick;
  d.launch =
      std::max(0, in.agents_ready - in.inbound_waiting - in.in_flight() - in.answered_waiting);
  d.reason = reason;
  d.explanation.p_live = p_live();
  d.explanation.p_live_observations = live_.weight();
  d.explanation.threshold = threshold();
  d.explanation.measured_abandon = measured_abandon();
  return finish(in, d, caps_);
}

PacingDecision PredictivePacer::decide(const PacingInputs& in) {
  // Two guards: the long-run rate nearing the ceiling (the legal period is what counts), and a
  // recent burst far above it (the calling conditions changed faster than the estimates).
  const bool period_guard =
      long_run_.weight() >= config_.guard_min_answers &&
      long_run_.estimate(0, 0) > config_.guard_fraction * config_.abandon_ceiling;
  const bool burst_guard = abandoned_.weight() >= config_.burst_min_answers &&
                           measured_abandon() > config_.burst_factor * config_.abandon_ceiling;
  guard_active_ = period_guard || burst_guard;
  if (guard_active_) return progressive_fallback(in, PacingReason::abandon_guard);
  model_.refresh(in.now);
  Terms& t = scratch_->terms;
  t.supply.clear();
  t.demand.clear();
  t.supply_mean = t.supply_var = t.demand_mean = t.demand_var = 0;
  t.p_new = p_live();
  t.theta = threshold();
  t.base = in.agents_ready - in.answered_waiting - in.inbound_waiting;
  const bool exact =
      static_cast<int>(in.busy.size() + in.in_flight_elapsed.size()) <= config_.exact_terms_limit;
  if (exact) {
    for (const auto& agent : in.busy) {
      const double q = model_.p_free(agent);
      if (q > 1e-6) t.supply.push_back(q);
    }
    for (const auto& elapsed : in.in_flight_elapsed) {
      const double pi = model_.p_live_given_ringing(elapsed, t.p_new);
      if (pi > 1e-6) t.demand.push_back(pi);
    }
  } else {  // large teams: only the moments are needed, no per-term storage
    for (const auto& agent : in.busy) {
      const double q = model_.p_free(agent);
      t.supply_mean += q;
      t.supply_var += q * (1 - q);
    }
    for (const auto& elapsed : in.in_flight_elapsed) {
      const double pi = model_.p_live_given_ringing(elapsed, t.p_new);
      t.demand_mean += pi;
      t.demand_var += pi * (1 - pi);
    }
  }
  t.inbound_mean = in.inbound_rate_per_s * model_.horizon_mean_seconds();

  const int lines_in_use = in.in_flight() + in.answered_waiting + in.connected_calls;
  const int max_new = std::clamp(
      static_cast<int>(caps_.config().max_lines_per_agent * std::max(0, in.active_agents())) -
          lines_in_use,
      0, 10'000);

  PacingDecision d;
  d.next_check = in.now + config_.tick;
  auto& ex = d.explanation;
  ex.p_live = t.p_new;
  ex.p_live_observations = live_.weight();
  ex.threshold = t.theta;
  ex.measured_abandon = measured_abandon();
  d.launch = exact ? launches_exact(t, max_new, ex) : launches_normal(t, max_new, ex);
  if (live_.weight() < config_.prior_weight) {
    d.reason = PacingReason::cold_start;
  } else if (d.launch == max_new && ex.next_call_abandon < t.theta) {
    d.reason = PacingReason::cap_lines_per_agent;  // the model wanted more
  } else if (d.launch == 0) {
    d.reason = in.inbound_waiting > 0 && in.agents_ready > 0
                   ? PacingReason::inbound_load
                   : PacingReason::forecast_abandon_above_target;
  }
  return finish(in, d, caps_);
}

int PredictivePacer::launches_exact(const Terms& t, int max_new, PacingExplanation& ex) const {
  IntPmf& z = scratch_->pmf;
  z.reset(t.base);
  double supply_mean = std::max(0, t.base);
  double demand_mean = std::max(0, -t.base);
  for (double q : t.supply) {
    z.add_bernoulli(q, +1);
    supply_mean += q;
  }
  for (double pi : t.demand) {
    z.add_bernoulli(pi, -1);
    demand_mean += pi;
  }
  z.subtract_poisson(t.inbound_mean);
  demand_mean += t.inbound_mean;
  int launch = 0;
  double risk = z.p_at_most_zero();
  while (launch < max_new && risk < t.theta) {
    z.add_bernoulli(t.p_new, -1);
    ++launch;
    risk = z.p_at_most_zero();
  }
  demand_mean += launch * t.p_new;
  ex.agents_expected = supply_mean;
  ex.demand_expected = demand_mean;
  ex.next_call_abandon = risk;
  ex.forecast_abandon = demand_mean > 0 ? z.expected_negative_part() / demand_mean : 0.0;
  return launch;
}

int PredictivePacer::launches_normal(const Terms& t, int max_new, PacingExplanation& ex) const {
  double mean = t.base + t.supply_mean - t.demand_mean - t.inbound_mean;
  double var = t.supply_var + t.demand_var + t.inbound_mean;
  const double supply_mean = std::max(0, t.base) + t.supply_mean;
  double demand_mean = std::max(0, -t.base) + t.demand_mean + t.inbound_mean;
  auto risk_of = [](double m, double v) {
    if (v <= 1e-12) return m <= 0.5 ? 1.0 : 0.0;
    return normal_cdf((0.5 - m) / std::sqrt(v));  // continuity-corrected P(Z <= 0)
  };
  int launch = 0;
  double risk = risk_of(mean, var);
  while (launch < max_new && risk < t.theta) {
    mean -= t.p_new;
    var += t.p_new * (1 - t.p_new);
    ++launch;
    risk = risk_of(mean, var);
  }
  demand_mean += launch * t.p_new;
  ex.agents_expected = supply_mean;
  ex.demand_expected = demand_mean;
  ex.next_call_abandon = risk;
  const double sd = std::sqrt(std::max(var, 1e-12));
  const double m = -mean;  // E[max(0, -Z)] for a normal Z
  const double neg =
      sd * std::exp(-0.5 * (m / sd) * (m / sd)) / std::sqrt(2 * M_PI) + m * normal_cdf(m / sd);
  ex.forecast_abandon = demand_mean > 0 ? std::max(0.0, neg) / demand_mean : 0.0;
  return launch;
}

}  // namespace dialer::pacing
