#include "dialer/media/codec/rtp_packet.h"

#include <cstring>

namespace dialer::media {

namespace {

std::uint16_t get16(const std::uint8_t* p) {
  return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}
std::uint32_t get32(const std::uint8_t* p) {
  return (static_cast<std::uint32_t>(p[0]) << 24) | (static_cast<std::uint32_t>(p[1]) << 16) |
         (static_cast<std::uint32_t>(p[2]) << 8) | p[3];
}
void put16(std::uint8_t* p, std::uint16_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 8);
  p[1] = static_cast<std::uint8_t>(v);
}
void put32(std::uint8_t* p, std::uint32_t v) {
  p[0] = static_cast<std::uint8_t>(v >> 24);
  p[1] = static_cast<std::uint8_t>(v >> 16);
  p[2] = static_cast<std::uint8_t>(v >> 8);
  p[3] = static_cast<std::uint8_t>(v);
}

RtpParseResult fail(RtpParseError e) {
  RtpParseResult r;
  r.error = e;
  return r;
}

}  // namespace

const char* to_string(RtpParseError e) {
  switch (e) {
    case RtpParseError::none:
      return "none";
    case RtpParseError::too_short:
      return "too_short";
    case RtpParseError::bad_version:
      return "bad_version";
    case RtpParseError::csrc_overflow:
      return "csrc_overflow";
    case RtpParseError::extension_overflow:
      return "extension_overflow";
    case RtpParseError::bad_padding:
      return "bad_padding";
  }
  return "unknown";
}

RtpParseResult parse_rtp(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kRtpHeaderSize) return fail(RtpParseError::too_short);
  const std::uint8_t* p = bytes.data();
  if ((p[0] >> 6) != 2) return fail(RtpParseError::bad_version);
  RtpParseResult r;
  RtpHeader& h = r.packet.header;
  const bool has_padding = (p[0] & 0x20) != 0;
  h.has_extension = (p[0] & 0x10) != 0;
  h.csrc_count = p[0] & 0x0F;
  h.marker = (p[1] & 0x80) != 0;
  h.payload_type = p[1] & 0x7F;
  h.sequence = get16(p + 2);
  h.timestamp = get32(p + 4);
  h.ssrc = get32(p + 8);
  std::size_t offset = kRtpHeaderSize;
  if (bytes.size() < offset + 4u * h.csrc_count) return fail(RtpParseError::csrc_overflow);
  for (std::size_t i = 0; i < h.csrc_count; ++i) h.csrc[i] = get32(p + offset + 4 * i);
  offset += 4u * h.csrc_count;
  if (h.has_extension) {
    if (bytes.size() < offset + 4) return fail(RtpParseError::extension_overflow);
    h.extension_profile = get16(p + offset);
    const std::size_t words = get16(p + offset + 2);
    offset += 4;
    if (bytes.size() < offset + 4 * words) return fail(RtpParseError::extension_overflow);
    r.packet.extension = bytes.subspan(offset, 4 * words);
    offset += 4 * words;
  }
  std::size_t end = bytes.size();
  if (has_padding) {
    const std::uint8_t pad = p[end - 1];
    if (pad == 0 || pad > end - offset) return fail(RtpParseError::bad_padding);
    r.packet.padding = pad;
    end -= pad;
  }
  r.packet.payload = bytes.subspan(offset, end - offset);
  return r;
}

std::size_t build_rtp(const RtpHeader& h, std::span<const std::uint8_t> payload,
                      std::span<std::uint8_t> out, const RtpBuildExtras& extras) {
  if (h.csrc_count > 15 || extras.extension.size() % 4 != 0 ||
      extras.extension.size() / 4 > 0xFFFF) {
    return 0;
  }
  const bool has_ext = h.has_extension || !extras.extension.empty();
  const std::size_t size = kRtpHeaderSize + 4u * h.csrc_count +
                           (has_ext ? 4 + extras.extension.size() : 0) + payload.size() +
                           extras.padding;
  if (size > out.size()) return 0;
  std::uint8_t* p = out.data();
  p[0] = static_cast<std::uint8_t>(0x80 | (extras.padding ? 0x20 : 0) | (has_ext ? 0x10 : 0) |
                                   h.csrc_count);
  p[1] = static_cast<std::uint8_t>((h.marker ? 0x80 : 0) | (h.payload_type & 0x7F));
  put16(p + 2, h.sequence);
  put32(p + 4, h.timestamp);
  put32(p + 8, h.ssrc);
  std::size_t offset = kRtpHeaderSize;
  for (std::size_t i = 0; i < h.csrc_count; ++i, offset += 4) put32(p + offset, h.csrc[i]);
  if (has_ext) {
    put16(p + offset, h.extension_profile);
    put16(p + offset + 2, static_cast<std::uint16_t>(extras.extension.size() / 4));
    offset += 4;
    if (!extras.extension.empty()) {
      std::memcpy(p + offset, extras.extension.data(), extras.extension.size());
    }
    offset += extras.extension.size();
  }
  if (!payload.empty()) std::memcpy(p + offset, payload.data(), payload.size());
  offset += payload.size();
  if (extras.padding) {
    std::memset(p + offset, 0, extras.padding);
    offset += extras.padding;
    p[offset - 1] = extras.padding;
  }
  return offset;
}

std::uint64_t RtpParseCounters::rejected() const {
  std::uint64_t total = 0;
  for (std::size_t i = 1; i < by_reason.size(); ++i) total += by_reason[i];
  return total;
}

}  // namespace dialer::media
