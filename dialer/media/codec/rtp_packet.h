// RTP (RFC 3550) fixed header parse and build over caller-owned bytes; no allocation.
// Thread-safe (pure functions). A parsed RtpPacketView points into the buffer it was parsed from
// and is valid only while that buffer is. Malformed input yields a typed RtpParseError, never UB.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace dialer::media {

enum class RtpParseError : std::uint8_t {
  none,
  too_short,           // fewer than 12 bytes
  bad_version,         // version field is not 2
  csrc_overflow,       // CSRC list runs past the end of the packet
  extension_overflow,  // extension header or its data runs past the end
  bad_padding,         // padding count is 0 or larger than what follows the header
};
inline constexpr std::size_t kRtpParseErrorCount = 6;
const char* to_string(RtpParseError e);

inline constexpr std::size_t kRtpHeaderSize = 12;
inline constexpr std::size_t kMaxRtpPacket = 1500;

struct RtpHeader {
  bool marker = false;
  std::uint8_t payload_type = 0;
  std::uint16_t sequence = 0;
  std::uint32_t timestamp = 0;
  std::uint32_t ssrc = 0;
  std::uint8_t csrc_count = 0;
  std::array<std::uint32_t, 15> csrc{};
  bool has_extension = false;
  std::uint16_t extension_profile = 0;
};

struct RtpPacketView {
  RtpHeader header;
  std::span<const std::uint8_t> extension;  // extension data words, without their 4-byte header
  std::span<const std::uint8_t> payload;    // padding removed
  std::uint8_t padding = 0;
};

struct RtpParseResult {
  RtpParseError error = RtpParseError::none;
  RtpPacketView packet;
  [[nodiscard]] bool ok() const { return error == RtpParseError::none; }
};

RtpParseResult parse_rtp(std::span<const std::uint8_t> bytes);

// Optional parts of a packet to build (tests use them to exercise the parser).
struct RtpBuildExtras {
  std::span<const std::uint8_t> extension;  // must be a multiple of 4 bytes
  std::uint8_t padding = 0;                 // total padding bytes including the count byte
};

// Writes header, CSRCs, extension, payload and padding into `out`. Returns the packet size, or 0
// when `out` is too small or the extras are invalid.
std::size_t build_rtp(const RtpHeader& header, std::span<const std::uint8_t> payload,
                      std::span<std::uint8_t> out, const RtpBuildExtras& extras = {});

// Counts of rejected packets, one per reason.
struct RtpParseCounters {
  std::array<std::uint64_t, kRtpParseErrorCount> by_reason{};
  void count(RtpParseError e) { ++by_reason[static_cast<std::size_t>(e)]; }
  [[nodiscard]] std::uint64_t of(RtpParseError e) const {
    return by_reason[static_cast<std::size_t>(e)];
  }
  [[nodiscard]] std::uint64_t rejected() const;
};

}  // namespace dialer::media
