// AvailabilityModel: turns the duration estimators into the two probabilities the predictive
// pacer needs: that a busy agent is free when a call dialled now would be answered (plus the
// abandon allowance), and that a call still ringing will turn out live.
// The new call's answer time is one random time shared by every busy agent: a quick answer finds
// all of them earlier in their calls than a slow one. So besides the average over that time, the
// model splits the answer-time distribution into `horizon_groups` equally likely ranges (fastest
// answers first) and gives each agent's chance of being free within each range; the pacer mixes
// the groups, which keeps that common-cause variation that independent averages would lose.
// Not thread-safe. Tables are rebuilt lazily, at most once per `rebuild_every` of model time.
#pragma once

#include <vector>

#include "dialer/pacing/estimators.h"
#include "dialer/pacing/pacing_types.h"

namespace dialer::pacing {

struct AvailabilityConfig {
  Duration abandon_after{2000};     // an answered call may wait this long for an agent
  Duration rebuild_every{120'000};  // table refresh period
  double min_handle_samples = 30;   // below this, busy agents are assumed not to free up
  double min_answer_samples = 20;   // below this, live calls are assumed to answer at once
  double memory_answer = 1500;      // effective observations kept by each estimator
  double memory_handle = 1500;
  // 1..kMaxHorizonGroups; 1: agents independent given the average. Off by default: in the
  // simulator, 4 groups with time-resolved demand gained 0.3 points of talk time at 50 agents
  // and lost 1 point at 100, at three times the CPU cost (docs/pacing.md).
  int horizon_groups = 1;
  // Only calls answered before the new one compete with it for an agent (false: every call
  // still ringing does, whenever it is answered). Needs horizon_groups > 1 to mean anything.
  bool time_resolved_demand = false;
};

inline constexpr int kMaxHorizonGroups = 8;

class AvailabilityModel {
 public:
  explicit AvailabilityModel(AvailabilityConfig config);

  void observe(const CallObservation& obs);
  // Rebuilds the tables if the estimators changed and the last rebuild is old enough.
  void refresh(TimePoint now);

  // P(agent is free within the answer time of a call dialled now plus the abandon allowance).
  [[nodiscard]] double p_free(const BusyAgent& agent) const {
    if (agent.leaving) return 0.0;
    const auto& table = agent.phase == BusyAgent::Phase::talk ? q_talk_ : q_wrap_;
    const auto a = static_cast<std::size_t>(agent.elapsed.count() / 1000);
    return a < table.size() ? handle_confidence_ * table[a] : 0.0;
  }
  // P(a call ringing for `elapsed` will be answered live), given the prior live probability.
  [[nodiscard]] double p_live_given_ringing(Duration elapsed, double p_live) const {
    if (!answer_known_) return p_live;
    const auto r = static_cast<std::size_t>(elapsed.count() / 1000);
    if (r >= dead_over_live_.size()) return 0.0;
    const double rho = dead_over_live_[r];  // P(not live survives r) / P(live survives r)
    return rho < 0 ? 0.0 : p_live / (p_live + (1.0 - p_live) * rho);
  }
  // Same, given that the new call's answer falls in horizon group `g` (each has the same weight).
  [[nodiscard]] double p_free(const BusyAgent& agent, int g) const {
    if (agent.leaving) return 0.0;
    const auto& tables = groups_[static_cast<std::size_t>(g)];
    const auto& table = agent.phase == BusyAgent::Phase::talk ? tables.talk : tables.wrap;
    const auto a = static_cast<std::size_t>(agent.elapsed.count() / 1000);
    return a < table.size() ? handle_confidence_ * table[a] : 0.0;
  }
  [[nodiscard]] int horizon_groups() const { return static_cast<int>(groups_.size()); }
  [[nodiscard]] bool time_resolved() const { return config_.time_resolved_demand; }
  // P(a live call that has rung for `elapsed` is answered before a call dialled now, whose
  // answer falls in horizon group `g`): only those take an agent ahead of it.
  [[nodiscard]] double p_answers_first(Duration elapsed, int g) const {
    const auto& table = groups_[static_cast<std::size_t>(g)].answers_first;
    const auto r = static_cast<std::size_t>(elapsed.count() / 1000);
    return r < table.size() ? table[r] : (table.empty() ? 1.0 : table.back());
  }

  // Mean of the horizon (answer time + abandon allowance), in seconds.
  [[nodiscard]] double horizon_mean_seconds() const { return horizon_mean_; }
  [[nodiscard]] double handle_samples() const { return talk_.weight(); }
  [[nodiscard]] double mean_talk_seconds() const { return talk_.mean_seconds(); }
  [[nodiscard]] double mean_wrap_seconds() const { return wrap_.mean_seconds(); }
  [[nodiscard]] double mean_answer_seconds() const { return answer_.mean_seconds(); }

 private:
  struct FreeTables {
    std::vector<double> talk;           // p_free for an agent in talk, by elapsed second
    std::vector<double> wrap;           // p_free for an agent in wrap, by elapsed second
    std::vector<double> answers_first;  // p_answers_first by ringing second
  };
  void rebuild();
  void build_tables(const std::vector<double>& horizon, FreeTables& out) const;
  void build_order(const std::vector<double>& horizon, FreeTables& out) const;
  [[nodiscard]] double survival(const DecayingHistogram& h, int s) const { return 1.0 - h.cdf(s); }

  AvailabilityConfig config_;
  DecayingHistogram answer_;    // dial -> live answer
  DecayingHistogram not_live_;  // dial -> no answer / busy / machine
  DecayingHistogram talk_;
  DecayingHistogram wrap_;
  std::vector<double> horizon_pmf_;     // pmf of answer time + abandon allowance, 1 s bins
  std::vector<double> q_talk_;          // p_free for an agent in talk, by elapsed second
  std::vector<double> q_wrap_;          // p_free for an agent in wrap, by elapsed second
  std::vector<FreeTables> groups_;      // the same, per horizon group
  std::vector<double> dead_over_live_;  // survival ratio by ringing second; -1: never live
  bool answer_known_ = false;
  double handle_confidence_ = 0;  // 0..1, grows with handle samples
  double horizon_mean_ = 0;
  std::size_t built_versions_ = static_cast<std::size_t>(-1);
  TimePoint last_build_{};
  bool built_once_ = false;
};

}  // namespace dialer::pacing
