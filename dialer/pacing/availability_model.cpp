#include "dialer/pacing/availability_model.h"

#include <algorithm>
#include <chrono>

namespace dialer::pacing {
namespace {

constexpr int kMaxAnswerSeconds = 120;
constexpr int kMaxTalkSeconds = 3600;
constexpr int kMaxWrapSeconds = 900;

int whole_seconds(Duration d) {
  return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(d).count());
}

// The part of `pmf` between cumulative masses g/groups and (g+1)/groups, renormalised: the g-th
// of `groups` equally likely ranges of the horizon, shortest first.
std::vector<double> horizon_group(const std::vector<double>& pmf, int g, int groups) {
  const double lo = static_cast<double>(g) / groups;
  const double hi = static_cast<double>(g + 1) / groups;
  std::vector<double> out(pmf.size(), 0.0);
  double below = 0, kept = 0;
  for (std::size_t x = 0; x < pmf.size(); ++x) {
    const double from = std::max(below, lo);
    const double to = std::min(below + pmf[x], hi);
    if (to > from) out[x] = to - from;
    kept += out[x];
    below += pmf[x];
  }
  if (kept > 0) {
    for (auto& v : out) v /= kept;
  }
  return out;
}

}  // namespace

AvailabilityModel::AvailabilityModel(AvailabilityConfig config)
    : config_(config),
      answer_(kMaxAnswerSeconds, config.memory_answer),
      not_live_(kMaxAnswerSeconds, config.memory_answer),
      talk_(kMaxTalkSeconds, config.memory_handle),
      wrap_(kMaxWrapSeconds, config.memory_handle) {
  rebuild();
}

void AvailabilityModel::observe(const CallObservation& obs) {
  using K = CallObservation::Kind;
  switch (obs.kind) {
    case K::answered_live:
      answer_.add(obs.value);
      break;
    case K::not_live:
      not_live_.add(obs.value);
      break;
    case K::talk_finished:
      talk_.add(obs.value);
      break;
    case K::wrap_finished:
      wrap_.add(obs.value);
      break;
    case K::connected:
    case K::abandoned:
      break;
  }
}

void AvailabilityModel::refresh(TimePoint now) {
  const std::size_t versions =
      answer_.version() + not_live_.version() + talk_.version() + wrap_.version();
  if (versions == built_versions_) return;
  if (built_once_ && now - last_build_ < config_.rebuild_every) return;
  last_build_ = now;
  built_once_ = true;
  built_versions_ = versions;
  rebuild();
}

void AvailabilityModel::rebuild() {
  // Horizon: when a call dialled now is answered, plus the time it may wait for an agent.
  const int allowance = whole_seconds(config_.abandon_after);
  const bool answer_known = answer_.weight() >= config_.min_answer_samples;
  answer_known_ = answer_known && not_live_.weight() > 0;
  dead_over_live_.assign(static_cast<std::size_t>(answer_.bins()), -1.0);
  for (int r = 0; r < answer_.bins() && answer_known_; ++r) {
    const double live = survival(answer_, r);
    if (live > 1e-12) dead_over_live_[static_cast<std::size_t>(r)] = survival(not_live_, r) / live;
  }
  const int answer_bins = answer_known ? answer_.bins() : 1;
  horizon_pmf_.assign(static_cast<std::size_t>(answer_bins + allowance), 0.0);
  horizon_mean_ = 0;
  for (int t = 0; t < answer_bins; ++t) {
    const double mass = answer_known ? answer_.pmf(t) : 1.0;
    horizon_pmf_[static_cast<std::size_t>(t + allowance)] += mass;
    horizon_mean_ += mass * (t + allowance);
  }
  while (horizon_pmf_.size() > 1 && horizon_pmf_.back() < 1e-9) horizon_pmf_.pop_back();

  handle_confidence_ = std::min(1.0, talk_.weight() / config_.min_handle_samples);
  FreeTables all;
  build_tables(horizon_pmf_, all);
  q_talk_ = std::move(all.talk);
  q_wrap_ = std::move(all.wrap);
  const int groups = std::clamp(config_.horizon_groups, 1, kMaxHorizonGroups);
  groups_.resize(static_cast<std::size_t>(groups));
  for (int g = 0; g < groups; ++g) {
    const auto horizon = horizon_group(horizon_pmf_, g, groups);
    build_tables(horizon, groups_[static_cast<std::size_t>(g)]);
    build_order(horizon, groups_[static_cast<std::size_t>(g)]);
  }
}

void AvailabilityModel::build_order(const std::vector<double>& horizon, FreeTables& out) const {
  out.answers_first.clear();
  if (!config_.time_resolved_demand || !answer_known_) return;  // everything competes
  const int allowance = whole_seconds(config_.abandon_after);
  const int xmax = static_cast<int>(horizon.size());
  // A call rung for r seconds, if live, answers at T > r; it is ahead of the new call when
  // T - r < A, the new call's answer time (x = A + allowance on the horizon).
  out.answers_first.assign(static_cast<std::size_t>(answer_.bins()), 1.0);
  for (int r = 0; r < answer_.bins(); ++r) {
    const double surv = survival(answer_, r);
    if (surv < 1e-9) break;
    double p = 0;
    for (int x = allowance; x < xmax; ++x) {
      p += horizon[static_cast<std::size_t>(x)] * (answer_.cdf(r + x - allowance) - answer_.cdf(r));
    }
    out.answers_first[static_cast<std::size_t>(r)] = std::clamp(p / surv, 0.0, 1.0);
  }
}

void AvailabilityModel::build_tables(const std::vector<double>& horizon, FreeTables& out) const {
  const int xmax = static_cast<int>(horizon.size());
  const bool wrap_known = wrap_.weight() > 0;
  auto wrap_cdf = [&](int s) { return wrap_known ? wrap_.cdf(s) : (s > 0 ? 1.0 : 0.0); };

  // Wrap phase: P(W < a + x | W >= a), averaged over the horizon x.
  out.wrap.assign(static_cast<std::size_t>(wrap_.bins()), 0.0);
  for (int a = 0; a < wrap_.bins() && wrap_known; ++a) {
    const double surv = survival(wrap_, a);
    if (surv < 1e-9) break;
    double q = 0;
    for (int x = 0; x < xmax; ++x) {
      q += horizon[static_cast<std::size_t>(x)] * (wrap_.cdf(a + x) - wrap_.cdf(a));
    }
    out.wrap[static_cast<std::size_t>(a)] = std::clamp(q / surv, 0.0, 1.0);
  }
  // Talk phase: the talk ends d seconds from now, then the whole wrap must fit in x - d.
  std::vector<double> m(static_cast<std::size_t>(xmax), 0.0);
  for (int d = 0; d < xmax; ++d) {
    for (int x = d; x < xmax; ++x)
      m[static_cast<std::size_t>(d)] += horizon[static_cast<std::size_t>(x)] * wrap_cdf(x - d);
  }
  const int bins = talk_.bins();
  out.talk.assign(static_cast<std::size_t>(bins), 0.0);
  double surv = 1.0;  // P(talk >= a)
  for (int a = 0; a < bins && talk_.weight() > 0; ++a) {
    if (surv < 1e-7) break;
    double q = 0;
    for (int d = 0; d < xmax && a + d < bins; ++d)
      q += talk_.pmf(a + d) * m[static_cast<std::size_t>(d)];
    out.talk[static_cast<std::size_t>(a)] = std::clamp(q / surv, 0.0, 1.0);
    surv -= talk_.pmf(a);
  }
}

}  // namespace dialer::pacing
