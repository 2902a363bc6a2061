#include "dialer/media/codec/g711.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

namespace dialer::media {
namespace {

TEST(G711Test, TablesMatchTheReferenceForEverySample) {
  for (int s = -32768; s <= 32767; ++s) {
    const auto x = static_cast<std::int16_t>(s);
    ASSERT_EQ(ulaw_encode(x), reference_ulaw_compress(x)) << s;
    ASSERT_EQ(alaw_encode(x), reference_alaw_compress(x)) << s;
  }
  for (int c = 0; c < 256; ++c) {
    const auto code = static_cast<std::uint8_t>(c);
    ASSERT_EQ(ulaw_decode(code), reference_ulaw_expand(code));
    ASSERT_EQ(alaw_decode(code), reference_alaw_expand(code));
  }
}

TEST(G711Test, KnownValues) {
  EXPECT_EQ(ulaw_encode(0), 0xFF);
  EXPECT_EQ(ulaw_decode(0xFF), 0);
  EXPECT_EQ(ulaw_decode(0x80), 32124);
  EXPECT_EQ(ulaw_decode(0x00), -32124);
  EXPECT_EQ(ulaw_encode(32767), 0x80);
  EXPECT_EQ(ulaw_encode(-32768), 0x00);
  EXPECT_EQ(alaw_encode(0), 0xD5);
  EXPECT_EQ(alaw_decode(0xD5), 8);
  EXPECT_EQ(alaw_decode(0x55), -8);
  EXPECT_EQ(alaw_decode(0xAA), 32256);
  EXPECT_EQ(alaw_decode(0x2A), -32256);
  EXPECT_EQ(alaw_encode(32767), 0xAA);
  EXPECT_EQ(g711_silence(G711Law::ulaw), 0xFF);
  EXPECT_EQ(g711_silence(G711Law::alaw), 0xD5);
}

TEST(G711Test, DecodedCodesRoundTripExactly) {
  for (int c = 0; c < 256; ++c) {
    const auto code = static_cast<std::uint8_t>(c);
    // µ-law has two zeros (0x7F and 0xFF); both decode to 0, which encodes to 0xFF.
    if (code != 0x7F) {
      EXPECT_EQ(ulaw_encode(ulaw_decode(code)), code) << c;
    }
    EXPECT_EQ(alaw_encode(alaw_decode(code)), code) << c;
  }
}

TEST(G711Test, QuantisationErrorStaysWithinTheSegmentStep) {
  for (int s = -32000; s <= 32000; s += 7) {
    const auto x = static_cast<std::int16_t>(s);
    const int mag = std::abs(s);
    const int ulaw_err = std::abs(ulaw_decode(ulaw_encode(x)) - s);
    const int alaw_err = std::abs(alaw_decode(alaw_encode(x)) - s);
    // Both laws keep the error under ~1/16 of the magnitude plus the smallest step.
    EXPECT_LE(ulaw_err, mag / 16 + 8) << s;
    EXPECT_LE(alaw_err, mag / 16 + 16) << s;
  }
}

TEST(G711Test, BlockFormsMatchSampleForms) {
  std::vector<std::int16_t> pcm;
  for (int i = 0; i < 160; ++i) pcm.push_back(static_cast<std::int16_t>(i * 397 - 30000));
  for (const auto law : {G711Law::ulaw, G711Law::alaw}) {
    std::vector<std::uint8_t> enc(pcm.size());
    g711_encode(law, pcm, enc.data());
    std::vector<std::int16_t> dec(pcm.size());
    g711_decode(law, enc, dec.data());
    for (std::size_t i = 0; i < pcm.size(); ++i) {
      const auto e = law == G711Law::ulaw ? ulaw_encode(pcm[i]) : alaw_encode(pcm[i]);
      ASSERT_EQ(enc[i], e);
      ASSERT_EQ(dec[i], law == G711Law::ulaw ? ulaw_decode(e) : alaw_decode(e));
    }
  }
}

}  // namespace
}  // namespace dialer::media
