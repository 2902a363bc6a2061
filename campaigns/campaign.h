// Campaign: the typed, validated, immutable definition of an outbound campaign.
// Built once from YAML by dialer/config (the only code that knows YAML) and shared read-only
// (std::shared_ptr<const Campaign>); a reload builds a new snapshot.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer {

enum class DialMode { preview, progressive, power, predictive };
std::string_view to_string(DialMode m);
std::optional<DialMode> dial_mode_from_string(std::string_view s);

// What the calls are for; selects which rules apply (compliance.md section 5 "profile").
// Telemarketing, the most restricted type, is the default.
enum class CampaignType { telemarketing, informational, collections, survey, callback };
std::string_view to_string(CampaignType t);
std::optional<CampaignType> campaign_type_from_string(std::string_view s);

// Minutes after local midnight, [0, 1440]. A closed day is the empty window {0, 0}, so code that
// only intersects windows treats it correctly without knowing about closed days.
struct DailyWindow {
  int start_minute = 8 * 60;
  int end_minute = 21 * 60;

  [[nodiscard]] bool closed() const { return start_minute >= end_minute; }
  static DailyWindow closed_day() { return DailyWindow{0, 0}; }
};

// Calling-window overrides. They can only narrow the legal windows (compliance intersects them).
struct CallingWindow {
  DailyWindow weekdays;                 // Monday to Friday
  std::optional<DailyWindow> saturday;  // unset: same as weekdays; closed_day(): no calls
  std::optional<DailyWindow> sunday;    // unset: same as weekdays; closed_day(): no calls
  std::string fallback_timezone;        // used only when a lead's zone cannot be resolved
};

struct DispositionEffect {
  bool final = false;
  std::optional<Duration> retry_after;  // schedule a retry after this delay
  bool add_to_dnc = false;
  bool schedule_callback = false;
  bool contact = false;  // counts as a right-party contact
  bool sale = false;
};

struct Disposition {
  std::string code;     // e.g. "SALE", "NO_ANSWER"
  std::string label;    // shown to agents
  bool system = false;  // set by the engine, never chosen by an agent
  DispositionEffect effect;
};

struct RetryRules {
  std::int32_t max_attempts = 5;  // per lead, over its lifetime
  std::int32_t max_attempts_per_day = 3;
  Duration no_answer_delay = std::chrono::hours{4};
  Duration busy_delay = std::chrono::minutes{30};
  Duration machine_delay = std::chrono::hours{24};
};

struct AbandonedCallMessage {
  std::string seller_name;
  std::string opt_out_number;  // E.164
  std::string prompt;          // audio file played as the message
  char opt_out_digit = '9';
};

// Answering-machine detection for the campaign's answered calls (docs/amd.md).
enum class MachineAction { hang_up, leave_message };
std::string_view to_string(MachineAction a);

struct AmdSettings {
  bool enabled = true;
  std::string algorithm = "cadence";  // cadence (default) | classic
  Duration max_analysis = std::chrono::seconds{4};
  // ABN-02: when no end of greeting is known, the 2-second clock starts at answer + this.
  Duration greeting_allowance{0};
  MachineAction on_machine = MachineAction::hang_up;
  std::string voicemail_prompt;  // audio file left after the beep when on_machine is leave_message
};

struct Campaign {
  CampaignId id;
  std::string tenant = "default";
  std::string name;
  DialMode dial_mode = DialMode::predictive;
  CampaignType campaign_type = CampaignType::telemarketing;
  // Campaigns of a tenant with the same subject share the same-subject frequency caps (FRQ-01).
  // Empty: every untagged campaign of the tenant counts as one subject (the most restrictive).
  std::string subject_matter;
  std::vector<std::string> caller_ids;  // E.164
  std::vector<std::string> lead_lists;  // list names loaded into this campaign
  CallingWindow calling_window;
  RetryRules retry;
  std::vector<Disposition> dispositions;
  Duration ring_timeout = std::chrono::seconds{25};
  double abandon_target = 0.025;  // pacing's operating target
  double abandon_ceiling = 0.03;  // legal ceiling enforced by the compliance gate
  double max_lines_per_agent = 3.0;
  std::optional<AbandonedCallMessage> abandoned_message;
  std::string default_region = "US";  // for lead numbers without a country code
  AmdSettings amd;
  std::string trunk;  // SIP trunk name from the engine file; empty: the first trunk
  // An agent who has not dispositioned the call by then is made ready; the call keeps the system
  // disposition and the record notes the timeout.
  Duration wrap_up_timeout = std::chrono::seconds{30};
  // Shown on the agent's screen; {first_name}, {last_name}, {phone}, {city}, {state} and the
  // list's custom columns are replaced with the lead's values.
  std::string script;
};

}  // namespace dialer
