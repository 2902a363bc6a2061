// `kind: inbound` files: the top level, business-hours schedules, hours of DIDs and flows, and
// the DIDs. Flows and queues have their own files.
#include <array>

#include "dialer/config/inbound_readers.h"
#include "dialer/config/kind_readers.h"
#include "dialer/config/system_data.h"

namespace dialer::config {
namespace {

using inbound::AfterHoursAction;

constexpr std::array<std::pair<std::string_view, AfterHoursAction>, 4> kAfterHoursActions{{
    {"hangup", AfterHoursAction::hang_up},
    {"voicemail", AfterHoursAction::voicemail},
    {"flow", AfterHoursAction::flow},
    {"callback", AfterHoursAction::callback},
}};

// An IANA zone that exists under /usr/share/zoneinfo, resolved in date-tz, its rules loaded now
// so that the interpreter never opens a file.
struct TimeZone {
  std::optional<std::pair<std::string, const date::time_zone*>> operator()(
      const Field& field, DiagnosticSink& sink) const {
    auto name = Text{}(field, sink);
    if (!name) return std::nullopt;
    const date::time_zone* zone = nullptr;
    if (timezone_exists(*name)) {
      try {
        zone = date::locate_zone(*name);
        (void)zone->get_info(date::sys_seconds{});
      } catch (const std::exception&) {
        zone = nullptr;
      }
    }
    if (zone == nullptr) {
      sink.error(field.at, prefix(field.path) + "unknown time zone '" + *name +
                               "' (use an IANA name such as America/New_York)");
      return std::nullopt;
    }
    return std::pair{*name, zone};
  }
};

void read_period(const Field& item, inbound::OpeningPeriod& out, DiagnosticSink& sink) {
  auto reader = FieldReader::open(item, sink);
  if (!reader) return;
  const bool days = reader->read_required("days", out.weekdays, Weekdays{});
  const bool start = reader->read_required("start", out.start_minute, ClockTime{});
  const bool end = reader->read_required("end", out.end_minute, ClockTime{});
  reader->finish();
  if (days && start && end && out.start_minute >= out.end_minute) {
    sink.error(item.at, prefix(item.path) +
                            "start must be before end (periods cannot span "
                            "midnight: split them at 24:00)");
  }
}

void read_holiday(const Field& item, inbound::Holiday& out, DiagnosticSink& sink) {
  if (item.node.IsScalar()) {
    if (auto day = CalendarDate{}(item, sink)) out.day = *day;
    return;
  }
  auto reader = FieldReader::open(item, sink);
  if (!reader) return;
  reader->read_required("date", out.day, CalendarDate{});
  reader->read("name", out.name, Text{});
  reader->finish();
}

void read_schedule(const MapEntry& entry, inbound::Schedule& out, DiagnosticSink& sink) {
  out.name = entry.key;
  auto reader = FieldReader::open(entry.value, sink);
  if (!reader) return;
  std::pair<std::string, const date::time_zone*> zone;
  if (reader->read_required("timezone", zone, TimeZone{})) {
    out.timezone = zone.first;
    out.zone = zone.second;
  }
  if (auto open = reader->require("open")) {
    for (const auto& item : list_items(*open, sink)) {
      inbound::OpeningPeriod period;
      read_period(item, period, sink);
      out.open.push_back(period);
    }
  }
  if (auto holidays = reader->take("holidays")) {
    for (const auto& item : list_items(*holidays, sink)) {
      inbound::Holiday holiday;
      read_holiday(item, holiday, sink);
      out.holidays.push_back(std::move(holiday));
    }
  }
  reader->finish();
}

void read_after_hours(const Field& field, inbound::AfterHours& out, const std::string& base_dir,
                      DiagnosticSink& sink) {
  auto reader = FieldReader::open(field, sink);
  if (!reader) return;
  reader->read_required("action", out.action, OneOf<AfterHoursAction>{kAfterHoursActions});
  reader->read("prompt", out.prompt, PromptFile{base_dir});
  const auto flow = reader->take("flow");
  const auto mailbox = reader->take("mailbox");
  const auto queue = reader->take("queue");
  if (flow) {
    if (auto name = Name{}(*flow, sink)) out.flow = *name;
  }
  if (mailbox) {
    if (auto name = Text{}(*mailbox, sink)) out.mailbox = *name;
  }
  if (queue) {
    if (auto name = Name{}(*queue, sink)) out.queue = *name;
  }
  reader->finish();
  // Each action's own key: required with it, refused with the others.
  const std::array<std::tuple<AfterHoursAction, const std::optional<Field>*, std::string_view>, 3>
      keys{{{AfterHoursAction::flow, &flow, "flow"},
            {AfterHoursAction::voicemail, &mailbox, "mailbox"},
            {AfterHoursAction::callback, &queue, "queue"}}};
  for (const auto& [action, key, name] : keys) {
    const std::string action_name(inbound::to_string(action));
    if (out.action == action && !*key) {
      sink.error(field.at, prefix(field.path) + "action " + action_name + " needs '" +
                               std::string(name) + "'");
    } else if (out.action != action && *key) {
      sink.error((*key)->at, prefix((*key)->path) + "only used with action " + action_name);
    }
  }
}

void read_did(const Field& item, inbound::Did& out, const std::string& base_dir,
              DiagnosticSink& sink) {
  auto reader = FieldReader::open(item, sink);
  if (!reader) return;
  reader->read_required("number", out.number, PhoneNumber{});
  std::string label;
  reader->read("name", label, Text{});
  const auto flow = reader->take("flow");
  const auto queue = reader->take("queue");
  if (flow) {
    if (auto name = Name{}(*flow, sink)) out.flow = *name;
  }
  if (queue) {
    if (auto name = Name{}(*queue, sink)) out.queue = *name;
  }
  read_hours(*reader, out.hours, base_dir);
  reader->finish();
  if (flow && queue) {
    sink.error(item.at, prefix(item.path) + "give either flow or queue, not both");
  } else if (!flow && !queue) {
    sink.error(item.at, prefix(item.path) + "missing 'flow' or 'queue' (where calls go)");
  }
}

}  // namespace

void read_schedules(const std::optional<Field>& field, std::vector<inbound::Schedule>& out,
                    DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& entry : named_entries(*field, "schedule", sink)) {
    inbound::Schedule schedule;
    read_schedule(entry, schedule, sink);
    out.push_back(std::move(schedule));
  }
}

