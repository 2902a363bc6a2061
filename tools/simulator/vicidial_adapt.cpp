#include "tools/simulator/vicidial_adapt.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace dialer::sim {
namespace {

using pacing::CallObservation;
using pacing::PacingDecision;
using pacing::PacingInputs;
using pacing::PacingReason;

constexpr Duration kSample{1000};
constexpr Duration kUpdate{15'000};
constexpr Duration kDialLoop{2500};
constexpr Duration kMinute{60'000};
constexpr std::int64_t kDayMs = 86'400'000;

double mean(const std::deque<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

void push15(std::deque<double>& v, double x) {
  v.push_back(x);
  if (v.size() > 15) v.pop_front();
}

}  // namespace

VicidialAdaptPacer::VicidialAdaptPacer(VicidialConfig config)
    : config_(config), caps_(config.caps), level_(config.initial_level) {}

void VicidialAdaptPacer::roll_day(TimePoint now) {
  const long long day = (to_unix_ms(now) + config_.server_utc_offset.count()) / kDayMs;
  if (day == day_) return;
  day_ = day;
  answered_today_ = drops_today_ = dials_today_ = 0;
}

void VicidialAdaptPacer::observe(TimePoint now, const CallObservation& obs) {
  roll_day(now);
  if (obs.kind != CallObservation::Kind::connected &&
      obs.kind != CallObservation::Kind::abandoned) {
    return;
  }
  const bool dropped = obs.kind == CallObservation::Kind::abandoned;
  answered_today_ += 1;
  drops_today_ += dropped ? 1 : 0;
  minute_answers_.emplace_back(now, dropped);
}

void VicidialAdaptPacer::sample(const PacingInputs& in) {
  push15(ready_, in.agents_ready);
  push15(wait_, in.answered_waiting);
  push15(total_, in.agents_logged_in);
}

void VicidialAdaptPacer::update_level(TimePoint now) {
  const double diff = mean(ready_) - mean(wait_) + config_.diff_target;
  const double agents = mean(total_);
  double x = (diff == 0 || agents == 0) ? 0.0 : diff / agents;
  x = x >= 0 ? x * (1 + config_.intensity / 100) : x * std::abs(config_.intensity / 100 - 1);
  double level = std::min(level_ * (1 + x), config_.max_level);
  if (level < 1) level = 1;

  while (!minute_answers_.empty() && now - minute_answers_.front().first > kMinute) {
    minute_answers_.pop_front();
  }
  while (!minute_dials_.empty() && now - minute_dials_.front() > kMinute) minute_dials_.pop_front();
  const auto drops_minute = std::count_if(minute_answers_.begin(), minute_answers_.end(),
                                          [](const auto& e) { return e.second; });
  const auto calls_minute = static_cast<double>(minute_dials_.size());
  if (calls_minute > 20 && static_cast<double>(drops_minute) / calls_minute > 0.5) level /= 2;

  const double drop_pct = answered_today_ > 0 ? drops_today_ / answered_today_ : 0.0;
  if (dials_today_ > 50 && drop_pct > config_.drop_limit) {
    if (!config_.tapered) {
      level = 1.0;
    } else {
      const auto ms_of_day = (to_unix_ms(now) + config_.server_utc_offset.count()) % kDayMs;
      const auto minutes = ms_of_day / 60'000;
      const auto hhmm = (minutes / 60) * 100 + minutes % 60;
      const auto hours_left = config_.latest_hhmm - hhmm;  // raw HHMM arithmetic, as VICIdial
      level = hours_left < 0 ? 1.0 : level * std::min(1.0, static_cast<double>(hours_left) / 1000);
    }
  }
  level_ = std::max(1.0, level);
}

PacingDecision VicidialAdaptPacer::decide(const PacingInputs& in) {
  roll_day(in.now);
  if (!started_) {
    started_ = true;
    next_sample_ = next_update_ = next_dial_ = in.now;
    next_update_ += kUpdate;
  }
  while (in.now >= next_sample_) {
    sample(in);
    next_sample_ += kSample;
  }
  while (in.now >= next_update_) {
    update_level(in.now);
    next_update_ += kUpdate;
  }
  PacingDecision d;
  d.explanation.ratio = level_;
  if (in.now >= next_dial_) {
    while (next_dial_ <= in.now) next_dial_ += kDialLoop;
    const int goal = static_cast<int>(std::lround(level_ * in.active_agents()));
    const int existing = in.in_flight() + in.answered_waiting + in.connected_calls;
    d.launch = std::max(0, goal - existing);
    d.reason = d.launch > 0 ? PacingReason::launched : PacingReason::target_reached;
  }
  d.next_check = std::min({next_sample_, next_update_, next_dial_});
  d = finish(in, d, caps_);
  dials_today_ += d.launch;
  for (int i = 0; i < d.launch; ++i) minute_dials_.push_back(in.now);
  return d;
}

}  // namespace dialer::sim
