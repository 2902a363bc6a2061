#include "dialer/pacing/predictive_pacer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <vector>

#include "dialer/pacing/count_distribution.h"

namespace dialer::pacing {

// Supply minus demand, before any new call: base + sum Bern(q) - sum Bern(pi) - Poisson(inbound),
// once per horizon group: how soon the new call is answered decides which busy agents are free
// by then and which ringing calls are answered ahead of it.
struct PredictivePacer::Terms {
  struct Counts {
    std::vector<double> terms;            // the Bernoulli probabilities, exact path
    double mean = 0, var = 0, third = 0;  // their cumulants

    void clear() {
      terms.clear();
      mean = var = third = 0;
    }
    void add(double q, bool keep) {
      if (keep) terms.push_back(q);
      mean += q;
      var += q * (1 - q);
      third += bernoulli_third(q);
    }
  };
  int base = 0;
  int groups = 1;
  std::array<Counts, kMaxHorizonGroups> supply;  // busy agents' P(free in time)
  std::array<Counts, kMaxHorizonGroups> demand;  // ringing calls' P(live and answered first)
  double inbound_mean = 0;
  double p_new = 1.0;
  double theta = 0.1;
};

// Buffers reused by every decision, so that steady-state decisions do not allocate.
struct PredictivePacer::Scratch {
  Terms terms;
  std::array<CountPmf, kMaxHorizonGroups> pmf;
};

PredictivePacer::PredictivePacer(PredictiveConfig config)
    : config_(config),
      scratch_(std::make_unique<Scratch>()),
      model_(config.availability),
      caps_(config.caps),
      live_(config.memory_live),
      abandoned_(config.guard_memory),
      long_run_(config.long_run_memory),
      window_(config.control_window),
      log_threshold_(std::log(config.initial_threshold)) {}

PredictivePacer::~PredictivePacer() = default;
PredictivePacer::PredictivePacer(PredictivePacer&&) noexcept = default;
PredictivePacer& PredictivePacer::operator=(PredictivePacer&&) noexcept = default;

double PredictivePacer::p_live() const {
  return live_.estimate(config_.prior_live, config_.prior_weight);
}
double PredictivePacer::threshold() const { return std::exp(log_threshold_); }
double PredictivePacer::measured_abandon() const { return abandoned_.estimate(0.0, 0.0); }

void PredictivePacer::observe(TimePoint now, const CallObservation& obs) {
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
      window_.add(now, dropped);
      // While the guard dials progressively, the threshold is frozen: otherwise the quiet spell
      // would raise it and the release would over-dial (the bang-bang cycle of a daily cap).
      // Drops still lower it: a guard that trips because the threshold is too high must not
      // keep it there.
      if (guard_active_ && !dropped) break;
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
  window_.advance(in.now);
  const bool window_guard =
      window_.live() >= config_.window_min_answers &&
      window_.rate() > config_.window_guard_fraction * config_.abandon_ceiling;
  guard_active_ = period_guard || burst_guard || window_guard;
  if (guard_active_) return progressive_fallback(in, PacingReason::abandon_guard);
  model_.refresh(in.now);
  Terms& t = scratch_->terms;
  t.groups = model_.horizon_groups();
  t.p_new = p_live();
  t.theta = threshold();
  t.base = in.agents_ready - in.answered_waiting - in.inbound_waiting;
  const bool exact =
      static_cast<int>(in.busy.size() + in.in_flight_elapsed.size()) <= config_.exact_terms_limit;
  const auto groups = static_cast<std::size_t>(t.groups);
  for (std::size_t g = 0; g < groups; ++g) {
    t.supply[g].clear();
    t.demand[g].clear();
  }
  for (const auto& agent : in.busy) {
    const double q_all = model_.p_free(agent);
    if (q_all <= 1e-6) continue;  // not free in time, whatever the answer time
    if (groups == 1) {            // the default: one table lookup per agent
      t.supply[0].add(q_all, exact);
      continue;
    }
    for (std::size_t g = 0; g < groups; ++g) {
      const double q = model_.p_free(agent, static_cast<int>(g));
      if (q > 1e-6) t.supply[g].add(q, exact);
    }
  }
  for (const auto& elapsed : in.in_flight_elapsed) {
    const double live = model_.p_live_given_ringing(elapsed, t.p_new);
    if (live <= 1e-6) continue;
    if (groups == 1 && !model_.time_resolved()) {
      t.demand[0].add(live, exact);
      continue;
    }
    for (std::size_t g = 0; g < groups; ++g) {
      const double pi = live * model_.p_answers_first(elapsed, static_cast<int>(g));
      if (pi > 1e-6) t.demand[g].add(pi, exact);
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
  const auto groups = static_cast<std::size_t>(t.groups);
  double supply_mean = 0, demand_mean = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    CountPmf& z = scratch_->pmf[g];
    z.reset(t.base);
    for (double q : t.supply[g].terms) z.add_bernoulli(q, +1);
    for (double pi : t.demand[g].terms) z.add_bernoulli(pi, -1);
    z.subtract_poisson(t.inbound_mean);
    supply_mean += t.supply[g].mean / t.groups;
    demand_mean += t.demand[g].mean / t.groups;
  }
  demand_mean += t.inbound_mean;
  // The horizon groups are equally likely: the risk is their average.
  auto risk_now = [&] {
    double r = 0;
    for (std::size_t g = 0; g < groups; ++g) r += scratch_->pmf[g].p_at_most_zero();
    return r / t.groups;
  };
  int launch = 0;
  double risk = risk_now();
  while (launch < max_new && risk < t.theta) {
    for (std::size_t g = 0; g < groups; ++g) {
      // Calls dialled together all compete with each other: whichever is answered first takes
      // the agent, and the total shortfall grows by one either way.
      scratch_->pmf[g].add_bernoulli(t.p_new, -1);
      demand_mean += t.p_new / t.groups;
    }
    ++launch;
    risk = risk_now();
  }
  double shortfall = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    shortfall += scratch_->pmf[g].expected_negative_part() / t.groups;
  }
  explain(t, supply_mean, demand_mean, risk, shortfall, ex);
  return launch;
}

int PredictivePacer::launches_normal(const Terms& t, int max_new, PacingExplanation& ex) const {
  const auto groups = static_cast<std::size_t>(t.groups);
  const bool skew = config_.skew_correction;
  // Cumulants of Z per group. Demand and inbound enter Z with a minus sign, so their odd
  // cumulants do too.
  std::array<double, kMaxHorizonGroups> mean{}, var{}, third{};
  for (std::size_t g = 0; g < groups; ++g) {
    const auto& sup = t.supply[g];
    const auto& dem = t.demand[g];
    mean[g] = t.base + sup.mean - dem.mean - t.inbound_mean;
    var[g] = sup.var + dem.var + t.inbound_mean;
    third[g] = skew ? sup.third - dem.third - t.inbound_mean : 0.0;
  }
  auto risk_now = [&] {
    double r = 0;
    for (std::size_t g = 0; g < groups; ++g) r += risk_of(mean[g], var[g], third[g]);
    return r / t.groups;
  };
  int launch = 0;
  double risk = risk_now();
  while (launch < max_new && risk < t.theta) {
    for (std::size_t g = 0; g < groups; ++g) {
      const double q = t.p_new;  // calls dialled together all compete with each other
      mean[g] -= q;
      var[g] += q * (1 - q);
      if (skew) third[g] -= bernoulli_third(q);
    }
    ++launch;
    risk = risk_now();
  }
  double supply_mean = 0, demand_mean = 0, shortfall = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    supply_mean += t.supply[g].mean / t.groups;
    demand_mean += (t.demand[g].mean + t.inbound_mean + launch * t.p_new) / t.groups;
    shortfall += expected_shortfall(mean[g], var[g]) / t.groups;
  }
  explain(t, supply_mean, demand_mean, risk, shortfall, ex);
  return launch;
}

void PredictivePacer::explain(const Terms& t, double supply_mean, double demand_mean, double risk,
                              double shortfall, PacingExplanation& ex) const {
  // Expected agents and the live answers competing with the next call (waiting calls included).
  const double demand = std::max(0, -t.base) + demand_mean;
  ex.agents_expected = std::max(0, t.base) + supply_mean;
  ex.demand_expected = demand;
  ex.next_call_abandon = risk;
  ex.forecast_abandon = demand > 0 ? shortfall / demand : 0.0;
}

}  // namespace dialer::pacing
