// MediaSession: one call leg's RTP endpoint (internal to the media adapter; the engine uses
// MediaEngine). Everything it owns is touched only on its strand; the public methods named
// post_* may be called from any thread and hop onto the strand. It paces 20 ms frames out
// (DTMF events, a prompt, bridged audio or silence) and reads RTP in through the sequencer.
#pragma once

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialer/common/time_source.h"
#include "dialer/media/audio_file.h"
#include "dialer/media/codec/g711.h"
#include "dialer/media/media_types.h"
#include "dialer/media/sample_fifo.h"

namespace dialer::media {

using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

// Settings every session shares (a copy of the engine's configuration).
struct SessionSettings {
  SequencerConfig sequencer;
  DtmfSenderConfig dtmf;
  std::size_t bridge_capacity_samples = 800;  // 100 ms
  std::size_t bridge_cushion_samples = 160;
  Duration stats_interval{5000};
  PromptPtr agent_connect_tone;
};

// The two directions of one customer-agent bridge.
struct BridgeLink {
  BridgeLink(MediaLegId c, MediaLegId a, std::size_t capacity, std::size_t cushion)
      : customer(c), agent(a), to_agent(capacity, cushion), to_customer(capacity, cushion) {}
  MediaLegId customer;
  MediaLegId agent;
  SampleFifo to_agent;
  SampleFifo to_customer;
};

class MediaSession : public std::enable_shared_from_this<MediaSession> {
 public:
  MediaSession(Strand strand, boost::asio::ip::udp::socket socket, MediaLegId id,
               LegOptions options, LocalMediaConfig local, std::uint32_t ssrc,
               const SessionSettings& settings, MediaEvents& events, const TimeSource& time);

  [[nodiscard]] MediaLegId id() const { return id_; }
  [[nodiscard]] const LocalMediaConfig& local() const { return local_; }  // immutable
  [[nodiscard]] const Strand& strand() const { return strand_; }

  // All of these run on the strand (callers post them).
  void start();
  void close();
  void set_negotiated(const NegotiatedMedia& media);
  void play(PromptPtr prompt, bool loop);
  void stop_playback();
  void send_dtmf(const std::string& digits);
  void start_recording(const std::string& path);
  void stop_recording();
  void set_frame_tap(bool on) { options_.deliver_frames = on; }
  void arm_safe_harbor(const SafeHarborArm& arm);
  // A machine answered: no abandoned-call message is due (ignored once the message started).
  void disarm_safe_harbor();
  void set_greeting_end(TimePoint greeting_end);
  void report_stats();
  // Customer side of bridge(): applies the 2-second verdict, then attaches the agent.
  void bridge_as_customer(std::shared_ptr<MediaSession> agent);
  void attach_agent_side(std::shared_ptr<BridgeLink> link);
  void detach_bridge(MediaLegId peer);
  [[nodiscard]] std::shared_ptr<BridgeLink> bridge_link() const { return link_; }

 private:
  void receive();
  void on_datagram(std::size_t size);
  void on_audio_packet(const RtpPacketView& packet);
  void on_event_packet(const RtpPacketView& packet);
  void drain_sequencer();
  void deliver(const SequencedFrame& frame);
  void on_digit(char digit);
  void schedule_tick();
  void on_tick();
  bool send_dtmf_tick();
  void fill_audio(std::span<std::int16_t> pcm);
  void send_audio(std::span<const std::int16_t> pcm);
  void send_packet(std::uint8_t pt, bool marker, std::uint32_t timestamp,
                   std::span<const std::uint8_t> payload);
  void record(std::span<const std::int16_t> sent);
  void handle_rule_action(const AbandonAction& action);
  void on_prompt_done();
  [[nodiscard]] bool is_audio_pt(std::uint8_t pt) const;
  [[nodiscard]] G711Law law_of(std::uint8_t pt) const;
  [[nodiscard]] std::size_t frame_samples() const;

  Strand strand_;
  boost::asio::ip::udp::socket socket_;
  boost::asio::steady_timer tick_timer_;
  boost::asio::steady_timer rule_timer_;
  MediaLegId id_;
  LegOptions options_;
  LocalMediaConfig local_;
  const SessionSettings& settings_;
  MediaEvents& events_;
  const TimeSource& time_;
  bool closed_ = false;

  // Remote side.
  NegotiatedMedia media_;
  bool negotiated_ = false;
  std::optional<boost::asio::ip::udp::endpoint> remote_;
  bool latched_ = false;
  boost::asio::ip::udp::endpoint from_;
  std::array<std::uint8_t, 2048> rx_buf_{};

  // Receive path.
  RtpSequencer sequencer_;
  DtmfDetector dtmf_rx_;
  bool have_audio_ssrc_ = false;
  std::uint32_t audio_ssrc_ = 0;

  // Send path.
  std::chrono::steady_clock::time_point next_tick_{};
  std::uint32_t ssrc_;
  std::uint16_t tx_seq_ = 0;
  std::uint32_t tx_ts_ = 0;
  std::uint32_t event_ts_ = 0;
  bool next_audio_marker_ = true;
  DtmfSender dtmf_tx_;
  PromptPtr prompt_;
  std::size_t prompt_pos_ = 0;
  bool prompt_loop_ = false;
  bool prompt_is_message_ = false;
  std::array<std::uint8_t, kMaxRtpPacket> tx_buf_{};
  std::uint64_t ticks_ = 0;

  // Bridging and recording.
  std::shared_ptr<BridgeLink> link_;
  bool link_customer_side_ = false;
  std::unique_ptr<WavRecorder> recorder_;
  SampleFifo recorder_rx_{1600, 0};

  // The 2-second rule (customer legs of predictive and power calls).
  std::optional<AbandonDeadline> rule_;
  PromptPtr rule_message_;

  LegStats stats_;
};

}  // namespace dialer::media
