// Value converters and helpers shared by the readers of `kind: inbound` files.
#include <algorithm>
#include <array>
#include <filesystem>

#include "dialer/config/inbound_readers.h"
#include "inbound/config_paths.h"

namespace dialer::config {
namespace {

constexpr std::array<std::string_view, 7> kDayNames{"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};

std::optional<unsigned> day_index(std::string_view name) {
  const auto it = std::find(kDayNames.begin(), kDayNames.end(), name);
  if (it == kDayNames.end()) return std::nullopt;
  return static_cast<unsigned>(it - kDayNames.begin());
}

// Adds "mon" or "mon-fri" (wrapping past Saturday: "fri-mon") to `mask`.
bool add_days(std::string_view item, std::uint8_t& mask) {
  const auto dash = item.find('-');
  const auto first = day_index(item.substr(0, dash));
  const auto last = dash == std::string_view::npos ? first : day_index(item.substr(dash + 1));
  if (!first || !last) return false;
  for (unsigned d = *first;; d = (d + 1) % 7) {
    mask = static_cast<std::uint8_t>(mask | (1U << d));
    if (d == *last) break;
  }
  return true;
}

// The position of `path`, or of the closest enclosing value that was read.
Position position_near(const DiagnosticSink& sink, std::string path) {
  while (!path.empty()) {
    if (sink.seen(path)) return sink.position_of(path, {});
    const auto cut = path.find_last_of(".[");
    if (cut == std::string::npos) break;
    path.resize(cut);
  }
  return Position{1, 1};
}

}  // namespace

bool is_inbound_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

std::optional<std::string> Name::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = Text{}(field, sink);
  if (text && !is_inbound_name(*text)) {
    sink.error(field.at, prefix(field.path) + "'" + *text +
                             "' is not a name (use letters, digits, '_' and '-')");
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> PromptFile::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = Text{}(field, sink);
  if (!text) return std::nullopt;
  std::filesystem::path path(*text);
  if (path.is_relative() && !base_dir.empty()) path = std::filesystem::path(base_dir) / path;
  const std::string resolved = path.lexically_normal().string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(resolved, ec)) {
    std::string message = prefix(field.path) + "prompt file '" + *text + "' not found";
    if (resolved != *text) message += " (looked for " + resolved + ")";
    sink.error(field.at, message);
    return std::nullopt;
  }
  return resolved;
}

std::optional<char> Terminator::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "'#', '*' or none");
  if (!text) return std::nullopt;
  if (*text == "#" || *text == "*") return (*text)[0];
  if (*text == "none") return '\0';
  sink.error(field.at, prefix(field.path) + "'" + *text +
                           "' is not a terminator key (use \"#\", \"*\" or none)");
  return std::nullopt;
}

std::optional<std::uint8_t> Weekdays::operator()(const Field& field, DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "days such as mon-fri");
  if (!text) return std::nullopt;
  std::uint8_t mask = 0;
  std::string_view rest = *text;
  bool ok = !rest.empty();
  while (ok && !rest.empty()) {
    const auto comma = rest.find(',');
    ok = add_days(rest.substr(0, comma), mask);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  if (!ok) {
    sink.error(field.at, prefix(field.path) + "invalid days '" + *text +
                             "' (use mon, tue, wed, thu, fri, sat, sun, ranges such as mon-fri "
                             "and commas: mon-fri,sun)");
    return std::nullopt;
  }
  return mask;
}

std::optional<date::year_month_day> CalendarDate::operator()(const Field& field,
                                                             DiagnosticSink& sink) const {
  auto text = scalar_text(field, sink, "a date YYYY-MM-DD");
  if (!text) return std::nullopt;
  const std::string& t = *text;
  const bool shape =
      t.size() == 10 && t[4] == '-' && t[7] == '-' &&
      std::all_of(t.begin(), t.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
  if (shape) {
    const date::year_month_day day{date::year{std::stoi(t.substr(0, 4))},
                                   date::month{static_cast<unsigned>(std::stoi(t.substr(5, 2)))},
                                   date::day{static_cast<unsigned>(std::stoi(t.substr(8, 2)))}};
    if (day.ok()) return day;
  }
  sink.error(field.at, prefix(field.path) + "invalid date '" + t + "' (use YYYY-MM-DD)");
  return std::nullopt;
}

std::vector<MapEntry> named_entries(const Field& field, std::string_view what,
                                    DiagnosticSink& sink) {
  std::vector<MapEntry> out;
  for (auto& entry : map_entries(field, sink)) {
    sink.remember(inbound::key_path(entry.value.path), entry.key_at);
    if (!is_inbound_name(entry.key)) {
      sink.error(entry.key_at, prefix(field.path) + "'" + entry.key + "' is not a " +
                                   std::string(what) + " name (use letters, digits, '_' and '-')");
      continue;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

void read_skill_levels(const Field& field, std::vector<inbound::NamedSkill>& out,
                       DiagnosticSink& sink) {
  for (const auto& entry : named_entries(field, "skill", sink)) {
    const auto level = Integer{1, 10}(entry.value, sink);
    if (level) out.push_back(inbound::NamedSkill{entry.key, static_cast<int>(*level)});
  }
}

void report_problems(const std::vector<inbound::ConfigProblem>& problems, DiagnosticSink& sink) {
  for (const auto& p : problems) {
    const std::string where = p.at_key ? inbound::key_path(p.path) : p.path;
    const Position at =
        sink.seen(where) ? sink.position_of(where, {}) : position_near(sink, p.path);
    std::string message = prefix(p.path) + p.message;
    if (!p.unknown.empty()) {
      const std::vector<std::string_view> known(p.known.begin(), p.known.end());
      if (auto guess = closest_match(p.unknown, known)) {
        message += " (did you mean '" + *guess + "'?)";
      }
    }
    sink.error(at, message);
  }
}

}  // namespace dialer::config
