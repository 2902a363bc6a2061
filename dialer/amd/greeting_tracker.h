// Follows the callee's greeting frame by frame from voice-activity flags: when speech started,
// when the last voiced frame ended, and the pauses inside the greeting. A pause of at least
// `sentence_pause` followed by resumed speech is a sentence break, the mark of a recorded
// message that reads on after a full stop; a person answering says one phrase and listens.
// Pure and not thread-safe; one per call.
#pragma once

#include <optional>

#include "dialer/common/time.h"

namespace dialer::amd {

class GreetingTracker {
 public:
  GreetingTracker(int onset_frames, Duration sentence_pause)
      : onset_frames_(onset_frames), sentence_pause_(sentence_pause) {}

  // One 20 ms frame starting at t, voiced or not.
  void track(Duration t, bool voiced);

  [[nodiscard]] bool started() const { return onset_.has_value(); }
  [[nodiscard]] Duration onset() const { return onset_.value_or(Duration{0}); }
  // From the onset to the end of the last voiced frame.
  [[nodiscard]] Duration span() const { return last_voice_end_ - onset(); }
  // Silence since the last voiced frame, at media time `end`.
  [[nodiscard]] Duration silence_at(Duration end) const { return end - last_voice_end_; }
  [[nodiscard]] int sentence_breaks() const { return sentence_breaks_; }
  [[nodiscard]] Duration longest_pause() const { return longest_pause_; }

 private:
  int onset_frames_;
  Duration sentence_pause_;
  unsigned history_ = 0;  // voiced flags of the latest frames, newest in bit 0
  int run_ = 0;           // consecutive voiced frames
  std::optional<Duration> onset_;
  Duration last_voice_end_{0};
  int sentence_breaks_ = 0;
  Duration longest_pause_{0};
};

}  // namespace dialer::amd
