// The IVR interpreter of one inbound call: a pure state machine over an immutable
// InboundConfig. Each event (call started, prompt finished, DTMF key, time passed, lookup result,
// caller hung up) returns the actions to carry out, in order. Time is passed in: the session
// never reads a clock; it keeps one deadline (see deadline()) and the caller calls tick(now) when
// it is due. The collected digits and the looked-up lead stay available for the agent's screen
// pop. Invariants: after the session ends (Enqueue, StartVoicemail, HangUp, or the caller hung
// up) every event returns no action; at most one prompt plays and one deadline is armed.
// Single-threaded: one session per call, on the engine thread.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"
#include "inbound/business_hours.h"
#include "inbound/inbound_config.h"
#include "inbound/ivr_actions.h"

namespace dialer::inbound {

struct CallStart {
  std::string did;        // the number dialled (E.164)
  std::string caller_id;  // the caller's number; empty when withheld
};

struct LookupResult {
  bool found = false;
  LeadId lead{};  // when found
};

// What the agent's screen shows about the call, and what the engine records.
struct CallVariables {
  std::string did;
  std::string caller_id;
  TimePoint started{};
  std::map<std::string, std::string> digits;  // the last entry of each collect node, by node id
  std::optional<LeadId> lead;                 // set by a lookup that found the customer
  std::string lookup_value;                   // what the last lookup searched for
  bool lookup_timed_out = false;
  std::optional<HoursState> closed;  // set when an after-hours action was taken (closed/holiday)
  bool callback_requested = false;
  bool opted_out = false;
};

enum class IvrOutcome : std::uint8_t {
  in_progress,
  queued,          // Enqueue: the call belongs to the ACD now
  voicemail,       // StartVoicemail
  hung_up,         // HangUp (see hangup_reason())
  caller_hung_up,  // the caller left first
};

class IvrSession {
 public:
  explicit IvrSession(std::shared_ptr<const InboundConfig> config);

  IvrActions start(const CallStart& call, TimePoint now);
  IvrActions prompt_finished(std::uint32_t prompt_id, TimePoint now);
  IvrActions digit(char key, TimePoint now);
  IvrActions tick(TimePoint now);  // does nothing before deadline()
  IvrActions lookup_result(std::uint32_t request_id, const LookupResult& result, TimePoint now);
  IvrActions caller_hung_up(TimePoint now);

  [[nodiscard]] std::optional<TimePoint> deadline() const { return deadline_; }
  [[nodiscard]] bool finished() const { return outcome_ != IvrOutcome::in_progress; }
  [[nodiscard]] IvrOutcome outcome() const { return outcome_; }
  [[nodiscard]] std::optional<HangupReason> hangup_reason() const { return hangup_reason_; }
  [[nodiscard]] const CallVariables& variables() const { return vars_; }
  // Where the call is (or was when it ended): flow name and node id; empty before a flow.
  [[nodiscard]] std::string_view flow_name() const;
  [[nodiscard]] std::string_view node_id() const;
  // Keys that arrived while nothing was collecting (ignored).
  [[nodiscard]] int ignored_digits() const { return ignored_digits_; }

 private:
  // What happens when the prompt now playing finishes.
  enum class Then : std::uint8_t {
    go_to,           // go to `then_target_` of the current flow (empty: hang up then_reason_)
    hang_up,         // hang up with then_reason_
    enter_flow,      // enter then_flow_
    collect_listen,  // the collect prompt ended: wait for the first key
    collect_retry,   // an invalid/timeout prompt ended: start the next attempt
  };
  enum class Timer : std::uint8_t { none, first_digit, inter_digit, lookup };

  // Moving through flows and nodes (ivr_session.cpp).
  void enter_flow(const IvrFlow* flow, TimePoint now);
  void go_to(const Target& target, HangupReason if_empty, TimePoint now);
  void run_node(TimePoint now);
  void after_hours(const AfterHours& rule, HoursState why, TimePoint now);
  void request_callback(const std::string& queue, const std::string& number);
  void enqueue(const std::string& queue, std::vector<NamedSkill> skills,
               std::optional<int> priority);
  void play(const std::string& file, Then then, TimePoint now);
  void prompt_done(TimePoint now);
  [[nodiscard]] std::optional<HoursState> closed_at(const std::string& schedule,
                                                    TimePoint now) const;
  void hang_up(HangupReason reason);
  void end(IvrOutcome outcome);
  bool count_step();

  // Nodes that wait (ivr_session_nodes.cpp).
  void run_callback(const CallbackNode& node, TimePoint now);
  void run_opt_out(const OptOutNode& node, TimePoint now);
  void run_lookup(const LookupNode& node, TimePoint now);
  void lookup_done(bool found, LeadId lead, TimePoint now);
  [[nodiscard]] std::string collected(const std::string& node_id) const;

  // DTMF collection (ivr_collect.cpp).
  void start_collect(TimePoint now);
  void start_attempt(TimePoint now);
  void complete_entry(TimePoint now);
  void failed_attempt(const std::string& prompt, TimePoint now);
  void stop_collecting();
  [[nodiscard]] const CollectNode& collect_node() const;

  void arm(Timer timer, TimePoint at);
  void disarm();
  IvrActions take();

  std::shared_ptr<const InboundConfig> config_;
  CallVariables vars_;
  const IvrFlow* flow_ = nullptr;
  const IvrNode* node_ = nullptr;
  bool started_ = false;
  IvrOutcome outcome_ = IvrOutcome::in_progress;
  std::optional<HangupReason> hangup_reason_;

  std::uint32_t last_id_ = 0;    // prompt and lookup ids
  std::uint32_t prompt_id_ = 0;  // the prompt playing, 0 when none
  Then then_ = Then::go_to;
  Target then_target_;
  HangupReason then_reason_ = HangupReason::end_of_flow;
  const IvrFlow* then_flow_ = nullptr;

  bool collecting_ = false;      // keys are taken (also while the collect prompt plays)
  std::string entry_;            // keys of the current attempt
  int failures_ = 0;             // invalid entries and timeouts of the current collect node
  std::uint32_t lookup_id_ = 0;  // the lookup awaited, 0 when none

  Timer timer_ = Timer::none;
  std::optional<TimePoint> deadline_;
  int steps_ = 0;  // nodes entered during the current event (loop guard)
  int ignored_digits_ = 0;
  IvrActions actions_;
};

}  // namespace dialer::inbound
