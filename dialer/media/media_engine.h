// MediaEngine: the media adapter's front door. Owns one io_context run by 1..N threads it starts
// and joins, and one MediaSession (UDP socket, strand) per call leg.
// Thread-safety: every method may be called from any thread (normally the engine thread). The
// open_* and apply_* methods bind sockets / read SDP synchronously and return; all others post
// to the leg's strand and return at once, reporting results through MediaEvents, whose methods
// run on media threads and must only post back to the engine.
// Invariants: sockets bind only to the configured address; legs are referred to by MediaLegId.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dialer/common/result.h"
#include "dialer/common/time_source.h"
#include "dialer/media/media_types.h"

namespace dialer::media {

struct MediaEngineConfig {
  std::string bind_address = "127.0.0.1";
  std::string advertised_address;  // in SDP; empty means bind_address
  std::uint16_t port_min = 0;      // both 0: the OS picks a free port
  std::uint16_t port_max = 0;
  unsigned threads = 1;
  std::vector<AudioCodec> codecs{AudioCodec::pcmu, AudioCodec::pcma};
  std::uint8_t telephone_event_pt = 101;
  std::uint16_t ptime_ms = 20;
  SequencerConfig sequencer;
  DtmfSenderConfig dtmf;
  Duration bridge_buffer{100};    // bounded latency between bridged legs
  Duration bridge_cushion{20};    // refill after an underrun before playing again
  Duration stats_interval{5000};  // 0: only on request and at close
  bool agent_connect_tone = true;
};

class MediaEngine {
 public:
  MediaEngine(MediaEngineConfig config, MediaEvents& events, const TimeSource& time);
  ~MediaEngine();  // stops and joins
  MediaEngine(const MediaEngine&) = delete;
  MediaEngine& operator=(const MediaEngine&) = delete;

  void start();
  // Closes every leg and joins the media threads. Idempotent.
  void stop();

  // Outbound leg: binds a port and returns the SDP offer for the INVITE.
  Result<LegOpened> open_leg_offer(const LegOptions& options);
  // The remote's answer to that offer (200 OK / ACK body).
  Status apply_answer(MediaLegId leg, const std::string& remote_sdp);
  // Inbound leg (e.g. an agent phone calling in): returns the SDP answer for the 200 OK.
  Result<LegOpened> open_leg_answer(const LegOptions& options, const std::string& remote_offer);
  // A re-INVITE on an open leg (hold / resume / new address): returns our answer.
  Result<std::string> apply_reoffer(MediaLegId leg, const std::string& remote_offer);
  void close_leg(MediaLegId leg);

  void play(MediaLegId leg, PromptPtr prompt, bool loop = false);
  void stop_playback(MediaLegId leg);
  void send_dtmf(MediaLegId leg, const std::string& digits);
  void start_recording(MediaLegId leg, const std::string& wav_path);
  void stop_recording(MediaLegId leg);
  void set_frame_tap(MediaLegId leg, bool on);

  // The 2-second rule, enforced on the media threads (ABN-11). Time points must come from the
  // same clock as the TimeSource given to the constructor.
  void arm_safe_harbor(MediaLegId customer, const SafeHarborArm& arm);
  void set_greeting_end(MediaLegId customer, TimePoint greeting_end);
  // The callee is an answering machine: the rule no longer applies (no effect once the message
  // has started, which on_safe_harbor_started reported).
  void disarm_safe_harbor(MediaLegId customer);

  // Connects the customer's audio to the agent and back; the outcome comes as on_bridge().
  // A leg is in at most one bridge: earlier bridges of either leg are released first.
  void bridge(MediaLegId customer, MediaLegId agent);
  // Releases the bridge `leg` is in (customer or agent side); both legs then hear silence.
  void unbridge(MediaLegId leg);

  void request_stats(MediaLegId leg);
  [[nodiscard]] std::size_t open_legs() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dialer::media
