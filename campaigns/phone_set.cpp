#include "campaigns/phone_set.h"

#include <cassert>

namespace dialer {
namespace {

// splitmix64's finalizer: consecutive numbers (a block of lines) must not share probe runs.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::size_t capacity_for(std::size_t expected) {
  std::size_t capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  return capacity;
}

}  // namespace

PhoneSet::PhoneSet(std::size_t expected) : slots_(capacity_for(expected), 0) {}

std::size_t PhoneSet::slot_of(std::uint64_t key) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(mix(key)) & mask;
  while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & mask;
  return i;
}

bool PhoneSet::insert(std::uint64_t key) {
  assert(key != 0);
  if ((size_ + 1) * 2 > slots_.size()) grow();
  auto& slot = slots_[slot_of(key)];
  if (slot == key) return false;
  slot = key;
  ++size_;
  return true;
}

bool PhoneSet::contains(std::uint64_t key) const { return key != 0 && slots_[slot_of(key)] == key; }

void PhoneSet::grow() {
  std::vector<std::uint64_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  for (std::uint64_t key : old) {
    if (key != 0) slots_[slot_of(key)] = key;
  }
}

}  // namespace dialer
