#include "dialer/media/codec/rtp_packet.h"

#include <gtest/gtest.h>

#include <vector>

namespace dialer::media {
namespace {

RtpHeader sample_header() {
  RtpHeader h;
  h.marker = true;
  h.payload_type = 8;
  h.sequence = 0xBEEF;
  h.timestamp = 0x01020304;
  h.ssrc = 0xCAFEBABE;
  return h;
}

TEST(RtpPacketTest, BuildThenParseRoundTripsEveryField) {
  RtpHeader h = sample_header();
  h.csrc_count = 2;
  h.csrc[0] = 11;
  h.csrc[1] = 22;
  h.has_extension = true;
  h.extension_profile = 0xBEDE;
  const std::vector<std::uint8_t> ext{1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<std::uint8_t> payload(160, 0x55);
  std::vector<std::uint8_t> buf(kMaxRtpPacket);
  const auto n = build_rtp(h, payload, buf, {ext, 4});
  ASSERT_EQ(n, 12u + 8 + 4 + 8 + 160 + 4);
  const auto r = parse_rtp({buf.data(), n});
  ASSERT_TRUE(r.ok()) << to_string(r.error);
  const auto& p = r.packet;
  EXPECT_TRUE(p.header.marker);
  EXPECT_EQ(p.header.payload_type, 8);
  EXPECT_EQ(p.header.sequence, 0xBEEF);
  EXPECT_EQ(p.header.timestamp, 0x01020304u);
  EXPECT_EQ(p.header.ssrc, 0xCAFEBABEu);
  EXPECT_EQ(p.header.csrc_count, 2);
  EXPECT_EQ(p.header.csrc[1], 22u);
  EXPECT_EQ(p.header.extension_profile, 0xBEDE);
  EXPECT_EQ(std::vector<std::uint8_t>(p.extension.begin(), p.extension.end()), ext);
  EXPECT_EQ(p.padding, 4);
  EXPECT_EQ(std::vector<std::uint8_t>(p.payload.begin(), p.payload.end()), payload);
}

TEST(RtpPacketTest, BuildRefusesTooSmallBuffer) {
  std::vector<std::uint8_t> buf(20);
  const std::vector<std::uint8_t> payload(160, 0);
  EXPECT_EQ(build_rtp(sample_header(), payload, buf), 0u);
}

struct MalformedCase {
  const char* name;
  std::vector<std::uint8_t> bytes;
  RtpParseError expected;
};

std::vector<std::uint8_t> header_bytes(std::uint8_t b0) {
  return {b0, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 7};
}

TEST(RtpPacketTest, MalformedPacketsGiveTypedReasons) {
  std::vector<MalformedCase> cases;
  cases.push_back({"empty", {}, RtpParseError::too_short});
  cases.push_back({"eleven bytes", std::vector<std::uint8_t>(11, 0x80), RtpParseError::too_short});
  cases.push_back({"version 0", header_bytes(0x00), RtpParseError::bad_version});
  cases.push_back({"version 1", header_bytes(0x40), RtpParseError::bad_version});
  cases.push_back({"version 3", header_bytes(0xC0), RtpParseError::bad_version});
  cases.push_back({"15 csrcs, none present", header_bytes(0x8F), RtpParseError::csrc_overflow});
  auto two_csrc_one_present = header_bytes(0x82);
  two_csrc_one_present.insert(two_csrc_one_present.end(), {0, 0, 0, 1});
  cases.push_back({"csrc cut", two_csrc_one_present, RtpParseError::csrc_overflow});
  cases.push_back({"ext header missing", header_bytes(0x90), RtpParseError::extension_overflow});
  auto ext_long = header_bytes(0x90);
  ext_long.insert(ext_long.end(), {0xBE, 0xDE, 0xFF, 0xFF, 1, 2, 3, 4});
  cases.push_back({"ext length overflow", ext_long, RtpParseError::extension_overflow});
  auto pad_zero = header_bytes(0xA0);
  pad_zero.insert(pad_zero.end(), {1, 2, 3, 0});
  cases.push_back({"padding count 0", pad_zero, RtpParseError::bad_padding});
  auto pad_big = header_bytes(0xA0);
  pad_big.insert(pad_big.end(), {1, 2, 3, 9});
  cases.push_back({"padding past payload", pad_big, RtpParseError::bad_padding});
  auto pad_into_header = header_bytes(0xA0);
  pad_into_header.back() = 12;  // last header byte claims 12 bytes of padding
  cases.push_back({"padding into header", pad_into_header, RtpParseError::bad_padding});

  RtpParseCounters counters;
  for (const auto& c : cases) {
    const auto r = parse_rtp(c.bytes);
    EXPECT_EQ(r.error, c.expected) << c.name << ": got " << to_string(r.error);
    counters.count(r.error);
  }
  EXPECT_EQ(counters.rejected(), cases.size());
  EXPECT_EQ(counters.of(RtpParseError::bad_padding), 3u);
  EXPECT_EQ(counters.of(RtpParseError::bad_version), 3u);
}

TEST(RtpPacketTest, PaddingThatFillsThePayloadLeavesItEmpty) {
  auto b = header_bytes(0xA0);
  b.insert(b.end(), {0, 0, 0, 4});
  const auto r = parse_rtp(b);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.packet.payload.empty());
}

TEST(RtpPacketTest, EveryTruncationOfAValidPacketParsesOrFailsCleanly) {
  RtpHeader h = sample_header();
  h.csrc_count = 3;
  const std::vector<std::uint8_t> ext(12, 9);
  const std::vector<std::uint8_t> payload(40, 1);
  std::vector<std::uint8_t> buf(kMaxRtpPacket);
  const auto n = build_rtp(h, payload, buf, {ext, 3});
  ASSERT_GT(n, 0u);
  for (std::size_t len = 0; len <= n; ++len) {
    const auto r = parse_rtp({buf.data(), len});
    if (r.ok()) {
      EXPECT_LE(r.packet.payload.data() + r.packet.payload.size(), buf.data() + len);
    }
  }
  // Pseudo-random bytes after a valid first octet: never reads outside the buffer.
  std::uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::uint8_t> junk(1 + (i % 64));
    for (auto& b : junk) {
      x = x * 1664525u + 1013904223u;
      b = static_cast<std::uint8_t>(x >> 24);
    }
    junk[0] = static_cast<std::uint8_t>(0x80 | (junk[0] & 0x3F));
    const auto r = parse_rtp(junk);
    if (r.ok()) {
      EXPECT_LE(r.packet.payload.data() + r.packet.payload.size(), junk.data() + junk.size());
    }
  }
}

}  // namespace
}  // namespace dialer::media
