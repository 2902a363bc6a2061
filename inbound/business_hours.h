// Business hours of a DID or an IVR flow: weekly opening periods in one IANA time zone, minus
// holidays (whole local days). A Schedule is immutable once loaded; hours_at() is a pure function
// of the schedule and the instant it is given (no clock read). The zone is resolved by the loader,
// which also makes date-tz read the zone's rules once, so no file is opened here afterwards.
// Thread-safe: const functions over immutable data.
#pragma once

#include <date/tz.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::inbound {

// One opening period repeated every week: on each day of `weekdays`, from start to end (local).
struct OpeningPeriod {
  std::uint8_t weekdays = 0;  // bit d set: open on weekday d (0 = Sunday .. 6 = Saturday)
  int start_minute = 0;       // minutes after local midnight, [0, 1440)
  int end_minute = 0;         // (start_minute, 1440]; periods never span midnight
};

// A day the office is closed all day, whatever its weekly periods say.
struct Holiday {
  date::year_month_day day;
  std::string name;  // may be empty
};

struct Schedule {
  std::string name;
  std::string timezone;                   // IANA name, e.g. "America/New_York"
  const date::time_zone* zone = nullptr;  // resolved from `timezone` by the loader
  std::vector<OpeningPeriod> open;
  std::vector<Holiday> holidays;
};

enum class HoursState : std::uint8_t {
  open,
  closed,   // outside every opening period of the local day
  holiday,  // the local date is one of the holidays
};

struct LocalTime {
  date::local_days day;
  int minute_of_day = 0;
  unsigned weekday = 0;  // 0 = Sunday
};

// `now` in the schedule's zone (UTC when the zone was not resolved).
LocalTime local_time(const Schedule& schedule, TimePoint now);
// Whether the office of `schedule` is open at `now`, and if not, why.
HoursState hours_at(const Schedule& schedule, TimePoint now);

// "mon".."sun" names used in files and messages; index = weekday (0 = Sunday).
const char* weekday_name(unsigned weekday);

}  // namespace dialer::inbound
