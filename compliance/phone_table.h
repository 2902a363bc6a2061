// PhoneTable: an open-addressing hash table keyed by phone number (linear probing, one 64-bit
// key per slot, key 0 marks an empty slot: no E.164 number maps to 0). A lookup touches one cache
// line in the common case, which is what keeps the dial gate fast with 10 million DNC numbers.
// Each key can carry a 32-bit value (an index into the caller's own storage). The load factor is
// kept between 0.3 and 0.6, i.e. 13 to 27 bytes per key with values, 13 to 20 without.
// Not thread-safe: owned by the engine thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <optional>
#include <vector>

#include "compliance/e164.h"

namespace dialer::compliance {

// Large tables ask the kernel for transparent huge pages: with 4 KB pages nearly every lookup
// in a 130 MB table also misses the TLB, which costs as much as the cache miss itself.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) {}
  T* allocate(std::size_t n);
  void deallocate(T* p, std::size_t /*n*/) { std::free(p); }
  bool operator==(const HugePageAllocator& /*other*/) const { return true; }
};

class PhoneTable {
 public:
  // `with_values`: store a 32-bit value per key (find() returns it); else membership only.
  explicit PhoneTable(bool with_values = false) : with_values_(with_values) {}

  void reserve(std::size_t keys);
  // Back to a load factor of 0.6 after inserting duplicates into a reserved table.
  void shrink_to_fit();
  // Inserts `key` -> `value` unless present. True when it was inserted.
  bool insert(PhoneKey key, std::uint32_t value = 0);
  // Removes `key` if present (backward-shift deletion: no tombstones slow later lookups).
  void erase(PhoneKey key);

  [[nodiscard]] bool contains(PhoneKey key) const { return slot_of(key).has_value(); }
  [[nodiscard]] std::optional<std::uint32_t> find(PhoneKey key) const;
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  [[nodiscard]] std::size_t home(PhoneKey key) const;
  [[nodiscard]] std::size_t next(std::size_t slot) const {
    return slot + 1 == keys_.size() ? 0 : slot + 1;
  }
  [[nodiscard]] std::optional<std::size_t> slot_of(PhoneKey key) const;
  void rehash(std::size_t slots);

  bool with_values_;
  std::vector<PhoneKey, HugePageAllocator<PhoneKey>> keys_;
  std::vector<std::uint32_t, HugePageAllocator<std::uint32_t>> values_;  // parallel to keys_
  std::size_t size_ = 0;
};

void advise_huge_pages(void* p, std::size_t bytes);

template <typename T>
T* HugePageAllocator<T>::allocate(std::size_t n) {
  constexpr std::size_t kHuge = std::size_t{2} << 20;
  const std::size_t bytes = n * sizeof(T);
  const std::size_t align = bytes >= kHuge ? kHuge : alignof(std::max_align_t);
  void* p = std::aligned_alloc(align, (bytes + align - 1) / align * align);
  if (p == nullptr) throw std::bad_alloc();
  if (bytes >= kHuge) advise_huge_pages(p, bytes);
  return static_cast<T*>(p);
}

}  // namespace dialer::compliance
