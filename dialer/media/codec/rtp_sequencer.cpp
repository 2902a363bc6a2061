#include "dialer/media/codec/rtp_sequencer.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace dialer::media {

namespace {

// Signed distance from `from` to `to` in 16-bit sequence space.
int seq_delta(std::uint16_t to, std::uint16_t from) {
  return static_cast<std::int16_t>(static_cast<std::uint16_t>(to - from));
}

}  // namespace

RtpSequencer::RtpSequencer(SequencerConfig config) : config_(config) {
  last_samples_ = config_.default_samples;
  held_.reserve(config_.reorder_depth + 2);
}

void RtpSequencer::restart(std::uint32_t ssrc, std::uint16_t sequence) {
  flush();
  started_ = true;
  ssrc_ = ssrc;
  next_seq_ = sequence;
  highest_seq_ = sequence;
  emitted_mask_ = 0;
}

void RtpSequencer::push(const RtpHeader& header, std::span<const std::uint8_t> payload,
                        std::uint16_t samples, FrameKind kind) {
  if (payload.size() > kMaxFrameBytes) {
    ++counters_.oversized;
    return;
  }
  if (!started_) {
    restart(header.ssrc, header.sequence);
  } else if (header.ssrc != ssrc_) {
    ++counters_.ssrc_changes;
    restart(header.ssrc, header.sequence);
  }
  int delta = seq_delta(header.sequence, next_seq_);
  if (delta >= config_.resync_jump || delta <= -static_cast<int>(config_.resync_jump)) {
    ++counters_.resyncs;
    restart(header.ssrc, header.sequence);
    delta = 0;
  }
  if (delta < 0) {
    const int age = -delta - 1;
    if (age < 64 && (emitted_mask_ >> age) & 1u) {
      ++counters_.duplicate;
    } else {
      ++counters_.late;
    }
    return;
  }
  if (is_duplicate_of_held(header.sequence)) {
    ++counters_.duplicate;
    return;
  }
  if (!held_.empty() && seq_delta(header.sequence, highest_seq_) < 0) ++counters_.reordered;
  if (held_.empty() || seq_delta(header.sequence, highest_seq_) > 0) highest_seq_ = header.sequence;
  ++counters_.accepted;

  SequencedFrame frame;
  frame.kind = kind;
  frame.payload_type = header.payload_type;
  frame.sequence = header.sequence;
  frame.rtp_timestamp = header.timestamp;
  frame.ssrc = header.ssrc;
  frame.samples = samples;
  frame.payload_size = static_cast<std::uint16_t>(payload.size());
  if (!payload.empty()) std::memcpy(frame.payload.data(), payload.data(), payload.size());
  const auto pos = std::find_if(held_.begin(), held_.end(), [&](const SequencedFrame& f) {
    return seq_delta(f.sequence, next_seq_) > delta;
  });
  held_.insert(pos, std::move(frame));
  release();
}

bool RtpSequencer::is_duplicate_of_held(std::uint16_t sequence) const {
  return std::any_of(held_.begin(), held_.end(),
                     [&](const SequencedFrame& f) { return f.sequence == sequence; });
}

void RtpSequencer::release() {
  while (!held_.empty()) {
    if (held_.front().sequence == next_seq_) {
      SequencedFrame f = std::move(held_.front());
      held_.erase(held_.begin());
      emit(std::move(f));
    } else if (held_.size() > config_.reorder_depth) {
      emit_lost();
    } else {
      break;
    }
  }
}

void RtpSequencer::emit(SequencedFrame&& frame) {
  frame.media_samples = media_samples_;
  media_samples_ += frame.samples;
  if (frame.kind == FrameKind::audio) last_samples_ = frame.samples;
  emitted_mask_ = (emitted_mask_ << 1) | 1u;
  ++next_seq_;
  ++counters_.emitted;
  ready_.push_back(std::move(frame));
}

void RtpSequencer::emit_lost() {
  SequencedFrame f;
  f.kind = FrameKind::lost;
  f.sequence = next_seq_;
  f.ssrc = ssrc_;
  f.samples = last_samples_;
  f.media_samples = media_samples_;
  media_samples_ += f.samples;
  emitted_mask_ <<= 1;
  ++next_seq_;
  ++counters_.lost;
  ready_.push_back(std::move(f));
}

void RtpSequencer::flush() {
  while (!held_.empty()) {
    if (held_.front().sequence == next_seq_) {
      SequencedFrame f = std::move(held_.front());
      held_.erase(held_.begin());
      emit(std::move(f));
    } else {
      emit_lost();
    }
  }
}

bool RtpSequencer::pop(SequencedFrame& out) {
  if (ready_.empty()) return false;
  out = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

}  // namespace dialer::media
