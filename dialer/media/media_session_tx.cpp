// MediaSession: the send path. One tick per ptime (20 ms by default) on an absolute schedule:
// a DTMF event packet if one is due, otherwise a frame of prompt, bridged audio or silence.
#include <algorithm>

#include "dialer/media/media_session.h"

namespace dialer::media {

namespace asio = boost::asio;

std::size_t MediaSession::frame_samples() const {
  const std::size_t ptime = std::clamp<std::size_t>(media_.ptime_ms, 10, 60);
  return ptime * 8;
}

void MediaSession::schedule_tick() {
  const auto period = std::chrono::milliseconds(frame_samples() / 8);
  next_tick_ += period;
  const auto now = std::chrono::steady_clock::now();
  if (now - next_tick_ > 3 * period) {
    // The thread was stalled: skip the missed frames rather than bursting them out.
    ++stats_.tick_overruns;
    next_tick_ = now + period;
  }
  tick_timer_.expires_at(next_tick_);
  tick_timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || self->closed_) return;
    self->on_tick();
    self->schedule_tick();
  });
}

void MediaSession::on_tick() {
  ++ticks_;
  const std::size_t n = frame_samples();
  std::array<std::int16_t, kMaxFrameBytes> pcm{};
  const std::span<std::int16_t> frame(pcm.data(), n);
  if (!send_dtmf_tick()) {
    fill_audio(frame);
    send_audio(frame);
  }
  tx_ts_ += static_cast<std::uint32_t>(n);
  record(frame);
  const auto interval_ticks =
      static_cast<std::uint64_t>(settings_.stats_interval.count()) / (n / 8);
  if (interval_ticks > 0 && ticks_ % interval_ticks == 0) report_stats();
}

bool MediaSession::send_dtmf_tick() {
  if (!dtmf_tx_.busy()) return false;
  const auto pkt = dtmf_tx_.next_tick();
  if (!pkt) return false;  // gap between digits: audio as usual
  if (pkt->first_of_event) event_ts_ = tx_ts_;
  const std::uint8_t pt = media_.telephone_event_pt.value_or(local_.telephone_event_pt);
  send_packet(pt, pkt->marker, event_ts_, pkt->payload);
  ++stats_.dtmf_events_sent;
  return true;
}

void MediaSession::fill_audio(std::span<std::int16_t> pcm) {
  if (prompt_) {
    const auto& s = prompt_->samples;
    std::size_t i = 0;
    while (i < pcm.size() && prompt_) {
      const std::size_t take = std::min(pcm.size() - i, s.size() - prompt_pos_);
      std::copy_n(s.begin() + static_cast<std::ptrdiff_t>(prompt_pos_), take,
                  pcm.begin() + static_cast<std::ptrdiff_t>(i));
      i += take;
      prompt_pos_ += take;
      if (prompt_pos_ >= s.size()) {
        if (prompt_loop_ && !s.empty()) {
          prompt_pos_ = 0;
        } else {
          on_prompt_done();
        }
      }
    }
    return;
  }
  if (link_) {
    auto& in = link_customer_side_ ? link_->to_customer : link_->to_agent;
    if (!in.pop(pcm)) ++stats_.bridge_underruns;  // pcm stays silent
  }
}

void MediaSession::on_prompt_done() {
  const bool message = prompt_is_message_;
  prompt_.reset();
  prompt_is_message_ = false;
  if (message) {
    if (rule_) rule_->on_message_finished();
    events_.on_safe_harbor_finished(id_, time_.now());
  } else {
    events_.on_prompt_finished(id_);
  }
}

void MediaSession::send_audio(std::span<const std::int16_t> pcm) {
  std::array<std::uint8_t, kMaxFrameBytes> enc{};
  const G711Law law = media_.codec == AudioCodec::pcmu ? G711Law::ulaw : G711Law::alaw;
  g711_encode(law, pcm, enc.data());
  send_packet(media_.codec_pt, next_audio_marker_, tx_ts_, {enc.data(), pcm.size()});
  next_audio_marker_ = false;
}

void MediaSession::send_packet(std::uint8_t pt, bool marker, std::uint32_t timestamp,
                               std::span<const std::uint8_t> payload) {
  if (!remote_ || (negotiated_ && !media_.send)) return;
  RtpHeader h;
  h.marker = marker;
  h.payload_type = pt;
  h.sequence = tx_seq_++;
  h.timestamp = timestamp;
  h.ssrc = ssrc_;
  const std::size_t len = build_rtp(h, payload, tx_buf_);
  boost::system::error_code ec;
  // UDP sends on loopback or a LAN do not block in practice; a full socket buffer is counted.
  socket_.send_to(asio::buffer(tx_buf_.data(), len), *remote_, 0, ec);
  if (ec) {
    ++stats_.send_errors;
    return;
  }
  ++stats_.packets_out;
  stats_.bytes_out += len;
}

void MediaSession::record(std::span<const std::int16_t> sent) {
  if (!recorder_) return;
  std::array<std::int16_t, kMaxFrameBytes> rx{};
  const std::span<std::int16_t> received(rx.data(), sent.size());
  (void)recorder_rx_.pop(received);  // silence when the remote sent nothing for this slot
  if (!recorder_->write(received, sent)) {
    events_.on_error(id_, MediaErrorReason::recording_write_failed);
    stop_recording();
    return;
  }
  ++stats_.recorded_frames;
}

}  // namespace dialer::media
