#include "compliance/attempt_history.h"

#include <algorithm>

namespace dialer::compliance {
namespace {
constexpr Duration kKept = std::chrono::hours{72};
}

std::uint32_t AttemptHistory::intern(std::string_view subject) {
  if (auto it = subjects_.find(subject); it != subjects_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(subjects_.size() + 1);
  subjects_.emplace(std::string(subject), id);
  return id;
}

void AttemptHistory::record_attempt(PhoneKey number, CampaignId campaign, std::string_view subject,
                                    TimePoint at) {
  auto& n = numbers_[number];
  const auto oldest = at - kKept;
  std::erase_if(n.attempts, [&](const AttemptMark& m) { return m.at <= oldest; });
  AttemptMark mark{at, campaign, intern(subject)};
  n.attempts.insert(std::upper_bound(n.attempts.begin(), n.attempts.end(), mark,
                                     [](const auto& a, const auto& b) { return a.at < b.at; }),
                    mark);
}

void AttemptHistory::record_abandoned(PhoneKey number, TimePoint at) {
  auto& last = numbers_[number].last_abandoned;
  if (!last || *last < at) last = at;
}

void AttemptHistory::record_amd_machine(PhoneKey number, std::int32_t london_day) {
  auto& day = numbers_[number].amd_machine_day;
  if (!day || *day < london_day) day = london_day;
}

std::vector<TimePoint> AttemptHistory::attempts_within(
    PhoneKey number, TimePoint now, Duration window, std::optional<CampaignId> campaign,
    std::optional<std::string_view> subject) const {
  std::vector<TimePoint> out;
  auto it = numbers_.find(number);
  if (it == numbers_.end()) return out;
  std::optional<std::uint32_t> subject_id;
  if (subject) {
    auto s = subjects_.find(*subject);
    if (s == subjects_.end()) return out;
    subject_id = s->second;
  }
  for (const auto& m : it->second.attempts) {
    if (m.at <= now - window || m.at > now) continue;
    if (campaign && m.campaign != *campaign) continue;
    if (subject_id && m.subject != *subject_id) continue;
    out.push_back(m.at);
  }
  return out;
}

std::optional<TimePoint> AttemptHistory::last_abandoned(PhoneKey number) const {
  auto it = numbers_.find(number);
  return it == numbers_.end() ? std::nullopt : it->second.last_abandoned;
}

std::optional<std::int32_t> AttemptHistory::last_amd_machine_day(PhoneKey number) const {
  auto it = numbers_.find(number);
  return it == numbers_.end() ? std::nullopt : it->second.amd_machine_day;
}

}  // namespace dialer::compliance
