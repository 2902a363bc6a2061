#include "campaigns/lead_columns.h"

#include <optional>
#include <utility>

namespace dialer {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

bool same_name(std::string_view a, std::string_view b) {
  a = trim(a);
  b = trim(b);
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<LeadColumn> named_column(std::string_view header, const LeadColumnMap& map) {
  const std::pair<const std::string*, LeadField> named[] = {
      {&map.phone, LeadField::phone},
      {&map.first_name, LeadField::first_name},
      {&map.last_name, LeadField::last_name},
      {&map.address, LeadField::address},
      {&map.city, LeadField::city},
      {&map.state, LeadField::state},
      {&map.postal_code, LeadField::postal_code},
      {&map.timezone, LeadField::timezone},
      {&map.email, LeadField::email},
  };
  for (const auto& [name, field] : named) {
    if (!name->empty() && same_name(header, *name))
      return LeadColumn{field, 0, std::string(trim(header))};
  }
  for (std::size_t i = 0; i < map.alt_phones.size() && i < kMaxAltPhones; ++i) {
    if (same_name(header, map.alt_phones[i])) {
      return LeadColumn{LeadField::alt_phone, i, std::string(trim(header))};
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> LeadColumnMap::default_alt_phone_columns() {
  std::vector<std::string> names;
  for (std::size_t i = 1; i <= kMaxAltPhones; ++i)
    names.push_back("alt_phone_" + std::to_string(i));
  return names;
}

Result<LeadColumnLayout> map_lead_columns(std::span<const std::string_view> header,
                                          const LeadColumnMap& map) {
  LeadColumnLayout layout;
  bool has_phone = false;
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto column = named_column(header[i], map);
    if (!column) {
      layout.columns.push_back(LeadColumn{LeadField::custom, 0, std::string(trim(header[i]))});
      ++layout.custom_count;
      continue;
    }
    for (const auto& earlier : layout.columns) {
      if (earlier.field == column->field && earlier.alt_index == column->alt_index &&
          earlier.field != LeadField::custom) {
        return Error{ErrorCode::invalid_argument,
                     "column '" + column->header + "' appears more than once"};
      }
    }
    if (column->field == LeadField::phone) {
      has_phone = true;
      layout.phone_column = i;
    }
    layout.columns.push_back(std::move(*column));
  }
  if (!has_phone) {
    return Error{ErrorCode::invalid_argument,
                 "no phone column (expected a column named '" + map.phone + "')"};
  }
  return layout;
}

}  // namespace dialer
