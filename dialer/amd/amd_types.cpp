#include "dialer/amd/amd_types.h"

#include <numeric>

namespace dialer::amd {

std::string_view to_string(AmdVerdict verdict) {
  switch (verdict) {
    case AmdVerdict::kHuman:
      return "HUMAN";
    case AmdVerdict::kMachine:
      return "MACHINE";
    case AmdVerdict::kNotSure:
      return "NOTSURE";
  }
  return "NOTSURE";
}

std::string_view to_string(AmdCause cause) {
  switch (cause) {
    case AmdCause::kShortGreeting:
      return "SHORT_GREETING";
    case AmdCause::kGreetingEnded:
      return "GREETING_ENDED";
    case AmdCause::kAfterGreetingSilence:
      return "AFTER_GREETING_SILENCE";
    case AmdCause::kLongGreeting:
      return "GREETING_LONG";
    case AmdCause::kMaxWords:
      return "MAX_WORDS";
    case AmdCause::kMaxWordLength:
      return "MAX_WORD_LENGTH";
    case AmdCause::kBeep:
      return "BEEP";
    case AmdCause::kSit:
      return "SIT";
    case AmdCause::kFax:
      return "FAX";
    case AmdCause::kInitialSilence:
      return "INITIAL_SILENCE";
    case AmdCause::kTooLong:
      return "TOO_LONG";
    case AmdCause::kUnbrokenGreeting:
      return "UNBROKEN_GREETING";
    case AmdCause::kSlowAnswer:
      return "SLOW_ANSWER";
  }
  return "TOO_LONG";
}

std::string_view to_string(ToneKind kind) {
  switch (kind) {
    case ToneKind::kBeep:
      return "BEEP";
    case ToneKind::kRingback:
      return "RINGBACK";
    case ToneKind::kSit:
      return "SIT";
    case ToneKind::kFaxCng:
      return "FAX_CNG";
  }
  return "BEEP";
}

std::string AmdDecision::describe() const {
  std::string out{to_string(verdict)};
  out += ' ';
  out += to_string(cause);
  if (!figures.empty()) out += ' ' + figures;
  out += " at " + std::to_string(decided_at.count()) + "ms";
  return out;
}

std::uint64_t AmdCauseCounters::total() const {
  return std::accumulate(counts_.begin(), counts_.end(), std::uint64_t{0});
}

}  // namespace dialer::amd
