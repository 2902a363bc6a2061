// Test helpers for loopback media tests: a plain UDP peer standing in for a carrier or an agent
// phone, and a MediaEvents recorder whose waits are bounded (never an unbounded sleep).
#pragma once

#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dialer/media/codec/rtp_packet.h"
#include "dialer/media/media_types.h"

namespace dialer::media::testing {

class UdpPeer {
 public:
  UdpPeer()
      : socket_(ioc_,
                boost::asio::ip::udp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {}
  [[nodiscard]] std::uint16_t port() const { return socket_.local_endpoint().port(); }

  // An SDP offer pointing at this peer.
  [[nodiscard]] std::string offer(
      const std::string& pts = "0 101",
      const std::string& extra = "a=rtpmap:101 telephone-event/8000\r\n") const {
    return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
           "m=audio " +
           std::to_string(port()) + " RTP/AVP " + pts + "\r\n" + extra;
  }

  void send_raw(std::uint16_t to_port, const std::vector<std::uint8_t>& bytes) {
    socket_.send_to(boost::asio::buffer(bytes),
                    {boost::asio::ip::make_address("127.0.0.1"), to_port});
  }
  void send_rtp(std::uint16_t to_port, std::uint8_t pt, std::uint16_t seq, std::uint32_t ts,
                const std::vector<std::uint8_t>& payload, bool marker = false,
                std::uint32_t ssrc = 0x1234) {
    RtpHeader h;
    h.payload_type = pt;
    h.sequence = seq;
    h.timestamp = ts;
    h.ssrc = ssrc;
    h.marker = marker;
    std::vector<std::uint8_t> buf(kMaxRtpPacket);
    buf.resize(build_rtp(h, payload, buf));
    send_raw(to_port, buf);
  }
  // One datagram, or nullopt when none arrives within 200 ms. Plain poll()/recv() because
  // Asio's synchronous receive would wait forever.
  std::optional<std::vector<std::uint8_t>> receive() {
    pollfd pfd{socket_.native_handle(), POLLIN, 0};
    if (::poll(&pfd, 1, 200) <= 0) return std::nullopt;
    std::vector<std::uint8_t> buf(2048);
    const auto n = ::recv(socket_.native_handle(), buf.data(), buf.size(), MSG_DONTWAIT);
    if (n < 0) return std::nullopt;
    buf.resize(static_cast<std::size_t>(n));
    return buf;
  }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::udp::socket socket_;
};

struct Frame {
  MediaLegId leg;
  Duration media_time;
  std::vector<std::int16_t> pcm;
};

class RecordingEvents : public MediaEvents {
 public:
  void on_audio_frame(MediaLegId leg, Duration t, const std::int16_t* pcm, std::size_t n) override {
    add([&] { frames.push_back({leg, t, {pcm, pcm + n}}); });
  }
  void on_dtmf(MediaLegId leg, char digit) override {
    add([&] { digits.emplace_back(leg, digit); });
  }
  void on_safe_harbor_started(MediaLegId leg, TimePoint t) override {
    add([&] { safe_harbor.emplace_back(leg, t); });
  }
  void on_safe_harbor_finished(MediaLegId leg, TimePoint) override {
    add([&] { safe_harbor_finished.push_back(leg); });
  }
  void on_opt_out(MediaLegId leg, TimePoint t, TimePoint by) override {
    add([&] { opt_outs.push_back({leg, t, by}); });
  }
  void on_bridge(const BridgeResult& r) override {
    add([&] { bridges.push_back(r); });
  }
  void on_stats(MediaLegId leg, const LegStats& s) override {
    add([&] { stats.emplace_back(leg, s); });
  }
  void on_error(MediaLegId leg, MediaErrorReason r) override {
    add([&] { errors.emplace_back(leg, r); });
  }

  // Waits (bounded) until `pred` holds under the lock.
  bool wait_for(const std::function<bool()>& pred,
                std::chrono::milliseconds limit = std::chrono::milliseconds(2000)) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, limit, pred);
  }
  std::optional<LegStats> latest_stats(MediaLegId leg) {
    std::lock_guard lock(mu);
    for (auto it = stats.rbegin(); it != stats.rend(); ++it) {
      if (it->first == leg) return it->second;
    }
    return std::nullopt;
  }

  struct OptOut {
    MediaLegId leg;
    TimePoint at;
    TimePoint by;
  };
  std::mutex mu;
  std::condition_variable cv;
  std::vector<Frame> frames;
  std::vector<std::pair<MediaLegId, char>> digits;
  std::vector<std::pair<MediaLegId, TimePoint>> safe_harbor;
  std::vector<MediaLegId> safe_harbor_finished;
  std::vector<OptOut> opt_outs;
  std::vector<BridgeResult> bridges;
  std::vector<std::pair<MediaLegId, LegStats>> stats;
  std::vector<std::pair<MediaLegId, MediaErrorReason>> errors;

 private:
  template <typename F>
  void add(F&& f) {
    {
      std::lock_guard lock(mu);
      f();
    }
    cv.notify_all();
  }
};

}  // namespace dialer::media::testing
