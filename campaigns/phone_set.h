// PhoneSet: the set of E.164 numbers seen during an import, for duplicate detection.
// Numbers are stored as their digits in a uint64 (e164_key) in an open-addressing table with
// linear probing, 8 bytes a slot at most half full: about 16-32 MB for a million numbers, where a
// std::unordered_set<std::string> would take several times that. Not thread-safe. Key 0 is
// reserved (never a valid E.164 number).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dialer {

class PhoneSet {
 public:
  explicit PhoneSet(std::size_t expected = 1024);

  // Adds `key`; false when it was already present. `key` must not be 0.
  bool insert(std::uint64_t key);
  [[nodiscard]] bool contains(std::uint64_t key) const;
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t memory_bytes() const { return slots_.size() * sizeof(std::uint64_t); }

 private:
  [[nodiscard]] std::size_t slot_of(std::uint64_t key) const;
  void grow();

  std::vector<std::uint64_t> slots_;  // power-of-two size; 0 marks an empty slot
  std::size_t size_ = 0;
};

}  // namespace dialer
