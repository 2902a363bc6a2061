// MediaSession: set-up, control and the receive path. The send path is in media_session_tx.cpp.
#include "dialer/media/media_session.h"

#include <boost/asio/post.hpp>

namespace dialer::media {

namespace asio = boost::asio;
using asio::ip::udp;

MediaSession::MediaSession(Strand strand, udp::socket socket, MediaLegId id, LegOptions options,
                           LocalMediaConfig local, std::uint32_t ssrc,
                           const SessionSettings& settings, MediaEvents& events,
                           const TimeSource& time)
    : strand_(std::move(strand)),
      socket_(std::move(socket)),
      tick_timer_(strand_),
      rule_timer_(strand_),
      id_(id),
      options_(options),
      local_(std::move(local)),
      settings_(settings),
      events_(events),
      time_(time),
      sequencer_(settings.sequencer),
      ssrc_(ssrc),
      dtmf_tx_(settings.dtmf) {
  // Until an answer says otherwise, what we offered is what we accept.
  media_.codec = local_.codecs.empty() ? AudioCodec::pcmu : local_.codecs.front();
  media_.codec_pt = media_.codec == AudioCodec::pcmu ? 0 : 8;
  media_.telephone_event_pt = local_.telephone_event_pt;
  media_.ptime_ms = local_.ptime_ms;
  tx_seq_ = static_cast<std::uint16_t>(ssrc >> 16);
  tx_ts_ = ssrc * 2654435761u;
}

void MediaSession::start() {
  // Every leg ticks on the same grid of frame periods, so one timer wake-up serves all legs
  // due at that instant instead of one wake-up per leg.
  const auto period = std::chrono::milliseconds(frame_samples() / 8);
  const auto now = std::chrono::steady_clock::now().time_since_epoch();
  next_tick_ = std::chrono::steady_clock::time_point(now - now % period);
  receive();
  schedule_tick();
}

void MediaSession::close() {
  if (closed_) return;
  closed_ = true;
  boost::system::error_code ec;
  tick_timer_.cancel();
  rule_timer_.cancel();
  socket_.close(ec);
  if (link_) link_.reset();
  stop_recording();
  report_stats();
}

void MediaSession::set_negotiated(const NegotiatedMedia& media) {
  media_ = media;
  negotiated_ = true;
  boost::system::error_code ec;
  const auto addr = asio::ip::make_address(media.remote_address, ec);
  if (!ec && media.remote_port != 0 && !addr.is_unspecified()) {
    // A new description resets the latch: symmetric RTP re-learns from the next valid packet.
    remote_ = udp::endpoint(addr, media.remote_port);
    latched_ = false;
    stats_.remote_latched = false;
  }
}

void MediaSession::play(PromptPtr prompt, bool loop) {
  prompt_ = std::move(prompt);
  prompt_pos_ = 0;
  prompt_loop_ = loop;
  prompt_is_message_ = false;
}

void MediaSession::stop_playback() {
  prompt_.reset();
  prompt_is_message_ = false;
}

void MediaSession::send_dtmf(const std::string& digits) {
  if (negotiated_ && !media_.telephone_event_pt) {
    events_.on_error(id_, MediaErrorReason::dtmf_not_negotiated);
    return;
  }
  dtmf_tx_.queue(digits);
}

void MediaSession::start_recording(const std::string& path) {
  auto rec = WavRecorder::open(path);
  if (!rec) {
    events_.on_error(id_, MediaErrorReason::recording_open_failed);
    return;
  }
  recorder_ = std::move(rec.value());
}

void MediaSession::stop_recording() {
  if (recorder_) recorder_->close();
  recorder_.reset();
}

void MediaSession::report_stats() {
  stats_.sequencer = sequencer_.counters();
  stats_.dtmf = dtmf_rx_.counters();
  events_.on_stats(id_, stats_);
}

// ---- The 2-second rule ----

void MediaSession::arm_safe_harbor(const SafeHarborArm& arm) {
  rule_.emplace(arm.rule);
  rule_message_ = arm.message;
  handle_rule_action(rule_->on_answer(arm.answered_at));
}

void MediaSession::disarm_safe_harbor() {
  if (!rule_ || rule_->state() != AbandonState::waiting) return;
  rule_.reset();
  rule_timer_.cancel();
}

void MediaSession::set_greeting_end(TimePoint greeting_end) {
  if (rule_) handle_rule_action(rule_->on_greeting_end(greeting_end, time_.now()));
}

void MediaSession::handle_rule_action(const AbandonAction& action) {
  if (closed_) return;
  if (action.kind == AbandonActionKind::start_message) {
    if (link_) link_.reset();
    prompt_ = rule_message_;
    prompt_pos_ = 0;
    prompt_loop_ = false;
    prompt_is_message_ = true;
    events_.on_safe_harbor_started(id_, action.at);
    if (!prompt_ || prompt_->samples.empty()) on_prompt_done();
    return;
  }
  if (action.kind == AbandonActionKind::add_to_dnc_and_hang_up) {
    prompt_.reset();
    prompt_is_message_ = false;
    events_.on_opt_out(id_, action.at, action.act_by.value_or(action.at));
    return;
  }
  if (!action.next_wakeup) return;
  const auto delay = *action.next_wakeup - time_.now();
  rule_timer_.expires_after(std::max(delay, Duration{0}));
  rule_timer_.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec || self->closed_ || !self->rule_) return;
    self->handle_rule_action(self->rule_->poll(self->time_.now()));
  });
}

