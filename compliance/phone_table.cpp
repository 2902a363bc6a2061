#include "compliance/phone_table.h"

#include <sys/mman.h>

#include <algorithm>

namespace dialer::compliance {
namespace {

// Numbers of one list share long prefixes; the finaliser spreads them over all 64 bits.
std::uint64_t mix(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

// Slots for `keys` at a load factor of 0.6.
std::size_t slots_for(std::size_t keys) { return std::max<std::size_t>(16, keys * 5 / 3 + 1); }

}  // namespace

void advise_huge_pages(void* p, std::size_t bytes) {
  // A hint only: without transparent huge pages the table works the same, a little slower.
  (void)madvise(p, bytes, MADV_HUGEPAGE);
}

std::size_t PhoneTable::home(PhoneKey key) const {
  // Maps the hash onto [0, slots) with a multiply instead of a division.
  __extension__ using Wide = unsigned __int128;
  return static_cast<std::size_t>((static_cast<Wide>(mix(key)) * keys_.size()) >> 64);
}

std::optional<std::size_t> PhoneTable::slot_of(PhoneKey key) const {
  if (keys_.empty() || key == 0) return std::nullopt;
  for (std::size_t s = home(key);; s = next(s)) {
    if (keys_[s] == key) return s;
    if (keys_[s] == 0) return std::nullopt;
  }
}

std::optional<std::uint32_t> PhoneTable::find(PhoneKey key) const {
  const auto s = slot_of(key);
  if (!s) return std::nullopt;
  return with_values_ ? values_[*s] : 0;
}

void PhoneTable::reserve(std::size_t keys) {
  if (slots_for(keys) > keys_.size()) rehash(slots_for(keys));
}

void PhoneTable::shrink_to_fit() {
  if (slots_for(size_) < keys_.size()) rehash(slots_for(size_));
}

void PhoneTable::rehash(std::size_t slots) {
  decltype(keys_) old_keys(slots, 0);
  decltype(values_) old_values(with_values_ ? slots : 0, 0);
  old_keys.swap(keys_);
  old_values.swap(values_);
  size_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] != 0) insert(old_keys[i], with_values_ ? old_values[i] : 0);
  }
}

bool PhoneTable::insert(PhoneKey key, std::uint32_t value) {
  if (key == 0) return false;
  if (keys_.empty() || (size_ + 1) * 10 > keys_.size() * 6) rehash(slots_for(size_ * 2 + 1));
  std::size_t s = home(key);
  for (; keys_[s] != 0; s = next(s)) {
    if (keys_[s] == key) return false;
  }
  keys_[s] = key;
  if (with_values_) values_[s] = value;
  ++size_;
  return true;
}

void PhoneTable::erase(PhoneKey key) {
  auto found = slot_of(key);
  if (!found) return;
  std::size_t hole = *found;
  // Moves back every later key of the run whose home does not lie in (hole, s].
  for (std::size_t s = next(hole); keys_[s] != 0; s = next(s)) {
    const std::size_t h = home(keys_[s]);
    const bool home_in_between = hole < s ? (h > hole && h <= s) : (h > hole || h <= s);
    if (home_in_between) continue;
    keys_[hole] = keys_[s];
    if (with_values_) values_[hole] = values_[s];
    hole = s;
  }
  keys_[hole] = 0;
  --size_;
}

std::size_t PhoneTable::memory_bytes() const {
  return keys_.capacity() * sizeof(PhoneKey) + values_.capacity() * sizeof(std::uint32_t);
}

}  // namespace dialer::compliance
