// Strong identifiers for the domain's entities.
// Value types: copyable, comparable, hashable; safe to pass between threads.
// An id never converts implicitly to another id or to an integer.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace dialer {

template <typename Tag, typename Rep = std::int64_t>
class StrongId {
 public:
  using rep_type = Rep;
  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}
  [[nodiscard]] constexpr Rep value() const { return value_; }
  constexpr auto operator<=>(const StrongId&) const = default;

 private:
  Rep value_{};
};

template <typename Tag, typename Rep>
std::ostream& operator<<(std::ostream& os, const StrongId<Tag, Rep>& id) {
  return os << id.value();
}

using TenantId = StrongId<struct TenantTag>;
using CampaignId = StrongId<struct CampaignTag>;
using ListId = StrongId<struct ListTag>;
using LeadId = StrongId<struct LeadTag>;
using CallId = StrongId<struct CallTag>;
using AgentId = StrongId<struct AgentTag>;
using QueueId = StrongId<struct QueueTag>;

}  // namespace dialer

template <typename Tag, typename Rep>
struct std::hash<dialer::StrongId<Tag, Rep>> {
  std::size_t operator()(const dialer::StrongId<Tag, Rep>& id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};
