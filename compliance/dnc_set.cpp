#include "compliance/dnc_set.h"

#include <algorithm>

namespace dialer::compliance {

DncSet::DncSet(std::vector<PhoneKey> numbers) : base_(std::move(numbers)) {
  std::sort(base_.begin(), base_.end());
  base_.erase(std::unique(base_.begin(), base_.end()), base_.end());
  base_.shrink_to_fit();
}

bool DncSet::contains(PhoneKey number) const {
  return std::binary_search(base_.begin(), base_.end(), number) ||
         std::binary_search(delta_.begin(), delta_.end(), number);
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
  }
}

void DncSet::merge_delta() {
  std::vector<PhoneKey> merged;
  merged.reserve(base_.size() + delta_.size());
  std::merge(base_.begin(), base_.end(), delta_.begin(), delta_.end(), std::back_inserter(merged));
  base_ = std::move(merged);
  delta_.clear();
}

std::size_t DncSet::memory_bytes() const {
  return (base_.capacity() + delta_.capacity()) * sizeof(PhoneKey);
}

}  // namespace dialer::compliance
