#include "dialer/config/value_parsers.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>

#include "dialer/config/system_data.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;

TEST(DurationTest, ParsesEachUnitAndSums) {
  EXPECT_EQ(parse_duration("500ms"), Duration{500});
  EXPECT_EQ(parse_duration("25s"), Duration{25s});
  EXPECT_EQ(parse_duration("30m"), Duration{30min});
  EXPECT_EQ(parse_duration("4h"), Duration{4h});
  EXPECT_EQ(parse_duration("1d"), Duration{24h});
  EXPECT_EQ(parse_duration("1h30m"), Duration{90min});
  EXPECT_EQ(parse_duration("0s"), Duration{0});
}

TEST(DurationTest, RejectsMissingUnitsSpacesFractionsAndSigns) {
  for (const char* bad : {"", "25", "s", "25 s", "1.5h", "-5s", "+5s", "5x", "5sec", "10y", "1h30",
                          "9999999999s", "99999999d99999999d99999999d99999999d"}) {
    EXPECT_FALSE(parse_duration(bad).has_value()) << bad;
  }
}

TEST(DurationTest, FormatsInTheLargestExactUnits) {
  EXPECT_EQ(format_duration(15s), "15s");
  EXPECT_EQ(format_duration(90min), "1h30m");
  EXPECT_EQ(format_duration(Duration{1500}), "1s500ms");
  EXPECT_EQ(format_duration(48h), "2d");
  EXPECT_EQ(format_duration(Duration{0}), "0s");
}

TEST(ClockTimeTest, ParsesHoursAndMinutesUpToEndOfDay) {
  EXPECT_EQ(parse_clock_time("09:00"), 540);
  EXPECT_EQ(parse_clock_time("9:30"), 570);
  EXPECT_EQ(parse_clock_time("00:00"), 0);
  EXPECT_EQ(parse_clock_time("24:00"), 1440);
  for (const char* bad : {"24:01", "25:00", "12:60", "12", "12:5", "1200", "ab:cd", ":30", ""}) {
    EXPECT_FALSE(parse_clock_time(bad).has_value()) << bad;
  }
  EXPECT_EQ(format_clock_time(540), "09:00");
  EXPECT_EQ(format_clock_time(1205), "20:05");
}

TEST(E164Test, AcceptsInternationalAndValidNanpNumbers) {
  EXPECT_FALSE(e164_problem("+12127365000").has_value());
  EXPECT_FALSE(e164_problem("+442079460000").has_value());
  EXPECT_FALSE(e164_problem("+4930123456").has_value());
}

TEST(E164Test, ExplainsWhatIsWrong) {
  EXPECT_EQ(e164_problem("12127365000"), "must start with '+' and the country code");
  EXPECT_EQ(e164_problem("+1 212 736 5000"), "must contain only digits after '+'");
  EXPECT_EQ(e164_problem("+4412345"), "must have 8 to 15 digits after '+'");
  EXPECT_EQ(e164_problem("+1234567890123456"), "must have 8 to 15 digits after '+'");
  EXPECT_EQ(e164_problem("+0123456789"), "country codes never start with 0");
  EXPECT_EQ(e164_problem("+1212736500"), "NANP numbers (+1) have exactly 10 digits after the 1");
  EXPECT_EQ(e164_problem("+11127365000"), "NANP area codes start with 2-9");
  EXPECT_EQ(e164_problem("+12121365000"), "NANP exchange codes start with 2-9");
}

TEST(E164Test, FlagsPremiumRateNumbers) {
  EXPECT_TRUE(is_premium_rate("+19005551234"));
  EXPECT_TRUE(is_premium_rate("+449098790000"));
  EXPECT_FALSE(is_premium_rate("+12127365000"));
  EXPECT_FALSE(is_premium_rate("+18883217000"));
}

TEST(DispositionCodeTest, AcceptsUpperCaseWithUnderscoresOnly) {
  EXPECT_TRUE(is_disposition_code("NOT_INTERESTED"));
  EXPECT_TRUE(is_disposition_code("CALLBACK2"));
  EXPECT_FALSE(is_disposition_code("Sale"));
  EXPECT_FALSE(is_disposition_code("_SALE"));
  EXPECT_FALSE(is_disposition_code("2SALE"));
  EXPECT_FALSE(is_disposition_code("NOT-INTERESTED"));
  EXPECT_FALSE(is_disposition_code(""));
}

TEST(ClosestMatchTest, SuggestsNearTyposOnly) {
  constexpr std::array<std::string_view, 3> keys{"ring_timeout", "retry", "dial_mode"};
  EXPECT_EQ(closest_match("ring_timout", keys), "ring_timeout");
  EXPECT_EQ(closest_match("Retry", keys), "retry");
  EXPECT_EQ(closest_match("dialmode", keys), "dial_mode");
  EXPECT_FALSE(closest_match("colour", keys).has_value());
  EXPECT_FALSE(closest_match("x", keys).has_value());
}

TEST(SystemDataTest, FindsIanaZonesButNotTablesOrEscapes) {
  EXPECT_TRUE(timezone_exists("America/New_York"));
  EXPECT_TRUE(timezone_exists("UTC"));
  EXPECT_FALSE(timezone_exists("America/Nowhere"));
  EXPECT_FALSE(timezone_exists("zone.tab"));
  EXPECT_FALSE(timezone_exists("../zoneinfo/UTC"));
  EXPECT_FALSE(timezone_exists("/etc/passwd"));
  EXPECT_FALSE(timezone_exists(""));
}

TEST(SystemDataTest, KnowsAssignedCountryCodes) {
  EXPECT_TRUE(is_iso3166_alpha2("US"));
  EXPECT_TRUE(is_iso3166_alpha2("GB"));
  EXPECT_FALSE(is_iso3166_alpha2("UK"));
  EXPECT_FALSE(is_iso3166_alpha2("us"));
  EXPECT_FALSE(is_iso3166_alpha2("USA"));
}

}  // namespace
}  // namespace dialer::config
