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
  const int xmax = static_cast<int>(horizon_pmf_.size());

  handle_confidence_ = std::min(1.0, talk_.weight() / config_.min_handle_samples);
  const bool wrap_known = wrap_.weight() > 0;
  auto wrap_cdf = [&](int s) { return wrap_known ? wrap_.cdf(s) : (s > 0 ? 1.0 : 0.0); };

  // Wrap phase: P(W < a + x | W >= a), averaged over the horizon x.
  q_wrap_.assign(static_cast<std::size_t>(wrap_.bins()), 0.0);
  for (int a = 0; a < wrap_.bins() && wrap_known; ++a) {
    const double surv = survival(wrap_, a);
    if (surv < 1e-9) break;
    double q = 0;
    for (int x = 0; x < xmax; ++x) {
      q += horizon_pmf_[static_cast<std::size_t>(x)] * (wrap_.cdf(a + x) - wrap_.cdf(a));
    }
    q_wrap_[static_cast<std::size_t>(a)] = std::clamp(q / surv, 0.0, 1.0);
  }
  // Talk phase: the talk ends d seconds from now, then the whole wrap must fit in x - d.
  std::vector<double> m(static_cast<std::size_t>(xmax), 0.0);
  for (int d = 0; d < xmax; ++d) {
    for (int x = d; x < xmax; ++x)
      m[static_cast<std::size_t>(d)] += horizon_pmf_[static_cast<std::size_t>(x)] * wrap_cdf(x - d);
  }
  const int bins = talk_.bins();
  std::vector<double> pmf(static_cast<std::size_t>(bins));
  for (int i = 0; i < bins; ++i) pmf[static_cast<std::size_t>(i)] = talk_.pmf(i);
  q_talk_.assign(static_cast<std::size_t>(bins), 0.0);
  double surv = 1.0;  // P(talk >= a)
  for (int a = 0; a < bins && talk_.weight() > 0; ++a) {
    if (surv < 1e-7) break;
    double q = 0;
    for (int d = 0; d < xmax && a + d < bins; ++d) {
      q += pmf[static_cast<std::size_t>(a + d)] * m[static_cast<std::size_t>(d)];
    }
    q_talk_[static_cast<std::size_t>(a)] = std::clamp(q / surv, 0.0, 1.0);
    surv -= pmf[static_cast<std::size_t>(a)];
  }
}

}  // namespace dialer::pacing
