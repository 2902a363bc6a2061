// DncSet: a set of E.164 numbers built for 10 million entries: a sorted vector of 64-bit keys
// (8 bytes per number) with an interpolation index (one 32-bit offset per 8 numbers) that narrows
// each lookup to a few neighbours, plus a small sorted delta that takes additions at once and is
// merged into the base when it grows. Not thread-safe: owned by the engine thread.
#pragma once

#include <cstddef>
#include <cstdint>
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
  void build_index();
  [[nodiscard]] std::size_t bucket_of(PhoneKey key) const;
  std::vector<PhoneKey> base_;
  std::vector<std::uint32_t> index_;  // index_[b]: first position of bucket b in base_
  PhoneKey min_ = 0;
  double scale_ = 0;
  std::vector<PhoneKey> delta_;  // sorted, not in base_
  static constexpr std::size_t kMaxDelta = 4096;
};

}  // namespace dialer::compliance
