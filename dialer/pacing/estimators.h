// Decaying estimators behind the predictive pacer: a proportion (live-answer probability) and a
// duration distribution on one-second bins (time to answer, talk, wrap, no-answer time).
// Each new observation weighs more than the older ones by a constant factor, so the estimates
// follow a changing day. Not thread-safe. Invariant: weights are finite and non-negative.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::pacing {

// Exponentially decayed proportion. `memory` is the effective number of observations kept.
class DecayingProportion {
 public:
  explicit DecayingProportion(double memory) : keep_(1.0 - 1.0 / memory) {}
  void add(bool success) {
    hits_ = hits_ * keep_ + (success ? 1.0 : 0.0);
    weight_ = weight_ * keep_ + 1.0;
  }
  // Shrunk towards `prior` with `prior_weight` pseudo-observations: thin data stays cautious.
  [[nodiscard]] double estimate(double prior, double prior_weight) const {
    return (hits_ + prior * prior_weight) / (weight_ + prior_weight);
  }
  [[nodiscard]] double weight() const { return weight_; }

 private:
  double keep_;
  double hits_ = 0;
  double weight_ = 0;
};

// Live answers and drops over a rolling window (one-minute buckets): the same kind of control
// window the compliance gate watches (24 hours by default), so that the pacer can stay under the
// gate's ceiling instead of tripping it.
class RollingAbandonment {
 public:
  explicit RollingAbandonment(Duration window) : window_(window) {}
  void add(TimePoint at, bool dropped);
  // Forgets the buckets that left the window ending at `now`.
  void advance(TimePoint now);
  [[nodiscard]] double live() const { return live_; }
  [[nodiscard]] double rate() const { return live_ > 0 ? drops_ / live_ : 0.0; }

 private:
  struct Bucket {
    std::int64_t minute = 0;
    double live = 0, drops = 0;
  };
  Duration window_;
  std::deque<Bucket> buckets_;
  double live_ = 0, drops_ = 0;
};

// Exponentially decayed histogram of durations, one-second bins, last bin open-ended.
class DecayingHistogram {
 public:
  DecayingHistogram(int max_seconds, double memory);

  void add(Duration d);
  [[nodiscard]] double weight() const { return total_ / scale_; }
  [[nodiscard]] int bins() const { return static_cast<int>(mass_.size()); }
  // Probability mass of bin `i` (duration in [i, i+1) seconds), normalised.
  [[nodiscard]] double pmf(int i) const;
  // P(duration < i seconds) (i.e. mass of bins below i), normalised; 1 past the last bin.
  [[nodiscard]] double cdf(int i) const;
  [[nodiscard]] double mean_seconds() const;
  // Bumped on every add(), so that derived tables know when to rebuild.
  [[nodiscard]] std::size_t version() const { return version_; }

 private:
  void refresh() const;

  double keep_;
  double scale_ = 1.0;  // weight of the next observation; grows instead of decaying the others
  double total_ = 0;
  std::vector<double> mass_;
  std::size_t version_ = 0;
  mutable std::vector<double> cum_;  // cum_[i] = mass of bins < i, normalised
  mutable std::size_t cum_version_ = static_cast<std::size_t>(-1);
};

}  // namespace dialer::pacing
