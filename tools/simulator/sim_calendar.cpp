#include "tools/simulator/sim_calendar.h"

#include <date/tz.h>

#include <cstdio>

namespace dialer::sim {
namespace {

const date::time_zone* zone_of(const void* z) { return static_cast<const date::time_zone*>(z); }

date::local_days first_day(const ComplianceSetup& c) {
  return date::local_days{date::year{c.start_year} / c.start_month / c.start_day};
}

}  // namespace

Result<SimCalendar> SimCalendar::make(const Scenario& s) {
  try {
    return SimCalendar(date::locate_zone(s.compliance.timezone), s);
  } catch (const std::exception&) {
    return Error{ErrorCode::invalid_argument,
                 "compliance.timezone: unknown time zone '" + s.compliance.timezone + "'"};
  }
}

TimePoint SimCalendar::day_start(int day) const {
  const auto local =
      first_day(s_->compliance) + date::days{day} + std::chrono::hours{s_->day_start_hour};
  const auto sys = zone_of(zone_)->to_sys(local, date::choose::latest);
  return TimePoint{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
}

Duration SimCalendar::utc_offset(int day) const {
  const TimePoint start = day_start(day);
  const auto info = zone_of(zone_)->get_info(date::sys_time<Duration>{start.time_since_epoch()});
  return std::chrono::duration_cast<Duration>(info.offset);
}

std::string lead_number(const ComplianceSetup& c, std::int64_t index) {
  const auto codes = static_cast<std::int64_t>(c.lead_area_codes.size());
  const int area = c.lead_area_codes[static_cast<std::size_t>(index % codes)];
  const std::int64_t local = index / codes;  // 0 .. 7 999 999: exchanges 200-999, any line
  char text[16];
  std::snprintf(text, sizeof text, "+1%03d%03d%04d", area, static_cast<int>(200 + local / 10'000),
                static_cast<int>(local % 10'000));
  return text;
}

}  // namespace dialer::sim