void read_hours(FieldReader& reader, std::optional<inbound::HoursRule>& out,
                const std::string& base_dir) {
  DiagnosticSink& sink = reader.sink();
  const auto hours = reader.take("hours");
  const auto after = reader.take("after_hours");
  if (hours) {
    out.emplace();
    if (auto name = Name{}(*hours, sink)) out->schedule = *name;
    if (after) {
      read_after_hours(*after, out->after_hours, base_dir, sink);
    } else {
      sink.error(hours->at,
                 prefix(hours->path) + "needs after_hours (what callers get when it is closed)");
    }
  } else if (after) {
    sink.error(after->at, prefix(after->path) + "needs hours (the schedule it applies outside)");
  }
}

void read_dids(const std::optional<Field>& field, std::vector<inbound::Did>& out,
               const std::string& base_dir, DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& item : list_items(*field, sink)) {
    inbound::Did did;
    read_did(item, did, base_dir, sink);
    out.push_back(std::move(did));
  }
}

void read_inbound(FieldReader& root, inbound::InboundConfig& out, const std::string& base_dir) {
  DiagnosticSink& sink = root.sink();
  read_skill_names(root.take("skills"), out.skills, sink);
  read_queues(root.take("queues"), out.queues, base_dir, sink);
  read_agent_skills(root.take("agents"), out.agents, sink);
  read_schedules(root.take("schedules"), out.schedules, sink);
  read_dids(root.take("dids"), out.dids, base_dir, sink);
  read_flows(root.take("flows"), out.flows, base_dir, sink);
  root.finish();
  // Reference checks always run; graph checks only on a file that read cleanly, since a value
  // that failed to read would make its node look unreachable.
  std::vector<inbound::ConfigProblem> problems;
  inbound::check_references(out, problems);
  if (sink.empty()) inbound::check_flow_graph(out, problems);
  report_problems(problems, sink);
}

}  // namespace dialer::config
