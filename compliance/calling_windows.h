// Legal calling windows as data (reference WIN-02, WIN-05, WIN-06): one row per rule with its
// effective dates and citation, plus holiday calendars with "observed" rules. Loaded once from
// std::istream, then read-only (const methods are thread-safe). The effective window of a local
// day is the intersection of every applicable row and of the campaign's own window.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <istream>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "campaigns/campaign.h"
#include "compliance/decision.h"
#include "dialer/common/result.h"

namespace dialer::compliance {

struct WindowRow {
  std::string jurisdiction;   // "US", "FL", "CA", ...
  std::uint8_t weekdays = 0;  // bit d set: applies on weekday d (0 = Sunday)
  bool on_holidays = false;   // applies on the jurisdiction's holidays instead of weekdays
  bool closed = false;
  int start_minute = 0;  // local, [0, 1440]
  int end_minute = 1440;
  std::int32_t effective_from = INT32_MIN;  // days since 1970-01-01, inclusive
  std::int32_t effective_to = INT32_MAX;    // inclusive
  std::string name;                         // e.g. "FL_08_20"
  std::string tag;                          // V, S or U (reference section 0)
  std::string citation;
};

class HolidayCalendars {
 public:
  // Rows "calendar|name|rule|observed|citation"; dates are generated for [first_year, last_year].
  Status load(std::istream& in, std::string_view source, int first_year = 2000,
              int last_year = 2100);
  [[nodiscard]] bool is_holiday(std::string_view calendar, date::sys_days day) const;
  // Operator blackouts (e.g. a declared emergency), inclusive dates.
  void add_blackout(std::string_view calendar, date::sys_days first, date::sys_days last);

 private:
  std::map<std::string, std::vector<std::int32_t>, std::less<>> days_;  // sorted
  std::vector<std::vector<std::string>> rows_;
  int first_year_ = 2000;
  int last_year_ = 2100;
  Status expand(const std::vector<std::string>& row);
};

struct DayWindow {
  int start_minute = 0;
  int end_minute = 1440;
  DecisionReason closed_reason = DecisionReason::outside_window;
  [[nodiscard]] bool empty() const { return start_minute >= end_minute; }
};

class WindowTable {
 public:
  Status load(std::istream& in, std::string_view source);
  void set_holidays(HolidayCalendars holidays) { holidays_ = std::move(holidays); }
  [[nodiscard]] std::span<const WindowRow> rows() const { return rows_; }

  // The window of local day `day` for a callee under `jurisdictions`, narrowed by `campaign`
  // (nullptr: none). Names of the rows applied are appended to `applied` when non-null.
  [[nodiscard]] DayWindow day_window(date::local_days day,
                                     std::span<const std::string_view> jurisdictions,
                                     const CallingWindow* campaign,
                                     std::vector<std::string_view>* applied) const;

 private:
  std::vector<WindowRow> rows_;
  std::map<std::string, std::vector<std::size_t>, std::less<>> by_jurisdiction_;
  HolidayCalendars holidays_;
};

}  // namespace dialer::compliance
