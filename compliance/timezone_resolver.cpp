#include "compliance/timezone_resolver.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

#include "compliance/table_text.h"

namespace dialer::compliance {
namespace {

constexpr std::array<std::string_view, 13> kProvinces{"AB", "BC", "MB", "NB", "NL", "NS", "NT",
                                                      "NU", "ON", "PE", "QC", "SK", "YT"};

int digit_count(PhoneKey key) {
  int n = 0;
  for (; key > 0; key /= 10) ++n;
  return n;
}

PhoneKey pow10(int n) {
  PhoneKey p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

Result<ZoneList> parse_zone_list(std::string_view text) {
  ZoneList zones;
  for (auto name : split(text, '&')) {
    const auto* zone = TimezoneTables::find_zone(name);
    if (zone == nullptr) return Error{ErrorCode::parse_error, "unknown zone " + std::string(name)};
    if (std::find(zones.begin(), zones.end(), zone) == zones.end()) zones.push_back(zone);
  }
  if (zones.empty()) return Error{ErrorCode::parse_error, "no zone"};
  return zones;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const date::time_zone* TimezoneTables::find_zone(std::string_view name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

bool TimezoneTables::is_canadian_province(std::string_view code) {
  return std::find(kProvinces.begin(), kProvinces.end(), code) != kProvinces.end();
}

std::string_view TimezoneTables::intern(std::string_view code) {
  return *codes_.emplace(code).first;
}

Status TimezoneTables::load_prefix_zones(std::istream& in, std::string_view source_name) {
  return for_each_row(in, source_name, 2, [&](const std::vector<std::string_view>& f) -> Status {
    if (!all_digits(f[0]) || f[0].size() > 15) return Error{ErrorCode::parse_error, "bad prefix"};
    auto zones = parse_zone_list(f[1]);
    if (!zones) return zones.error();
    PhoneKey prefix = 0;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), prefix);
    zone_sets_.push_back(std::move(*zones));
    const auto len = static_cast<int>(f[0].size());
    prefix_index_[len][prefix] = static_cast<std::uint32_t>(zone_sets_.size() - 1);
    max_prefix_len_ = std::max(max_prefix_len_, len);
    return ok_status();
  });
}

Status TimezoneTables::load_region_zones(std::istream& in, std::string_view source_name) {
  return for_each_row(in, source_name, 2, [&](const std::vector<std::string_view>& f) -> Status {
    auto zones = parse_zone_list(f[1]);
    if (!zones) return zones.error();
    zone_sets_.push_back(std::move(*zones));
    region_index_[intern(f[0])] = static_cast<std::uint32_t>(zone_sets_.size() - 1);
    return ok_status();
  });
}

Status TimezoneTables::load_zip3_regions(std::istream& in, std::string_view source_name) {
  return for_each_row(in, source_name, 3, [&](const std::vector<std::string_view>& f) -> Status {
    int first = -1;
    int last = -1;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), first);
    std::from_chars(f[1].data(), f[1].data() + f[1].size(), last);
    if (first < 0 || last < first || last > 999) return Error{ErrorCode::parse_error, "bad range"};
    const auto code = intern(f[2]);
    for (int z = first; z <= last; ++z) zip3_region_[static_cast<std::size_t>(z)] = code;
    return ok_status();
  });
}

Status TimezoneTables::load_npa_regions(std::istream& in, std::string_view source_name) {
  return for_each_row(in, source_name, 2, [&](const std::vector<std::string_view>& f) -> Status {
    int npa = -1;
    std::from_chars(f[0].data(), f[0].data() + f[0].size(), npa);
    if (npa < 200 || npa > 999) return Error{ErrorCode::parse_error, "bad area code"};
    npa_region_[npa] = intern(f[1]);
    return ok_status();
  });
}

const ZoneList* TimezoneTables::region_zones(std::string_view code) const {
  auto it = region_index_.find(code);
  return it == region_index_.end() ? nullptr : &zone_sets_[it->second];
}

std::string_view TimezoneTables::region_of_postal(std::string_view postal) const {
  if (postal.size() < 5 || !all_digits(postal.substr(0, 5))) return {};
  const int zip3 = (postal[0] - '0') * 100 + (postal[1] - '0') * 10 + (postal[2] - '0');
  return zip3_region_[static_cast<std::size_t>(zip3)];
}

void TimezoneTables::add_jurisdictions(PhoneKey number, std::string_view address_region,
                                       TzResolution& out) const {
  std::array<std::string_view, 2> regions{address_region, {}};
  if (is_nanp(number)) {
    auto it = npa_region_.find(nanp_npa(number));
    if (it != npa_region_.end()) regions[1] = it->second;
  }
  auto add = [&](std::string_view j) {
    if (std::find(out.jurisdictions.begin(), out.jurisdictions.end(), j) ==
        out.jurisdictions.end()) {
      out.jurisdictions.push_back(j);
    }
  };
  for (auto r : regions) {
    if (!r.empty()) add(is_canadian_province(r) ? "CANADA" : "US");
  }
  if (out.jurisdictions.empty() && is_nanp(number)) add("US");  // NANP, unknown region: federal
  for (auto r : regions) {
    if (!r.empty()) add(r);
  }
}

TzResolution TimezoneTables::resolve(PhoneKey number, std::string_view explicit_zone,
                                     std::string_view postal_code, std::string_view state,
                                     std::string_view fallback_zone) const {
  TzResolution out;
  out.jurisdictions.reserve(4);  // country, then up to two regions: one allocation
  std::string_view address_region = region_of_postal(postal_code);
  const bool from_postal = !address_region.empty();
  if (!from_postal && region_zones(state) != nullptr) address_region = *codes_.find(state);
  add_jurisdictions(number, address_region, out);

  if (const auto* zone = find_zone(explicit_zone)) {
    out.zones = {zone};
    out.source = TzSource::explicit_zone;
    return out;
  }
  if (const auto* zones = region_zones(address_region)) {
    out.zones = *zones;
    out.source = from_postal ? TzSource::postal : TzSource::state;
    return out;
  }
  const int digits = digit_count(number);
  for (int len = std::min(max_prefix_len_, digits); len >= 1; --len) {
    auto it = prefix_index_[len].find(number / pow10(digits - len));
    if (it == prefix_index_[len].end()) continue;
    out.zones = zone_sets_[it->second];
    const bool nanp = is_nanp(number);
    out.source = nanp && len >= 7 ? TzSource::npa_nxx : nanp ? TzSource::npa : TzSource::country;
    return out;
  }
  if (const auto* zone = find_zone(fallback_zone)) {
    out.zones = {zone};
    out.source = TzSource::campaign_default;
  }
  return out;
}

}  // namespace dialer::compliance
