#include "compliance/dnc_set.h"

namespace dialer::compliance {

DncSet::DncSet(const std::vector<PhoneKey>& numbers) {
  table_.reserve(numbers.size());
  for (const auto n : numbers) table_.insert(n);
  table_.shrink_to_fit();
}

}  // namespace dialer::compliance
