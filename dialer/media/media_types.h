// Value types shared between the media adapter and its caller (the engine): leg ids, options,
// prompts, statistics, bridge outcomes and the MediaEvents handler interface.
// Value types are safe to copy between threads. MediaEvents methods are called on media threads:
// an implementation must only copy what it needs and post it to its own thread (engine), never
// block and never call back into MediaEngine synchronously from the callback.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"
#include "dialer/media/codec/abandon_deadline.h"
#include "dialer/media/codec/rtp_packet.h"
#include "dialer/media/codec/rtp_sequencer.h"
#include "dialer/media/codec/sdp.h"
#include "dialer/media/codec/telephone_event.h"

namespace dialer::media {

using MediaLegId = StrongId<struct MediaLegTag>;

enum class LegRole : std::uint8_t { customer, agent };

// Audio ready to play: 8 kHz, mono, 16-bit. Immutable once built, shared by every leg playing it.
struct PromptAudio {
  std::string name;
  std::vector<std::int16_t> samples;
};
using PromptPtr = std::shared_ptr<const PromptAudio>;

// A short tone (e.g. the agent's "call connected" beep).
PromptPtr make_tone(const std::string& name, double frequency_hz, Duration length,
                    double amplitude = 0.25);

struct LegOptions {
  CallId call;  // for correlation in reports only
  LegRole role = LegRole::customer;
  bool deliver_frames = false;  // send received audio to MediaEvents::on_audio_frame (AMD)
};

// What open_leg_* returns: the leg, its local RTP port and the SDP to hand to SIP.
struct LegOpened {
  MediaLegId leg;
  std::uint16_t local_port = 0;
  std::string sdp;
};

// Arms the 2-second abandoned-call rule on a customer leg.
struct SafeHarborArm {
  TimePoint answered_at{};
  AbandonDeadlineConfig rule;
  PromptPtr message;  // the campaign's abandoned-call message
};

enum class BridgeOutcome : std::uint8_t {
  connected,                // agent media connected in time (or no rule armed)
  connected_late,           // connected, but after the deadline: the call counts as abandoned
  refused_message_playing,  // the abandoned-call message already started
  unknown_leg,              // one of the legs is not open
};
const char* to_string(BridgeOutcome o);

struct BridgeResult {
  MediaLegId customer;
  MediaLegId agent;
  BridgeOutcome outcome = BridgeOutcome::unknown_leg;
  BridgeVerdict verdict;  // time_to_agent figures for the call record (ABN-03)
  TimePoint at{};
};

enum class MediaErrorReason : std::uint8_t {
  recording_open_failed,
  recording_write_failed,
  dtmf_not_negotiated,  // send_dtmf on a leg whose remote offered no telephone-event
  unknown_leg,
};
const char* to_string(MediaErrorReason r);

struct LegStats {
  std::uint64_t packets_in = 0;
  std::uint64_t packets_out = 0;
  std::uint64_t bytes_in = 0;
  std::uint64_t bytes_out = 0;
  RtpParseCounters malformed;
  std::uint64_t wrong_source = 0;  // valid RTP from an address other than the latched one
  std::uint64_t unknown_payload_type = 0;
  std::uint64_t send_errors = 0;
  std::uint64_t tick_overruns = 0;  // the 20 ms pacer fell behind and resynchronised
  SequencerCounters sequencer;
  DtmfDetectorCounters dtmf;
  std::uint64_t dtmf_events_sent = 0;
  std::uint64_t frames_tapped = 0;
  std::uint64_t bridge_underruns = 0;  // nothing from the other leg when a frame was due
  std::uint64_t bridge_overflow_samples = 0;
  std::uint64_t recorded_frames = 0;
  bool remote_latched = false;
};

class MediaEvents {
 public:
  virtual ~MediaEvents() = default;
  // Received audio of a leg with the tap on, decoded, on media time (lost frames as silence).
  virtual void on_audio_frame(MediaLegId leg, Duration media_time, const std::int16_t* pcm,
                              std::size_t samples) {
    (void)leg, (void)media_time, (void)pcm, (void)samples;
  }
  virtual void on_dtmf(MediaLegId leg, char digit) = 0;
  // The abandoned-call message started (media enforced the deadline itself, ABN-11).
  virtual void on_safe_harbor_started(MediaLegId leg, TimePoint t) = 0;
  virtual void on_safe_harbor_finished(MediaLegId leg, TimePoint t) { (void)leg, (void)t; }
  // The opt-out key was pressed during the message: add to internal DNC, hang up by `hang_up_by`.
  virtual void on_opt_out(MediaLegId leg, TimePoint t, TimePoint hang_up_by) = 0;
  virtual void on_bridge(const BridgeResult& result) = 0;
  virtual void on_prompt_finished(MediaLegId leg) { (void)leg; }
  virtual void on_stats(MediaLegId leg, const LegStats& stats) { (void)leg, (void)stats; }
  virtual void on_error(MediaLegId leg, MediaErrorReason reason) { (void)leg, (void)reason; }
};

}  // namespace dialer::media
