// HolidayCalendars: expands the holiday rules of holidays.txt into sorted day lists per calendar.
#include <algorithm>
#include <charconv>

#include "compliance/calling_windows.h"
#include "compliance/table_text.h"

namespace dialer::compliance {
namespace {

int to_int(std::string_view s) {
  int v = -1;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher).
date::sys_days easter(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  const int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return date::sys_days{date::year{y} / static_cast<unsigned>(month) / static_cast<unsigned>(day)};
}

// The date a rule gives in year y, or nullopt for a malformed rule.
std::optional<date::sys_days> rule_date(std::string_view rule, int y) {
  auto parts = split(rule, ':');
  const auto kind = parts[0];
  if (kind == "fixed" && parts.size() == 2) {
    auto md = split(parts[1], '-');
    if (md.size() != 2) return std::nullopt;
    date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(to_int(md[0]))},
                             date::day{static_cast<unsigned>(to_int(md[1]))}};
    if (!ymd.ok()) return std::nullopt;
    return date::sys_days{ymd};
  }
  if (kind == "nth" && parts.size() == 4) {
    const int month = to_int(parts[1]), n = to_int(parts[2]), wd = to_int(parts[3]);
    if (month < 1 || month > 12 || n < 1 || n > 5 || wd < 0 || wd > 6) return std::nullopt;
    date::year_month_weekday ymw{
        date::year{y}, date::month{static_cast<unsigned>(month)},
        date::weekday_indexed{date::weekday{static_cast<unsigned>(wd)}, static_cast<unsigned>(n)}};
    return date::sys_days{ymw};
  }
  if (kind == "last" && parts.size() == 3) {
    const int month = to_int(parts[1]), wd = to_int(parts[2]);
    if (month < 1 || month > 12 || wd < 0 || wd > 6) return std::nullopt;
    return date::sys_days{date::year_month_weekday_last{
        date::year{y}, date::month{static_cast<unsigned>(month)},
        date::weekday_last{date::weekday{static_cast<unsigned>(wd)}}}};
  }
  if (kind == "easter" && parts.size() == 2) {
    return easter(y) + date::days{to_int(parts[1])};
  }
  return std::nullopt;
}

// The observed day when the holiday falls on a weekend (the day itself stays blocked too).
std::optional<date::sys_days> observed_day(date::sys_days d, std::string_view policy) {
  const auto wd = date::weekday{d};
  if (policy == "sat_fri_sun_mon" && wd == date::Saturday) return d - date::days{1};
  if ((policy == "sat_fri_sun_mon" || policy == "sun_mon") && wd == date::Sunday) {
    return d + date::days{1};
  }
  return std::nullopt;
}

bool valid_policy(std::string_view p) {
  return p == "none" || p == "sat_fri_sun_mon" || p == "sun_mon";
}

}  // namespace

Status HolidayCalendars::load(std::istream& in, std::string_view source, int first_year,
                              int last_year) {
  first_year_ = first_year;
  last_year_ = last_year;
  auto status = for_each_row(in, source, 5, [&](const std::vector<std::string_view>& f) -> Status {
    if (!valid_policy(f[3])) return Error{ErrorCode::parse_error, "bad observed policy"};
    rows_.push_back({std::string(f[0]), std::string(f[2]), std::string(f[3])});
    return expand(rows_.back());
  });
  for (auto& [name, days] : days_) {
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
  }
  return status;
}

Status HolidayCalendars::expand(const std::vector<std::string>& row) {
  const auto& calendar = row[0];
  const std::string_view rule = row[1];
  const std::string_view policy = row[2];
  auto& out = days_[calendar];
  auto add = [&](date::sys_days d) {
    out.push_back(static_cast<std::int32_t>(d.time_since_epoch().count()));
    if (auto o = observed_day(d, policy)) {
      out.push_back(static_cast<std::int32_t>(o->time_since_epoch().count()));
    }
  };
  if (rule.starts_with("include:")) {
    // The other calendar's base dates, with this row's observed policy added.
    const std::string other{rule.substr(8)};
    for (const auto& r : rows_) {
      if (r[0] != other || r[1].starts_with("include:")) continue;
      for (int y = first_year_; y <= last_year_; ++y) {
        if (auto d = rule_date(r[1], y)) {
          add(*d);
          if (auto o = observed_day(*d, r[2])) add(*o);
        }
      }
    }
    return ok_status();
  }
  for (int y = first_year_; y <= last_year_; ++y) {
    auto d = rule_date(rule, y);
    if (!d) return Error{ErrorCode::parse_error, "bad holiday rule '" + std::string(rule) + "'"};
    add(*d);
  }
  return ok_status();
}

bool HolidayCalendars::is_holiday(std::string_view calendar, date::sys_days day) const {
  auto it = days_.find(calendar);
  if (it == days_.end()) return false;
  const auto d = static_cast<std::int32_t>(day.time_since_epoch().count());
  return std::binary_search(it->second.begin(), it->second.end(), d);
}

void HolidayCalendars::add_blackout(std::string_view calendar, date::sys_days first,
                                    date::sys_days last) {
  auto& days = days_[std::string(calendar)];
  for (auto d = first; d <= last; d += date::days{1}) {
    days.push_back(static_cast<std::int32_t>(d.time_since_epoch().count()));
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
}

}  // namespace dialer::compliance
