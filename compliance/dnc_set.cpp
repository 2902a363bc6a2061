#include "compliance/dnc_set.h"

#include <algorithm>

namespace dialer::compliance {

DncSet::DncSet(std::vector<PhoneKey> numbers) : base_(std::move(numbers)) {
  std::sort(base_.begin(), base_.end());
  base_.erase(std::unique(base_.begin(), base_.end()), base_.end());
  base_.shrink_to_fit();
  build_index();
}

std::size_t DncSet::bucket_of(PhoneKey key) const {
  // Monotone in key: equal keys always land in the same bucket.
  const double b = static_cast<double>(key - min_) * scale_;
  return std::min(static_cast<std::size_t>(b), index_.size() - 2);
}

void DncSet::build_index() {
  index_.clear();
  if (base_.empty()) return;
  const std::size_t buckets = std::max<std::size_t>(1, base_.size() / 8);
  min_ = base_.front();
  scale_ = static_cast<double>(buckets) / (static_cast<double>(base_.back() - min_) + 1.0);
  index_.assign(buckets + 1, 0);
  std::size_t pos = 0;
  for (std::size_t b = 0; b < buckets; ++b) {
    while (pos < base_.size() && bucket_of(base_[pos]) < b) ++pos;
    index_[b] = static_cast<std::uint32_t>(pos);
  }
  index_[buckets] = static_cast<std::uint32_t>(base_.size());
  index_.shrink_to_fit();
}

bool DncSet::contains(PhoneKey number) const {
  if (!base_.empty() && number >= min_ && number <= base_.back()) {
    const auto b = bucket_of(number);
    const auto first = base_.begin() + index_[b];
    const auto last = base_.begin() + index_[b + 1];
    if (std::binary_search(first, last, number)) return true;
  }
  return !delta_.empty() && std::binary_search(delta_.begin(), delta_.end(), number);
}

void DncSet::add(PhoneKey number) {
  if (contains(number)) return;
  delta_.insert(std::upper_bound(delta_.begin(), delta_.end(), number), number);
  if (delta_.size() >= kMaxDelta) merge_delta();
}

void DncSet::remove(PhoneKey number) {
  if (auto it = std::lower_bound(delta_.begin(), delta_.end(), number);
      it != delta_.end() && *it == number) {
    delta_.erase(it);
  }
  if (auto it = std::lower_bound(base_.begin(), base_.end(), number);
      it != base_.end() && *it == number) {
    base_.erase(it);
    build_index();
  }
}

void DncSet::merge_delta() {
  std::vector<PhoneKey> merged;
  merged.reserve(base_.size() + delta_.size());
  std::merge(base_.begin(), base_.end(), delta_.begin(), delta_.end(), std::back_inserter(merged));
  base_ = std::move(merged);
  delta_.clear();
  build_index();
}

std::size_t DncSet::memory_bytes() const {
  return (base_.capacity() + delta_.capacity()) * sizeof(PhoneKey) +
         index_.capacity() * sizeof(std::uint32_t);
}

}  // namespace dialer::compliance