// ---- Bridging ----

void MediaSession::bridge_as_customer(std::shared_ptr<MediaSession> agent) {
  BridgeResult result;
  result.customer = id_;
  result.agent = agent->id();
  result.at = time_.now();
  if (closed_) {
    events_.on_bridge(result);
    return;
  }
  if (rule_) {
    result.verdict = rule_->on_agent_media(result.at);
  } else {
    result.verdict.connect = true;  // no rule armed (preview, inbound): nothing to enforce
  }
  if (!result.verdict.connect) {
    result.outcome = BridgeOutcome::refused_message_playing;
    events_.on_bridge(result);
    return;
  }
  result.outcome =
      result.verdict.abandoned ? BridgeOutcome::connected_late : BridgeOutcome::connected;
  link_ = std::make_shared<BridgeLink>(id_, agent->id(), settings_.bridge_capacity_samples,
                                       settings_.bridge_cushion_samples);
  link_customer_side_ = true;
  asio::post(agent->strand(), [agent, link = link_] { agent->attach_agent_side(link); });
  events_.on_bridge(result);
}

void MediaSession::attach_agent_side(std::shared_ptr<BridgeLink> link) {
  if (closed_) return;
  link_ = std::move(link);
  link_customer_side_ = false;
  if (settings_.agent_connect_tone) play(settings_.agent_connect_tone, false);
}

void MediaSession::detach_bridge(MediaLegId peer) {
  if (link_ && (link_customer_side_ ? link_->agent : link_->customer) == peer) link_.reset();
}

// ---- Receive path ----

void MediaSession::receive() {
  socket_.async_receive_from(
      asio::buffer(rx_buf_), from_,
      [self = shared_from_this()](const boost::system::error_code& ec, std::size_t n) {
        if (self->closed_ || ec == asio::error::operation_aborted) return;
        if (!ec) self->on_datagram(n);
        self->receive();
      });
}

bool MediaSession::is_audio_pt(std::uint8_t pt) const {
  return pt == 0 || pt == 8 || pt == media_.codec_pt;
}

G711Law MediaSession::law_of(std::uint8_t pt) const {
  if (pt == 0) return G711Law::ulaw;
  if (pt == 8) return G711Law::alaw;
  return media_.codec == AudioCodec::pcmu ? G711Law::ulaw : G711Law::alaw;
}

void MediaSession::on_datagram(std::size_t size) {
  ++stats_.packets_in;
  stats_.bytes_in += size;
  const auto parsed = parse_rtp({rx_buf_.data(), size});
  if (!parsed.ok()) {
    stats_.malformed.count(parsed.error);
    return;
  }
  const auto& p = parsed.packet;
  const bool is_event =
      media_.telephone_event_pt && p.header.payload_type == *media_.telephone_event_pt;
  if (!is_event && !is_audio_pt(p.header.payload_type)) {
    ++stats_.unknown_payload_type;
    return;
  }
  if (!latched_) {
    // Symmetric RTP: answer to where the remote really sends from (NAT, SBCs).
    remote_ = from_;
    latched_ = true;
    stats_.remote_latched = true;
  } else if (from_ != *remote_) {
    ++stats_.wrong_source;
    return;
  }
  if (is_event) {
    on_event_packet(p);
  } else {
    on_audio_packet(p);
  }
}

void MediaSession::on_audio_packet(const RtpPacketView& p) {
  have_audio_ssrc_ = true;
  audio_ssrc_ = p.header.ssrc;
  sequencer_.push(p.header, p.payload, static_cast<std::uint16_t>(p.payload.size()));
  drain_sequencer();
}

void MediaSession::on_event_packet(const RtpPacketView& p) {
  // Events of the audio stream hold sequence numbers; keep their slots so they are not "lost".
  if (!have_audio_ssrc_ || p.header.ssrc == audio_ssrc_) {
    sequencer_.push(p.header, {}, static_cast<std::uint16_t>(frame_samples()), FrameKind::filler);
    drain_sequencer();
  }
  for (const char digit : dtmf_rx_.on_packet(p.header.timestamp, p.payload)) on_digit(digit);
}

void MediaSession::on_digit(char digit) {
  events_.on_dtmf(id_, digit);
  if (rule_) handle_rule_action(rule_->on_dtmf(digit, time_.now()));
}

void MediaSession::drain_sequencer() {
  SequencedFrame frame;
  while (sequencer_.pop(frame)) deliver(frame);
}

void MediaSession::deliver(const SequencedFrame& frame) {
  std::array<std::int16_t, kMaxFrameBytes> pcm{};
  const std::size_t n = std::min<std::size_t>(frame.samples, pcm.size());
  if (frame.kind == FrameKind::audio) {
    g711_decode(law_of(frame.payload_type), frame.bytes().first(std::min(n, frame.bytes().size())),
                pcm.data());
  }
  const std::span<const std::int16_t> samples(pcm.data(), n);
  if (options_.deliver_frames) {
    ++stats_.frames_tapped;
    events_.on_audio_frame(id_, Duration(frame.media_samples / 8), pcm.data(), n);
  }
  if (link_) {
    auto& out = link_customer_side_ ? link_->to_agent : link_->to_customer;
    stats_.bridge_overflow_samples += out.push(samples);
  }
  if (recorder_) recorder_rx_.push(samples);
}

}  // namespace dialer::media
