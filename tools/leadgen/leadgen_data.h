// Reference data for the lead generator: real US area codes with a city, state and ZIP prefix,
// and name, street and source lists. Constant tables; safe to share between threads.
#pragma once

#include <span>
#include <string_view>

namespace dialer::leadgen {

struct AreaCode {
  int npa;
  std::string_view city;
  std::string_view state;
  std::string_view zip_prefix;  // first three digits of the ZIP codes served
};

std::span<const AreaCode> area_codes();
std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
std::span<const std::string_view> street_names();
std::span<const std::string_view> street_suffixes();
std::span<const std::string_view> lead_sources();
// Names as a Latin-1 export writes them: invalid UTF-8 on purpose.
std::span<const std::string_view> latin1_first_names();

}  // namespace dialer::leadgen
