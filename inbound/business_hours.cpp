#include "inbound/business_hours.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace dialer::inbound {

LocalTime local_time(const Schedule& schedule, TimePoint now) {
  const auto seconds =
      date::sys_seconds{std::chrono::floor<std::chrono::seconds>(now).time_since_epoch()};
  const date::local_seconds local = schedule.zone != nullptr
                                        ? schedule.zone->to_local(seconds)
                                        : date::local_seconds{seconds.time_since_epoch()};
  LocalTime out;
  out.day = date::floor<date::days>(local);
  out.minute_of_day =
      static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(local - out.day).count());
  out.weekday = date::weekday{out.day}.c_encoding();
  return out;
}

HoursState hours_at(const Schedule& schedule, TimePoint now) {
  const LocalTime local = local_time(schedule, now);
  const date::year_month_day today{local.day};
  const bool holiday = std::any_of(schedule.holidays.begin(), schedule.holidays.end(),
                                   [&](const Holiday& h) { return h.day == today; });
  if (holiday) return HoursState::holiday;
  const bool open =
      std::any_of(schedule.open.begin(), schedule.open.end(), [&](const OpeningPeriod& p) {
        return (p.weekdays & (1U << local.weekday)) != 0 && local.minute_of_day >= p.start_minute &&
               local.minute_of_day < p.end_minute;
      });
  return open ? HoursState::open : HoursState::closed;
}

const char* weekday_name(unsigned weekday) {
  static constexpr std::array<const char*, 7> kNames{"sun", "mon", "tue", "wed",
                                                     "thu", "fri", "sat"};
  return weekday < kNames.size() ? kNames.at(weekday) : "?";
}

}  // namespace dialer::inbound
