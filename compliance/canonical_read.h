// Internal to compliance: reading canonical JSON values back into record fields (the inverse of
// canonical_json.h's ValueSink). Each read_value() accepts exactly the JSON type the writer
// emits for that C++ type and returns false otherwise. Stateless; any thread.
#pragma once

#include <charconv>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::compliance::canonical_read {

using nlohmann::json;

// "2026-11-22T14:03:07.250Z" (the only form append_utc writes) back to a TimePoint.
inline bool read_utc(const std::string& s, TimePoint& out) {
  if (s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != '.' || s[23] != 'Z') {
    return false;
  }
  auto num = [&](std::size_t at, std::size_t len, int& v) {
    const char* b = s.data() + at;
    auto [p, ec] = std::from_chars(b, b + len, v);
    return ec == std::errc{} && p == b + len;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, ms = 0;
  if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
      !num(17, 2, sec) || !num(20, 3, ms)) {
    return false;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y},
                                        std::chrono::month{static_cast<unsigned>(mo)},
                                        std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return false;
  out = TimePoint{std::chrono::sys_days{ymd}.time_since_epoch() + std::chrono::hours{h} +
                  std::chrono::minutes{mi} + std::chrono::seconds{sec} +
                  std::chrono::milliseconds{ms}};
  return true;
}

inline bool read_value(const json& j, std::string& v) {
  if (!j.is_string()) return false;
  v = j.get<std::string>();
  return true;
}
inline bool read_value(const json& j, std::int64_t& v) {
  if (!j.is_number_integer()) return false;
  v = j.get<std::int64_t>();
  return true;
}
inline bool read_value(const json& j, bool& v) {
  if (!j.is_boolean()) return false;
  v = j.get<bool>();
  return true;
}
inline bool read_value(const json& j, TimePoint& v) {
  return j.is_string() && read_utc(j.get<std::string>(), v);
}
inline bool read_value(const json& j, std::vector<std::string>& v) {
  if (!j.is_array()) return false;
  v.clear();
  for (const auto& e : j) {
    if (!e.is_string()) return false;
    v.push_back(e.get<std::string>());
  }
  return true;
}
template <typename T>
bool read_value(const json& j, std::optional<T>& v) {
  if (j.is_null()) {
    v.reset();
    return true;
  }
  T inner{};
  if (!read_value(j, inner)) return false;
  v = std::move(inner);
  return true;
}

// One canonical line back into a T: every field of its table (each with `name` and
// `read(json, T&)`) plus the `record_hash` member. `what` names the record kind in errors.
template <typename T, typename Fields>
Result<T> parse_line(std::string_view line, const Fields& fields, std::string T::*record_hash,
                     std::string_view what) {
  const json j = json::parse(line, nullptr, false);
  const std::string kind(what);
  if (j.is_discarded() || !j.is_object()) {
    return Error{ErrorCode::parse_error, kind + ": not a JSON object"};
  }
  T value;
  for (const auto& f : fields) {
    auto it = j.find(std::string(f.name));
    if (it == j.end() || !f.read(*it, value)) {
      return Error{ErrorCode::parse_error, kind + ": bad or missing " + std::string(f.name)};
    }
  }
  auto hash = j.find("record_hash");
  if (hash == j.end() || !read_value(*hash, value.*record_hash)) {
    return Error{ErrorCode::parse_error, kind + ": bad or missing record_hash"};
  }
  return value;
}

}  // namespace dialer::compliance::canonical_read
