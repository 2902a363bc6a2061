// DncLists: the do-not-call lists the dial gate checks (reference section 3, DNC-01..05):
// the internal company list (additions effective immediately, never removed here), per-campaign
// lists, and the national registry snapshot with its download date. parse_national_registry()
// reads both registry layouts ("AAANNNNNNN" and "AAA,NNNNNNN" per line) from a stream.
// Not thread-safe: owned by the engine thread.
#pragma once

#include <date/date.h>

#include <istream>
#include <optional>
#include <string>
#include <unordered_map>

#include "compliance/dnc_set.h"
#include "dialer/common/ids.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

struct NationalSnapshot {
  std::string id;                // e.g. the download's file name or SAN + date
  date::sys_days downloaded_on;  // the date the registry data was obtained
  DncSet numbers;
};

// Parses a national registry full list. Blank lines are skipped, and a first line that is not a
// number (a header). Any other malformed line fails the import with its line number, so that a
// damaged file never loads silently incomplete.
Result<std::vector<PhoneKey>> parse_national_registry(std::istream& in);

class DncLists {
 public:
  void add_internal(PhoneKey number) { internal_.add(number); }
  void add_to_campaign(CampaignId campaign, PhoneKey number) { campaign_[campaign].add(number); }
  void set_internal(DncSet set) { internal_ = std::move(set); }
  void set_campaign_list(CampaignId campaign, DncSet set) { campaign_[campaign] = std::move(set); }
  void set_national(NationalSnapshot snapshot) { national_ = std::move(snapshot); }
  // UK TPS/CTPS screening data (DNC-07) and the Canadian National DNCL (DNC-08).
  void set_uk_tps(NationalSnapshot snapshot) { uk_tps_ = std::move(snapshot); }
  void set_canada_dncl(NationalSnapshot snapshot) { canada_dncl_ = std::move(snapshot); }

  [[nodiscard]] bool internal_contains(PhoneKey n) const { return internal_.contains(n); }
  [[nodiscard]] bool campaign_contains(CampaignId c, PhoneKey n) const;
  [[nodiscard]] const std::optional<NationalSnapshot>& national() const { return national_; }
  [[nodiscard]] const DncSet& internal() const { return internal_; }
  [[nodiscard]] const std::optional<NationalSnapshot>& uk_tps() const { return uk_tps_; }
  [[nodiscard]] const std::optional<NationalSnapshot>& canada_dncl() const { return canada_dncl_; }

 private:
  DncSet internal_;
  std::unordered_map<CampaignId, DncSet> campaign_;
  std::optional<NationalSnapshot> national_;
  std::optional<NationalSnapshot> uk_tps_;
  std::optional<NationalSnapshot> canada_dncl_;
};

}  // namespace dialer::compliance
