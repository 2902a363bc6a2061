// Business hours in the schedule's own zone: weekly periods, daylight saving time, holidays,
// period ends, days that wrap past Saturday.
#include "inbound/business_hours.h"

#include <gtest/gtest.h>

#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound {
namespace {

using testing::office_schedule;
using testing::utc;

TEST(BusinessHoursTest, OpenOnAWeekdayInsideThePeriod) {
  EXPECT_EQ(hours_at(office_schedule(), testing::kOpen), HoursState::open);
}

TEST(BusinessHoursTest, ClosedInTheEveningAndAtTheWeekend) {
  EXPECT_EQ(hours_at(office_schedule(), testing::kEvening), HoursState::closed);
  EXPECT_EQ(hours_at(office_schedule(), testing::kSaturday), HoursState::closed);
}

TEST(BusinessHoursTest, HolidayIsReportedAsSuch) {
  EXPECT_EQ(hours_at(office_schedule(), testing::kChristmas), HoursState::holiday);
  // The day after, a Saturday, is merely closed; the Monday after is open again.
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 12, 26, 15)), HoursState::closed);
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 12, 28, 15)), HoursState::open);
}

TEST(BusinessHoursTest, HolidayIsALocalDate) {
  // 2026-12-25 02:00 UTC is still Christmas Eve 21:00 in New York: closed, not a holiday.
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 12, 25, 2)), HoursState::closed);
  // 2026-12-26 04:30 UTC is still Christmas Day 23:30 in New York.
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 12, 26, 4, 30)), HoursState::holiday);
}

TEST(BusinessHoursTest, OpeningFollowsDaylightSavingTime) {
  // 12:30 UTC on Monday 2026-03-09 is 08:30 EDT (open); a fixed UTC-5 would say 07:30 (closed).
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 3, 9, 12, 30)), HoursState::open);
  // 12:30 UTC on Friday 2026-03-06 is 07:30 EST: not open yet.
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 3, 6, 12, 30)), HoursState::closed);
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 3, 6, 13, 0)), HoursState::open);
}

TEST(BusinessHoursTest, PeriodEndIsExclusive) {
  // 20:00 EDT is 00:00 UTC the next day.
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 3, 10, 23, 59)), HoursState::open);
  EXPECT_EQ(hours_at(office_schedule(), utc(2026, 3, 11, 0, 0)), HoursState::closed);
}

TEST(BusinessHoursTest, LocalTimeGivesTheLocalDayMinuteAndWeekday) {
  const LocalTime t = local_time(office_schedule(), utc(2026, 3, 11, 1, 30));
  EXPECT_EQ(date::year_month_day{t.day}, date::year{2026} / 3 / 10);
  EXPECT_EQ(t.minute_of_day, 21 * 60 + 30);
  EXPECT_EQ(t.weekday, 2U);
  EXPECT_STREQ(weekday_name(t.weekday), "tue");
}

TEST(BusinessHoursTest, SeveralPeriodsAndAWholeDay) {
  Schedule s = office_schedule();
  s.open = {OpeningPeriod{0b0000001, 0, 1440},                           // all of Sunday
            OpeningPeriod{0b1000000, 9 * 60, 12 * 60},                   // Saturday morning
            OpeningPeriod{0b1000000, 13 * 60, 15 * 60 + 30}};            // and afternoon
  EXPECT_EQ(hours_at(s, utc(2026, 3, 14, 14)), HoursState::open);        // Sat 10:00 EDT
  EXPECT_EQ(hours_at(s, utc(2026, 3, 14, 16, 30)), HoursState::closed);  // Sat 12:30
  EXPECT_EQ(hours_at(s, utc(2026, 3, 14, 19, 29)), HoursState::open);    // Sat 15:29
  EXPECT_EQ(hours_at(s, utc(2026, 3, 14, 19, 30)), HoursState::closed);  // Sat 15:30
  EXPECT_EQ(hours_at(s, utc(2026, 3, 15, 4, 0)), HoursState::open);      // Sun 00:00
  EXPECT_EQ(hours_at(s, utc(2026, 3, 10, 15)), HoursState::closed);      // a Tuesday
}

TEST(BusinessHoursTest, NoPeriodsMeansAlwaysClosed) {
  Schedule s = office_schedule();
  s.open.clear();
  EXPECT_EQ(hours_at(s, testing::kOpen), HoursState::closed);
}

}  // namespace
}  // namespace dialer::inbound
