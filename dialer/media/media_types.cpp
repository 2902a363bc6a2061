#include "dialer/media/media_types.h"

#include <cmath>
#include <numbers>

namespace dialer::media {

PromptPtr make_tone(const std::string& name, double frequency_hz, Duration length,
                    double amplitude) {
  auto p = std::make_shared<PromptAudio>();
  p->name = name;
  const auto n = static_cast<std::size_t>(length.count() * 8);
  p->samples.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double v = amplitude * std::sin(2 * std::numbers::pi * frequency_hz * i / 8000.0);
    p->samples[i] = static_cast<std::int16_t>(std::lround(v * 32767));
  }
  return p;
}

const char* to_string(BridgeOutcome o) {
  switch (o) {
    case BridgeOutcome::connected:
      return "connected";
    case BridgeOutcome::connected_late:
      return "connected_late";
    case BridgeOutcome::refused_message_playing:
      return "refused_message_playing";
    case BridgeOutcome::unknown_leg:
      return "unknown_leg";
  }
  return "unknown";
}

const char* to_string(MediaErrorReason r) {
  switch (r) {
    case MediaErrorReason::recording_open_failed:
      return "recording_open_failed";
    case MediaErrorReason::recording_write_failed:
      return "recording_write_failed";
    case MediaErrorReason::dtmf_not_negotiated:
      return "dtmf_not_negotiated";
    case MediaErrorReason::unknown_leg:
      return "unknown_leg";
  }
  return "unknown";
}

}  // namespace dialer::media
