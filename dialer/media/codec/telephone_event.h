// RFC 4733 telephone-event payloads for DTMF: parse/build, a receive-side detector that reports
// each digit once (on its end bit, or when a new event starts without one), and a sender that
// turns digits into the packet sequence to transmit on 20 ms ticks.
// Not thread-safe: one detector and one sender per leg, used from that leg's strand.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>

namespace dialer::media {

struct TelephoneEvent {
  std::uint8_t event = 0;  // 0-9, 10 '*', 11 '#', 12-15 A-D
  bool end = false;
  std::uint8_t volume = 10;    // -dBm0, 0..63
  std::uint16_t duration = 0;  // in timestamp units (8 kHz)
};

inline constexpr std::size_t kTelephoneEventSize = 4;

std::optional<TelephoneEvent> parse_telephone_event(std::span<const std::uint8_t> payload);
std::array<std::uint8_t, kTelephoneEventSize> build_telephone_event(const TelephoneEvent& e);

// '0'..'9', '*', '#', 'A'..'D' <-> event codes 0..15. Unknown digits/codes give nullopt.
std::optional<std::uint8_t> dtmf_event_code(char digit);
std::optional<char> dtmf_digit(std::uint8_t event_code);

struct DtmfDetectorCounters {
  std::uint64_t packets = 0;
  std::uint64_t digits = 0;
  std::uint64_t repeated_end_packets = 0;  // retransmitted end packets of a digit already reported
  std::uint64_t missing_end = 0;           // digits reported because a new event began
  std::uint64_t malformed = 0;
  std::uint64_t unsupported_events = 0;  // valid payloads with codes other than DTMF 0..15
};

class DtmfDetector {
 public:
  // Feeds one telephone-event packet (its RTP timestamp identifies the event). Returns the digits
  // this packet completes: usually none or one; two when a new event shows that the previous one
  // lost all its end packets and the new one is already ending.
  std::string on_packet(std::uint32_t rtp_timestamp, std::span<const std::uint8_t> payload);
  [[nodiscard]] const DtmfDetectorCounters& counters() const { return counters_; }

 private:
  void finish_current(std::string& out);

  DtmfDetectorCounters counters_;
  bool active_ = false;  // an event is in progress and not yet reported
  bool have_last_ = false;
  std::uint32_t last_timestamp_ = 0;
  std::uint8_t last_event_ = 0;
  bool last_reported_ = false;
};

// One packet of an outgoing digit: its payload, whether it carries the RTP marker, and the RTP
// timestamp offset of the event start relative to the first tick of the digit.
struct OutgoingEventPacket {
  std::array<std::uint8_t, kTelephoneEventSize> payload{};
  bool marker = false;
  bool first_of_event = false;  // the sender captures the event's RTP timestamp here
};

struct DtmfSenderConfig {
  std::uint16_t digit_ms = 100;
  std::uint16_t gap_ms = 60;
  std::uint8_t volume = 10;
  std::uint8_t end_repeats = 3;
};

// Queues digits and hands out what to send on each 20 ms tick: an event packet, or nothing
// (gap between digits or idle, in which case the leg sends audio as usual).
class DtmfSender {
 public:
  explicit DtmfSender(DtmfSenderConfig config = {}) : config_(config) {}
  // Returns the number of digits accepted (unknown characters are skipped).
  std::size_t queue(const std::string& digits);
  std::optional<OutgoingEventPacket> next_tick();
  [[nodiscard]] bool busy() const { return !pending_.empty() || in_event_ || gap_ticks_ > 0; }

 private:
  DtmfSenderConfig config_;
  std::deque<std::uint8_t> pending_;
  bool in_event_ = false;
  std::uint8_t event_ = 0;
  std::uint16_t elapsed_ = 0;  // timestamp units sent in the current event
  std::uint8_t ends_sent_ = 0;
  int gap_ticks_ = 0;
};

}  // namespace dialer::media
