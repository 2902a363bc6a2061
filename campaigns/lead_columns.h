// Mapping of a lead CSV's header row to Lead fields. Column names are configurable per list and
// matched case-insensitively after trimming spaces; any other column becomes a custom field keyed
// by its header as written (trimmed). Value types; no state.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/result.h"

namespace dialer {

constexpr std::size_t kMaxAltPhones = 10;

struct LeadColumnMap {
  std::string phone = "phone";
  std::vector<std::string> alt_phones = default_alt_phone_columns();  // at most kMaxAltPhones
  std::string first_name = "first_name";
  std::string last_name = "last_name";
  std::string address = "address";
  std::string city = "city";
  std::string state = "state";
  std::string postal_code = "postal_code";
  std::string timezone = "timezone";
  std::string email = "email";

  static std::vector<std::string> default_alt_phone_columns();  // alt_phone_1 .. alt_phone_10
};

enum class LeadField {
  phone,
  alt_phone,
  first_name,
  last_name,
  address,
  city,
  state,
  postal_code,
  timezone,
  email,
  custom
};

struct LeadColumn {
  LeadField field = LeadField::custom;
  std::size_t alt_index = 0;  // for alt_phone: 0-based position among alternates
  std::string header;         // trimmed header text, the key of a custom field
};

struct LeadColumnLayout {
  std::vector<LeadColumn> columns;  // one per CSV column, in file order
  std::size_t phone_column = 0;
  std::size_t custom_count = 0;
};

// Fails (invalid_argument) when the phone column is missing or a named column appears twice.
Result<LeadColumnLayout> map_lead_columns(std::span<const std::string_view> header,
                                          const LeadColumnMap& map);

}  // namespace dialer
