#include "dialer/pacing/estimators.h"

#include <algorithm>
#include <chrono>

namespace dialer::pacing {

void RollingAbandonment::add(TimePoint at, bool dropped) {
  const std::int64_t minute = to_unix_ms(at) / 60'000;
  if (buckets_.empty() || buckets_.back().minute != minute) buckets_.push_back({minute, 0, 0});
  buckets_.back().live += 1;
  live_ += 1;
  if (dropped) {
    buckets_.back().drops += 1;
    drops_ += 1;
  }
  advance(at);
}

void RollingAbandonment::advance(TimePoint now) {
  const std::int64_t oldest = (to_unix_ms(now) - window_.count()) / 60'000;
  while (!buckets_.empty() && buckets_.front().minute <= oldest) {
    live_ -= buckets_.front().live;
    drops_ -= buckets_.front().drops;
    buckets_.pop_front();
  }
  if (buckets_.empty()) live_ = drops_ = 0;  // no rounding residue
}

DecayingHistogram::DecayingHistogram(int max_seconds, double memory)
    : keep_(1.0 - 1.0 / memory), mass_(static_cast<std::size_t>(std::max(1, max_seconds)), 0.0) {}

void DecayingHistogram::add(Duration d) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  const auto last = static_cast<std::int64_t>(mass_.size()) - 1;
  const auto bin = static_cast<std::size_t>(std::clamp<std::int64_t>(seconds, 0, last));
  // Growing the weight of new observations is the same as decaying all the old ones.
  scale_ /= keep_;
  mass_[bin] += scale_;
  total_ += scale_;
  if (scale_ > 1e150) {
    for (auto& m : mass_) m /= scale_;
    total_ /= scale_;
    scale_ = 1.0;
  }
  ++version_;
}

double DecayingHistogram::pmf(int i) const {
  if (total_ <= 0 || i < 0 || i >= bins()) return 0.0;
  return mass_[static_cast<std::size_t>(i)] / total_;
}

void DecayingHistogram::refresh() const {
  if (cum_version_ == version_) return;
  cum_.assign(mass_.size() + 1, 0.0);
  for (std::size_t i = 0; i < mass_.size(); ++i) cum_[i + 1] = cum_[i] + mass_[i];
  if (total_ > 0) {
    for (auto& c : cum_) c /= total_;
  }
  cum_version_ = version_;
}

double DecayingHistogram::cdf(int i) const {
  if (total_ <= 0) return 0.0;
  if (i <= 0) return 0.0;
  if (i >= bins()) return 1.0;
  refresh();
  return cum_[static_cast<std::size_t>(i)];
}

double DecayingHistogram::mean_seconds() const {
  if (total_ <= 0) return 0.0;
  double sum = 0;
  for (std::size_t i = 0; i < mass_.size(); ++i) sum += (static_cast<double>(i) + 0.5) * mass_[i];
  return sum / total_;
}

}  // namespace dialer::pacing
