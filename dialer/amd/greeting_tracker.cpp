#include "dialer/amd/greeting_tracker.h"

#include <algorithm>
#include <bit>

namespace dialer::amd {
namespace {

constexpr unsigned kHistoryMask = 0x1F;  // the last five frames
constexpr Duration kFrame{20};
constexpr int kResumeFrames = 2;  // a lone click does not resume speech

}  // namespace

void GreetingTracker::track(Duration t, bool voiced) {
  history_ = ((history_ << 1U) | (voiced ? 1U : 0U)) & kHistoryMask;
  run_ = voiced ? run_ + 1 : 0;
  if (!onset_) {
    if (std::popcount(history_) >= onset_frames_) {
      // Onset at the oldest voiced frame of the window that started speech.
      const int back = 31 - std::countl_zero(history_);
      onset_ = t - kFrame * back;
      last_voice_end_ = t + kFrame;
    }
    return;
  }
  if (run_ < kResumeFrames) return;
  if (run_ == kResumeFrames) {
    const Duration pause = (t - kFrame) - last_voice_end_;
    longest_pause_ = std::max(longest_pause_, pause);
    if (pause >= sentence_pause_) ++sentence_breaks_;
  }
  last_voice_end_ = t + kFrame;
}

}  // namespace dialer::amd
