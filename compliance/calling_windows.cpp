#include "compliance/calling_windows.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "compliance/table_text.h"

namespace dialer::compliance {
namespace {

constexpr std::array<std::string_view, 7> kDays{"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

int parse_int(std::string_view s, int fallback = -1) {
  int v = fallback;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && ptr == s.data() + s.size() ? v : fallback;
}

int day_index(std::string_view d) {
  auto it = std::find(kDays.begin(), kDays.end(), d);
  return it == kDays.end() ? -1 : static_cast<int>(it - kDays.begin());
}

// "mon-fri", "sat", "sat-sun", "mon-sun" -> weekday mask; 0 on error.
std::uint8_t parse_days(std::string_view text) {
  auto parts = split(text, '-');
  const int first = day_index(parts[0]);
  const int last = parts.size() == 2 ? day_index(parts[1]) : first;
  if (first < 0 || last < 0 || parts.size() > 2) return 0;
  std::uint8_t mask = 0;
  for (int d = first;; d = (d + 1) % 7) {
    mask = static_cast<std::uint8_t>(mask | (1u << d));
    if (d == last) break;
  }
  return mask;
}

int parse_hhmm(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return -1;
  const int h = parse_int(t.substr(0, 2));
  const int m = parse_int(t.substr(3, 2));
  if (h < 0 || h > 24 || m < 0 || m > 59 || h * 60 + m > 1440) return -1;
  return h * 60 + m;
}

// "YYYY-MM-DD" -> days since epoch; `fallback` when empty, nullopt when malformed.
std::optional<std::int32_t> parse_date(std::string_view s, std::int32_t fallback) {
  if (s.empty()) return fallback;
  auto p = split(s, '-');
  if (p.size() != 3) return std::nullopt;
  const date::year_month_day ymd{date::year{parse_int(p[0])},
                                 date::month{static_cast<unsigned>(parse_int(p[1], 0))},
                                 date::day{static_cast<unsigned>(parse_int(p[2], 0))}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count());
}

Result<WindowRow> parse_row(const std::vector<std::string_view>& f) {
  WindowRow row;
  row.jurisdiction = std::string(f[0]);
  if (f[1] == "holiday") {
    row.on_holidays = true;
  } else if ((row.weekdays = parse_days(f[1])) == 0) {
    return Error{ErrorCode::parse_error, "bad days '" + std::string(f[1]) + "'"};
  }
  if (f[2] == "closed") {
    row.closed = true;
  } else {
    row.start_minute = parse_hhmm(f[2]);
    row.end_minute = parse_hhmm(f[3]);
    if (row.start_minute < 0 || row.end_minute <= row.start_minute) {
      return Error{ErrorCode::parse_error, "bad hours"};
    }
  }
  auto from = parse_date(f[4], INT32_MIN);
  auto to = parse_date(f[5], INT32_MAX);
  if (!from || !to) return Error{ErrorCode::parse_error, "bad effective date"};
  row.effective_from = *from;
  row.effective_to = *to;
  row.name = std::string(f[6]);
  row.tag = std::string(f[7]);
  row.citation = std::string(f[8]);
  if (row.name.empty() || row.citation.empty()) {
    return Error{ErrorCode::parse_error, "every row needs a rule name and a citation"};
  }
  return row;
}

void narrow(DayWindow& w, int start, int end) {
  w.start_minute = std::max(w.start_minute, start);
  w.end_minute = std::min(w.end_minute, end);
}

}  // namespace

Status WindowTable::load(std::istream& in, std::string_view source) {
  return for_each_row(in, source, 9, [&](const std::vector<std::string_view>& f) -> Status {
    auto row = parse_row(f);
    if (!row) return row.error();
    by_jurisdiction_[row->jurisdiction].push_back(rows_.size());
    rows_.push_back(std::move(*row));
    return ok_status();
  });
}

DayWindow WindowTable::day_window(date::local_days day,
                                  std::span<const std::string_view> jurisdictions,
                                  const CallingWindow* campaign,
                                  std::vector<std::string_view>* applied) const {
  DayWindow w;
  const auto days = static_cast<std::int32_t>(day.time_since_epoch().count());
  const auto weekday = date::weekday{day}.c_encoding();
  auto apply = [&](const WindowRow& row) {
    if (days < row.effective_from || days > row.effective_to) return;
    const bool applies =
        row.on_holidays
            ? holidays_.is_holiday(row.jurisdiction, date::sys_days{day.time_since_epoch()})
            : (row.weekdays & (1u << weekday)) != 0;
    if (!applies) return;
    if (applied != nullptr) applied->push_back(row.name);
    if (row.closed) {
      if (w.closed_reason == DecisionReason::outside_window) {
        w.closed_reason =
            row.on_holidays ? DecisionReason::holiday : DecisionReason::state_blackout_day;
      }
      w.end_minute = 0;
      return;
    }
    narrow(w, row.start_minute, row.end_minute);
  };
  for (auto j : jurisdictions) {
    auto rows = by_jurisdiction_.find(j);
    if (rows == by_jurisdiction_.end()) continue;
    for (auto index : rows->second) apply(rows_[index]);
  }
  if (campaign != nullptr) {
    const DailyWindow* cw = &campaign->weekdays;
    if (weekday == 6 && campaign->saturday) cw = &*campaign->saturday;
    if (weekday == 0 && campaign->sunday) cw = &*campaign->sunday;
    narrow(w, cw->start_minute, cw->end_minute);
    if (applied != nullptr) applied->push_back("CAMPAIGN_WINDOW");
  }
  return w;
}

}  // namespace dialer::compliance
