// Value types of answering-machine detection: audio frames in, verdicts with typed causes out.
// Plain values, safe to copy between threads. Media time is measured from the answer (t = 0),
// never read from a clock; a verdict carries the figures that decided it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dialer/common/time.h"

namespace dialer::amd {

constexpr int kSampleRate = 8000;
constexpr int kFrameSamples = 160;  // 20 ms at 8 kHz
constexpr Duration kFrameDuration{20};

// One block of linear PCM after G.711 decoding. `media_time` is the start of the block from the
// answer; a jump forward between frames (loss, silence suppression) is taken as silence.
struct AudioFrame {
  Duration media_time{0};
  std::span<const std::int16_t> samples;
};

enum class AmdVerdict { kHuman, kMachine, kNotSure };

// Why a verdict was reached. Classic causes mirror Asterisk app_amd's AMDCAUSE values.
enum class AmdCause {
  kShortGreeting,         // HUMAN: a short utterance followed by a listening pause
  kGreetingEnded,         // HUMAN: a medium utterance followed by a long pause
  kAfterGreetingSilence,  // HUMAN (classic): silence after the greeting
  kLongGreeting,          // MACHINE: greeting too long for a live answer
  kMaxWords,              // MACHINE (classic): too many words
  kMaxWordLength,         // MACHINE (classic): one word too long
  kBeep,                  // MACHINE: a voicemail beep before any verdict
  kSit,                   // MACHINE: special information tone (number not in service, ...)
  kFax,                   // MACHINE: fax calling tone (CNG)
  kInitialSilence,        // NOTSURE: nobody spoke; handled as live, never as a machine
  kTooLong,               // NOTSURE: the analysis limit was reached without a verdict
  kUnbrokenGreeting,      // NOTSURE: one long phrase still going at the limit (business answer?)
  kSlowAnswer,            // HUMAN: speech began late and was still short at the limit
};
constexpr std::size_t kAmdCauseCount = 13;

std::string_view to_string(AmdVerdict verdict);
std::string_view to_string(AmdCause cause);

struct AmdDecision {
  AmdVerdict verdict = AmdVerdict::kNotSure;
  AmdCause cause = AmdCause::kTooLong;
  Duration decided_at{0};  // media time of the decision, from the answer
  std::string figures;     // e.g. "greeting=2140ms>1500ms"

  // "MACHINE LONG_GREETING greeting=2140ms>1500ms at 2160ms"
  [[nodiscard]] std::string describe() const;
};

// Per-campaign tally of verdict causes; every decision is counted exactly once.
class AmdCauseCounters {
 public:
  void count(const AmdDecision& decision) { ++counts_[static_cast<std::size_t>(decision.cause)]; }
  [[nodiscard]] std::uint64_t of(AmdCause cause) const {
    return counts_[static_cast<std::size_t>(cause)];
  }
  [[nodiscard]] std::uint64_t total() const;

 private:
  std::array<std::uint64_t, kAmdCauseCount> counts_{};
};

enum class ToneKind { kBeep, kRingback, kSit, kFaxCng };
std::string_view to_string(ToneKind kind);

// A call-progress or voicemail tone recognised in the audio.
struct ToneEvent {
  ToneKind kind = ToneKind::kBeep;
  Duration onset{0};        // media time the tone started
  Duration detected_at{0};  // media time it was recognised
  double frequency_hz = 0;  // main frequency (first segment for SIT)
};

}  // namespace dialer::amd
