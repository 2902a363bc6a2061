// The 2-second rule for one answered call (compliance ABN-01, ABN-02, ABN-03, ABN-05, ABN-11):
// decides when the abandoned-call message must start, whether an agent's media arrived in time,
// and what an opt-out key press during the message requires. Pure: `now` is always a parameter;
// the caller arms a timer at the returned wake-up. Not thread-safe: one instance per call.
#pragma once

#include <cstdint>
#include <optional>

#include "dialer/common/time.h"

namespace dialer::media {

struct AbandonDeadlineConfig {
  Duration limit{2000};            // from greeting end (or the fallback start) to agent or message
  Duration greeting_allowance{0};  // ABN-02: the clock starts by answer + allowance at the latest
  Duration opt_out_hang_up_within{1000};
  char opt_out_digit = '9';
};

enum class AbandonState : std::uint8_t {
  idle,             // not armed
  waiting,          // answered; neither an agent nor the message yet
  bridged,          // agent media connected in time
  message_playing,  // abandoned-call message started: the call is abandoned
  message_done,     // message finished; the engine hangs up
  opted_out,        // the called party pressed the opt-out key
};

enum class AbandonReason : std::uint8_t { none, no_agent, late_bridge };

const char* to_string(AbandonState s);
const char* to_string(AbandonReason r);

enum class AbandonActionKind : std::uint8_t { none, start_message, add_to_dnc_and_hang_up };

struct AbandonAction {
  AbandonActionKind kind = AbandonActionKind::none;
  TimePoint at{};                        // when the action was decided
  std::optional<TimePoint> act_by;       // start_message: the deadline; opt-out: hang-up limit
  std::optional<TimePoint> next_wakeup;  // ask again at this time (only while waiting)
};

struct BridgeVerdict {
  bool connect = false;  // whether the media layer should connect the agent
  bool abandoned = false;
  AbandonReason reason = AbandonReason::none;
  std::optional<Duration> from_greeting_end;  // ABN-03 time_to_agent
  Duration from_answer{0};
};

class AbandonDeadline {
 public:
  explicit AbandonDeadline(AbandonDeadlineConfig config = {}) : config_(config) {}

  // Arms the rule. Returns the wake-up at the current deadline.
  AbandonAction on_answer(TimePoint answered);
  // AMD reported the end of the greeting. Moves the deadline while neither agent nor message
  // has happened; ignored afterwards.
  AbandonAction on_greeting_end(TimePoint greeting_end, TimePoint now);
  // Starts the message when the deadline is reached.
  AbandonAction poll(TimePoint now);
  // The agent's media path is established at `at`.
  BridgeVerdict on_agent_media(TimePoint at);
  AbandonAction on_dtmf(char digit, TimePoint now);
  void on_message_finished();

  [[nodiscard]] AbandonState state() const { return state_; }
  [[nodiscard]] bool abandoned() const { return reason_ != AbandonReason::none; }
  [[nodiscard]] AbandonReason reason() const { return reason_; }
  [[nodiscard]] std::optional<TimePoint> deadline() const;
  [[nodiscard]] std::optional<TimePoint> message_started_at() const { return message_started_; }
  [[nodiscard]] const AbandonDeadlineConfig& config() const { return config_; }

 private:
  AbandonAction wait_until_deadline() const;

  AbandonDeadlineConfig config_;
  AbandonState state_ = AbandonState::idle;
  AbandonReason reason_ = AbandonReason::none;
  std::optional<TimePoint> answered_;
  std::optional<TimePoint> greeting_end_;
  std::optional<TimePoint> message_started_;
};

}  // namespace dialer::media
