// DncSet: a set of E.164 numbers built for 10 million entries and more. An open-addressing hash
// table (compliance/phone_table.h) at a load factor of 0.6: about 13 bytes per number, and a
// lookup touches one cache line in the common case. Additions are visible to the very next
// contains(). Not thread-safe: owned by the engine thread.
#pragma once

#include <cstddef>
#include <vector>

#include "compliance/e164.h"
#include "compliance/phone_table.h"

namespace dialer::compliance {

class DncSet {
 public:
  DncSet() = default;
  // Takes any order, duplicates allowed.
  explicit DncSet(const std::vector<PhoneKey>& numbers);

  [[nodiscard]] bool contains(PhoneKey number) const { return table_.contains(number); }
  // Effective for the very next contains() call.
  void add(PhoneKey number) { table_.insert(number); }
  // Removal exists for change lists of the national registry only (internal lists never remove).
  void remove(PhoneKey number) { table_.erase(number); }

  [[nodiscard]] std::size_t size() const { return table_.size(); }
  [[nodiscard]] std::size_t memory_bytes() const { return table_.memory_bytes(); }

 private:
  PhoneTable table_;
};

}  // namespace dialer::compliance
