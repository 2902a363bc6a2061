#include "compliance/attempt_history.h"

#include <algorithm>

namespace dialer::compliance {
namespace {
constexpr Duration kKept = std::chrono::hours{31 * 24};
constexpr Duration kDebtKept = std::chrono::hours{7 * 24};
}

std::uint32_t AttemptHistory::intern(std::string_view subject) {
  if (auto it = subjects_.find(subject); it != subjects_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(subjects_.size() + 1);
  subjects_.emplace(std::string(subject), id);
  return id;
}

AttemptHistory::PerNumber& AttemptHistory::entry(PhoneKey number) {
  if (auto at = index_.find(number)) return numbers_[*at];
  index_.insert(number, static_cast<std::uint32_t>(numbers_.size()));
  return numbers_.emplace_back();
}

const AttemptHistory::PerNumber* AttemptHistory::find(PhoneKey number) const {
  auto at = index_.find(number);
  return at ? &numbers_[*at] : nullptr;
}

void AttemptHistory::record_attempt(PhoneKey number, CampaignId campaign, std::string_view subject,
                                    TimePoint at, bool prerecorded) {
  auto& n = entry(number);
  const auto oldest = at - kKept;
  std::erase_if(n.attempts, [&](const AttemptMark& m) { return m.at <= oldest; });
  AttemptMark mark{at, campaign, intern(subject), prerecorded};
  n.attempts.insert(std::upper_bound(n.attempts.begin(), n.attempts.end(), mark,
                                     [](const auto& a, const auto& b) { return a.at < b.at; }),
                    mark);
}

void AttemptHistory::record_abandoned(PhoneKey number, TimePoint at) {
  auto& last = entry(number).last_abandoned;
  if (!last || *last < at) last = at;
}

void AttemptHistory::record_amd_machine(PhoneKey number, std::int32_t london_day) {
  auto& day = entry(number).amd_machine_day;
  if (!day || *day < london_day) day = london_day;
}

std::vector<TimePoint> AttemptHistory::attempts_within(
    PhoneKey number, TimePoint now, Duration window, std::optional<CampaignId> campaign,
    std::optional<std::string_view> subject) const {
  std::vector<TimePoint> out;
  const auto* n = find(number);
  if (n == nullptr) return out;
  std::optional<std::uint32_t> subject_id;
  if (subject) {
    auto s = subjects_.find(*subject);
    if (s == subjects_.end()) return out;
    subject_id = s->second;
  }
  for (const auto& m : n->attempts) {
    if (m.at <= now - window || m.at > now) continue;
    if (campaign && m.campaign != *campaign) continue;
    if (subject_id && m.subject != *subject_id) continue;
    out.push_back(m.at);
  }
  return out;
}

std::optional<TimePoint> AttemptHistory::last_abandoned(PhoneKey number) const {
  const auto* n = find(number);
  return n == nullptr ? std::nullopt : n->last_abandoned;
}

std::optional<std::int32_t> AttemptHistory::last_amd_machine_day(PhoneKey number) const {
  const auto* n = find(number);
  return n == nullptr ? std::nullopt : n->amd_machine_day;
}

void AttemptHistory::record_debt_attempt(std::string_view debt, TimePoint at) {
  auto it = debts_.find(debt);
  if (it == debts_.end()) it = debts_.emplace(std::string(debt), PerDebt{}).first;
  auto& attempts = it->second.attempts;
  std::erase_if(attempts, [&](TimePoint t) { return t <= at - kDebtKept; });
  attempts.insert(std::upper_bound(attempts.begin(), attempts.end(), at), at);
}

void AttemptHistory::record_debt_conversation(std::string_view debt, TimePoint at) {
  auto it = debts_.find(debt);
  if (it == debts_.end()) it = debts_.emplace(std::string(debt), PerDebt{}).first;
  auto& last = it->second.last_conversation;
  if (!last || *last < at) last = at;
}

std::vector<TimePoint> AttemptHistory::debt_attempts_within(std::string_view debt, TimePoint now,
                                                            Duration window) const {
  std::vector<TimePoint> out;
  auto it = debts_.find(debt);
  if (it == debts_.end()) return out;
  for (auto t : it->second.attempts) {
    if (t > now - window && t <= now) out.push_back(t);
  }
  return out;
}

std::optional<TimePoint> AttemptHistory::last_debt_conversation(std::string_view debt) const {
  auto it = debts_.find(debt);
  return it == debts_.end() ? std::nullopt : it->second.last_conversation;
}

std::vector<TimePoint> AttemptHistory::prerecorded_within(PhoneKey number, TimePoint now,
                                                          Duration window) const {
  std::vector<TimePoint> out;
  const auto* n = find(number);
  if (n == nullptr) return out;
  for (const auto& m : n->attempts) {
    if (m.prerecorded && m.at > now - window && m.at <= now) out.push_back(m.at);
  }
  return out;
}

}  // namespace dialer::compliance
