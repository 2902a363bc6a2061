// Time-zone and jurisdiction resolution for a called party (reference 2.2-2.4, WIN-03).
// Signals, most trusted first: the lead's explicit zone, postal code, state, NPA-NXX, NPA,
// country; the campaign's fallback zone only when the operator set one. Several candidate zones
// mean "allowed only if allowed in every one". Tables are loaded once (from std::istream, the
// caller opens files) and then read-only: resolve() is const and safe from many threads.
#pragma once

#include <date/tz.h>

#include <cstdint>
#include <istream>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "compliance/decision.h"
#include "compliance/e164.h"
#include "dialer/common/result.h"

namespace dialer::compliance {

using ZoneList = std::vector<const date::time_zone*>;

struct TzResolution {
  ZoneList zones;  // empty: unknown
  TzSource source = TzSource::campaign_default;
  std::vector<std::string_view> jurisdictions;  // "US" or "CANADA" first, then states / provinces
};

class TimezoneTables {
 public:
  // "prefix|Zone&Zone" lines (E.164 digit prefixes; later loads replace equal prefixes).
  Status load_prefix_zones(std::istream& in, std::string_view source_name);
  // "XX|Zone&Zone": state or province code -> zones.
  Status load_region_zones(std::istream& in, std::string_view source_name);
  // "first|last|XX": ZIP3 ranges -> state.
  Status load_zip3_regions(std::istream& in, std::string_view source_name);
  // "npa|XX": NANP area code -> state or province.
  Status load_npa_regions(std::istream& in, std::string_view source_name);

  // `fallback_zone`: the campaign's explicit fallback (empty: none, unknown stays unknown).
  [[nodiscard]] TzResolution resolve(PhoneKey number, std::string_view explicit_zone,
                                     std::string_view postal_code, std::string_view state,
                                     std::string_view fallback_zone) const;

  // The zone named `name` in the tz database, or nullptr.
  static const date::time_zone* find_zone(std::string_view name);
  // Canadian province codes (the rest of the region codes are US states and territories).
  static bool is_canadian_province(std::string_view code);

 private:
  std::string_view intern(std::string_view code);
  const ZoneList* region_zones(std::string_view code) const;
  std::string_view region_of_postal(std::string_view postal) const;
  void add_jurisdictions(PhoneKey number, std::string_view address_region, TzResolution& out) const;

  std::set<std::string, std::less<>> codes_;  // interned region codes, stable addresses
  std::vector<ZoneList> zone_sets_;
  std::unordered_map<PhoneKey, std::uint32_t> prefix_index_[16];  // by prefix length
  std::unordered_map<std::string_view, std::uint32_t> region_index_;
  std::vector<std::string_view> zip3_region_ = std::vector<std::string_view>(1000);
  std::unordered_map<int, std::string_view> npa_region_;
  int max_prefix_len_ = 0;
};

}  // namespace dialer::compliance
