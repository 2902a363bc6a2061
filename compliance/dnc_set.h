// DncSet: a set of E.164 numbers built for 10 million entries: a sorted vector of 64-bit keys
// (8 bytes per number, binary search) plus a small sorted delta that takes additions at once and
// is merged into the base when it grows. Not thread-safe: owned by the engine thread.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "compliance/e164.h"

namespace dialer::compliance {

class DncSet {
 public:
  DncSet() = default;
  // Takes any order, duplicates allowed.
  explicit DncSet(std::vector<PhoneKey> numbers);

  [[nodiscard]] bool contains(PhoneKey number) const;
  // Effective for the very next contains() call.
  void add(PhoneKey number);
  // Removal exists for change lists of the national registry only (internal lists never remove).
  void remove(PhoneKey number);

  [[nodiscard]] std::size_t size() const { return base_.size() + delta_.size(); }
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  void merge_delta();
  std::vector<PhoneKey> base_;
  std::vector<PhoneKey> delta_;  // sorted, not in base_
  static constexpr std::size_t kMaxDelta = 4096;
};

}  // namespace dialer::compliance
