// The nested sections of `kind: campaign` files: calling window, retry rules, abandoned message.
#include <array>
#include <chrono>

#include "dialer/config/converters.h"
#include "dialer/config/kind_readers.h"
#include "dialer/config/system_data.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;

std::optional<DailyWindow> read_day(const Field& field, DiagnosticSink& sink) {
  if (field.node.IsScalar() && field.node.Scalar() == "closed") return DailyWindow::closed_day();
  if (!field.node.IsMap()) {
    sink.error(field.at, prefix(field.path) +
                             "expected {start: HH:MM, end: HH:MM} or 'closed', got " +
                             describe(field.node));
    return std::nullopt;
  }
  auto reader = FieldReader::open(field, sink);
  DailyWindow window;
  const bool has_start = reader->read_required("start", window.start_minute, ClockTime{});
  const bool has_end = reader->read_required("end", window.end_minute, ClockTime{});
  reader->finish();
  if (!has_start || !has_end) return std::nullopt;
  if (window.start_minute >= window.end_minute) {
    sink.error(sink.position_of(field.path + ".end", field.at),
               prefix(field.path) + "end " + format_clock_time(window.end_minute) +
                   " must be after start " + format_clock_time(window.start_minute) +
                   " (use 'closed' for a day without calls)");
    return std::nullopt;
  }
  return window;
}

struct TimeZoneName {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "an IANA time zone name");
    if (text && !timezone_exists(*text)) {
      sink.error(field.at, prefix(field.path) + "unknown time zone '" + *text +
                               "' (expected an IANA name such as America/New_York, found under " +
                               std::string(kZoneinfoDir) + ")");
      return std::nullopt;
    }
    return text;
  }
};

struct OptOutDigit {
  std::optional<char> operator()(const Field& field, DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "a key of the phone keypad");
    if (!text) return std::nullopt;
    if (text->size() != 1 ||
        std::string_view("0123456789*#").find((*text)[0]) == std::string_view::npos) {
      sink.error(field.at,
                 prefix(field.path) + "expected one key of 0-9, * or #, got '" + *text + "'");
      return std::nullopt;
    }
    return (*text)[0];
  }
};

}  // namespace

void read_calling_window(const std::optional<Field>& field, CallingWindow& out,
                         DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  if (auto day = reader->take("weekdays")) {
    if (auto window = read_day(*day, sink)) out.weekdays = *window;
  }
  if (auto day = reader->take("saturday")) out.saturday = read_day(*day, sink);
  if (auto day = reader->take("sunday")) out.sunday = read_day(*day, sink);
  reader->read("fallback_timezone", out.fallback_timezone, TimeZoneName{});
  reader->finish();
}

void read_retry(const std::optional<Field>& field, RetryRules& out, DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  const bool has_max = reader->read("max_attempts", out.max_attempts, Integer{1, 100});
  const bool has_per_day =
      reader->read("max_attempts_per_day", out.max_attempts_per_day, Integer{1, 24});
  reader->read("no_answer_delay", out.no_answer_delay, DurationIn{1min, 720h, {}});
  reader->read("busy_delay", out.busy_delay, DurationIn{1min, 720h, {}});
  reader->read("machine_delay", out.machine_delay, DurationIn{1min, 720h, {}});
  reader->finish();
  if ((has_max || has_per_day) && out.max_attempts_per_day > out.max_attempts) {
    const std::string path = has_per_day ? "retry.max_attempts_per_day" : "retry.max_attempts";
    sink.error(sink.position_of(path, field->at),
               "retry.max_attempts_per_day: " + std::to_string(out.max_attempts_per_day) +
                   " must not exceed retry.max_attempts " + std::to_string(out.max_attempts));
  }
}

void read_abandoned_message(const std::optional<Field>& field,
                            std::optional<AbandonedCallMessage>& out, DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  AbandonedCallMessage message;
  constexpr std::string_view kRule = "ABN-04";
  bool valid = reader->read_required("seller_name", message.seller_name, Text{}, kRule);
  valid = reader->read_required("opt_out_number", message.opt_out_number, PhoneNumber{}, kRule) &&
          valid;
  reader->read("prompt", message.prompt, Text{});
  reader->read("opt_out_digit", message.opt_out_digit, OptOutDigit{});
  reader->finish();
  if (valid) out = message;
}

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kAmdAlgorithms{{
    {"cadence", "cadence"},
    {"classic", "classic"},
}};

constexpr std::array<std::pair<std::string_view, MachineAction>, 2> kMachineActions{{
    {"hang_up", MachineAction::hang_up},
    {"leave_message", MachineAction::leave_message},
}};

}  // namespace

void read_amd(const std::optional<Field>& field, AmdSettings& out, DiagnosticSink& sink) {
  if (!field) return;
  auto reader = FieldReader::open(*field, sink);
  if (!reader) return;
  reader->read("enabled", out.enabled, Flag{});
  std::string_view algorithm = out.algorithm;
  if (reader->read("algorithm", algorithm, OneOf<std::string_view>{kAmdAlgorithms})) {
    out.algorithm = std::string(algorithm);
  }
  // ABN-11 budget: the analysis may not run past the point where the 2-second rule is at risk.
  reader->read("max_analysis", out.max_analysis, DurationIn{500ms, 6s, {}});
  reader->read("greeting_allowance", out.greeting_allowance, DurationIn{0ms, 4s, {}});
  const bool leave =
      reader->read("on_machine", out.on_machine, OneOf<MachineAction>{kMachineActions}) &&
      out.on_machine == MachineAction::leave_message;
  const bool has_prompt = reader->read("voicemail_prompt", out.voicemail_prompt, Text{});
  reader->finish();
  if (leave && !has_prompt) {
    sink.error(field->at, "amd.on_machine: leave_message needs amd.voicemail_prompt");
  }
}

}  // namespace dialer::config
