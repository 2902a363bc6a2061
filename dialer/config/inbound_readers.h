// Readers of the sections of `kind: inbound` files and the value converters they share;
// internal to dialer/config. Each reader fills typed values (inbound/inbound_config.h) and
// reports every problem at its position; paths follow inbound/config_paths.h, and the position of
// each name chosen by the file (flow, node, branch, skill) is remembered under its key_path so
// that the validator's problems can point at it. One load, one thread.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/config/converters.h"
#include "dialer/config/yaml_reader.h"
#include "inbound/inbound_config.h"
#include "inbound/inbound_validator.h"

namespace dialer::config {

// A name chosen by the file: letters, digits, '_' and '-'.
bool is_inbound_name(std::string_view text);
struct Name {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const;
};

// An audio file, relative to the inbound file's folder; it must exist. Returns the resolved path.
struct PromptFile {
  std::string base_dir;
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const;
};

// "#", "*" or "none" (returned as '\0').
struct Terminator {
  std::optional<char> operator()(const Field& field, DiagnosticSink& sink) const;
};

// "mon-fri", "sat", "mon,wed,fri", "fri-mon" -> weekday bits (bit 0 = Sunday).
struct Weekdays {
  std::optional<std::uint8_t> operator()(const Field& field, DiagnosticSink& sink) const;
};

// "YYYY-MM-DD", a valid calendar date.
struct CalendarDate {
  std::optional<date::year_month_day> operator()(const Field& field, DiagnosticSink& sink) const;
};

// The entries of a mapping keyed by names the file chooses (`what` names them in messages); each
// key's position is remembered under its key_path.
std::vector<MapEntry> named_entries(const Field& field, std::string_view what,
                                    DiagnosticSink& sink);
// `{skill: level, ...}` with levels 1-10.
void read_skill_levels(const Field& field, std::vector<inbound::NamedSkill>& out,
                       DiagnosticSink& sink);

// Sections (inbound_reader.cpp, inbound_queue_reader.cpp, inbound_flow_reader.cpp).
void read_skill_names(const std::optional<Field>& field, std::vector<std::string>& out,
                      DiagnosticSink& sink);
void read_queues(const std::optional<Field>& field, std::vector<inbound::InboundQueue>& out,
                 const std::string& base_dir, DiagnosticSink& sink);
void read_agent_skills(const std::optional<Field>& field, std::vector<inbound::AgentSkills>& out,
                       DiagnosticSink& sink);
void read_schedules(const std::optional<Field>& field, std::vector<inbound::Schedule>& out,
                    DiagnosticSink& sink);
// `hours` and `after_hours` of a DID or a flow.
void read_hours(FieldReader& reader, std::optional<inbound::HoursRule>& out,
                const std::string& base_dir);
void read_dids(const std::optional<Field>& field, std::vector<inbound::Did>& out,
               const std::string& base_dir, DiagnosticSink& sink);
void read_flows(const std::optional<Field>& field, std::vector<inbound::IvrFlow>& out,
                const std::string& base_dir, DiagnosticSink& sink);

// The validator's problems as diagnostics at the positions their paths were read from.
void report_problems(const std::vector<inbound::ConfigProblem>& problems, DiagnosticSink& sink);

}  // namespace dialer::config
