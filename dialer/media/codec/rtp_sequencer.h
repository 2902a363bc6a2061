// Receive-side RTP sequencer: puts packets of one stream back in order with a small reorder
// buffer, turns gaps into "lost" frames, drops duplicates and late packets, and resyncs on an
// SSRC change or a sequence jump. Frames come out on media time (samples since the first packet).
// Not thread-safe: one instance per receiving leg, used from that leg's strand only.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

#include "dialer/media/codec/rtp_packet.h"

namespace dialer::media {

inline constexpr std::size_t kMaxFrameBytes = 480;  // 60 ms of G.711

enum class FrameKind : std::uint8_t {
  audio,   // payload as received
  lost,    // a sequence number never arrived in time; play silence or conceal
  filler,  // the slot of a non-audio packet of the stream (telephone-event)
};

struct SequencedFrame {
  FrameKind kind = FrameKind::audio;
  std::uint8_t payload_type = 0;
  std::uint16_t sequence = 0;
  std::uint32_t rtp_timestamp = 0;
  std::uint32_t ssrc = 0;
  std::uint64_t media_samples = 0;  // start of the frame on media time, in samples at 8 kHz
  std::uint16_t samples = 0;
  std::uint16_t payload_size = 0;
  std::array<std::uint8_t, kMaxFrameBytes> payload{};
  [[nodiscard]] std::span<const std::uint8_t> bytes() const {
    return {payload.data(), payload_size};
  }
};

struct SequencerConfig {
  std::size_t reorder_depth = 3;    // packets held while waiting for a missing one
  std::uint16_t resync_jump = 300;  // a sequence jump this large (either way) restarts the stream
  std::uint16_t default_samples = 160;
};

struct SequencerCounters {
  std::uint64_t accepted = 0;
  std::uint64_t emitted = 0;
  std::uint64_t lost = 0;
  std::uint64_t late = 0;
  std::uint64_t duplicate = 0;
  std::uint64_t reordered = 0;
  std::uint64_t ssrc_changes = 0;
  std::uint64_t resyncs = 0;
  std::uint64_t oversized = 0;
};

class RtpSequencer {
 public:
  explicit RtpSequencer(SequencerConfig config = {});

  // `samples` is the packet's duration (for G.711, the payload size). A filler packet keeps its
  // sequence slot but carries no audio.
  void push(const RtpHeader& header, std::span<const std::uint8_t> payload, std::uint16_t samples,
            FrameKind kind = FrameKind::audio);
  // Takes the next frame that is ready, in order. False when none is.
  bool pop(SequencedFrame& out);
  // Releases everything held back (end of stream, or before a resync).
  void flush();

  [[nodiscard]] const SequencerCounters& counters() const { return counters_; }
  [[nodiscard]] std::size_t buffered() const { return held_.size(); }
  [[nodiscard]] std::uint64_t media_samples() const { return media_samples_; }

 private:
  void restart(std::uint32_t ssrc, std::uint16_t sequence);
  void release();
  void emit(SequencedFrame&& frame);
  void emit_lost();
  bool is_duplicate_of_held(std::uint16_t sequence) const;

  SequencerConfig config_;
  SequencerCounters counters_;
  bool started_ = false;
  std::uint32_t ssrc_ = 0;
  std::uint16_t next_seq_ = 0;
  std::uint16_t highest_seq_ = 0;
  std::uint64_t emitted_mask_ = 0;  // bit i: sequence next_seq_-1-i came out as received audio
  std::uint16_t last_samples_ = 160;
  std::uint64_t media_samples_ = 0;
  std::vector<SequencedFrame> held_;  // sorted by distance from next_seq_
  std::deque<SequencedFrame> ready_;
};

}  // namespace dialer::media
