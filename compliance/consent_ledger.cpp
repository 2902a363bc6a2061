#include "compliance/consent_ledger.h"

#include <date/date.h>

namespace dialer::compliance {
namespace {

// `t` plus whole calendar months (the day clamped to the month's end), same time of day.
TimePoint add_months(TimePoint t, int months) {
  const auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  auto ym = date::year_month{ymd.year(), ymd.month()} + date::months{months};
  auto last = date::year_month_day_last{ym.year(), date::month_day_last{ym.month()}}.day();
  date::year_month_day shifted{ym.year(), ym.month(), std::min(ymd.day(), last)};
  return date::sys_days{shifted} + (t - day);
}

}  // namespace

std::string_view to_string(ConsentType t) {
  switch (t) {
    case ConsentType::pewc:
      return "PEWC";
    case ConsentType::pec:
      return "PEC";
    case ConsentType::ebr_purchase:
      return "EBR_PURCHASE";
    case ConsentType::ebr_inquiry:
      return "EBR_INQUIRY";
  }
  return "?";
}

void ConsentLedger::record_consent(ConsentEvent e) { consents_[e.number].push_back(std::move(e)); }

void ConsentLedger::record_revocation(RevocationEvent e) {
  revocations_[e.number].push_back(std::move(e));
}

bool ConsentLedger::revoked(PhoneKey number, CampaignId campaign, TimePoint now) const {
  auto it = revocations_.find(number);
  if (it == revocations_.end()) return false;
  for (const auto& r : it->second) {
    if (r.at > now) continue;
    if (r.scope == RevokeScope::seller_all || r.campaign == campaign) return true;
  }
  return false;
}

const ConsentEvent* ConsentLedger::express_consent(PhoneKey number, TimePoint now) const {
  const ConsentEvent* c = registry_exemption(number, now);
  if (c != nullptr && (c->type == ConsentType::pewc || c->type == ConsentType::pec)) return c;
  auto it = consents_.find(number);
  if (it == consents_.end()) return nullptr;
  for (const auto& e : it->second) {  // an EBR found first may hide a later express consent
    if (e.type != ConsentType::pewc && e.type != ConsentType::pec) continue;
    if (registry_exemption_of(e, number, now)) return &e;
  }
  return nullptr;
}

bool ConsentLedger::registry_exemption_of(const ConsentEvent& c, PhoneKey number,
                                          TimePoint now) const {
  if (c.captured_at > now) return false;
  if (auto r = revocations_.find(number); r != revocations_.end()) {
    for (const auto& e : r->second) {
      if (e.at <= now && e.at >= c.captured_at) return false;
    }
  }
  return true;
}

const ConsentEvent* ConsentLedger::registry_exemption(PhoneKey number, TimePoint now) const {
  auto it = consents_.find(number);
  if (it == consents_.end()) return nullptr;
  TimePoint revoked_at = TimePoint::max();
  if (auto r = revocations_.find(number); r != revocations_.end()) {
    for (const auto& e : r->second) revoked_at = std::min(revoked_at, e.at);
  }
  for (const auto& c : it->second) {
    if (c.captured_at > now) continue;
    if (revoked_at <= now && revoked_at >= c.captured_at) continue;  // ended by a revocation
    switch (c.type) {
      case ConsentType::pewc:
      case ConsentType::pec:
        return &c;
      case ConsentType::ebr_purchase:
        if (now <= add_months(c.captured_at, 18)) return &c;
        break;
      case ConsentType::ebr_inquiry:
        if (now <= add_months(c.captured_at, 3)) return &c;
        break;
    }
  }
  return nullptr;
}

}  // namespace dialer::compliance
