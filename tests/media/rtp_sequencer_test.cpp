#include "dialer/media/codec/rtp_sequencer.h"

#include <gtest/gtest.h>

#include <vector>

namespace dialer::media {
namespace {

class RtpSequencerTest : public ::testing::Test {
 protected:
  void push(std::uint16_t seq, std::uint32_t ssrc = 1, FrameKind kind = FrameKind::audio) {
    RtpHeader h;
    h.sequence = seq;
    h.ssrc = ssrc;
    h.timestamp = static_cast<std::uint32_t>(seq) * 160;
    std::vector<std::uint8_t> payload(kind == FrameKind::audio ? 160 : 4,
                                      static_cast<std::uint8_t>(seq));
    seq_.push(h, payload, 160, kind);
  }
  std::vector<SequencedFrame> drain() {
    std::vector<SequencedFrame> out;
    SequencedFrame f;
    while (seq_.pop(f)) out.push_back(f);
    return out;
  }
  static std::vector<std::uint16_t> seqs(const std::vector<SequencedFrame>& frames) {
    std::vector<std::uint16_t> out;
    for (const auto& f : frames) out.push_back(f.sequence);
    return out;
  }
  RtpSequencer seq_{SequencerConfig{3, 300, 160}};
};

TEST_F(RtpSequencerTest, InOrderPacketsComeOutImmediatelyOnMediaTime) {
  for (std::uint16_t s = 100; s < 105; ++s) push(s);
  const auto out = drain();
  ASSERT_EQ(out.size(), 5u);
  for (std::size_t i = 0; i < out.size(); ++i) {
    EXPECT_EQ(out[i].sequence, 100 + i);
    EXPECT_EQ(out[i].kind, FrameKind::audio);
    EXPECT_EQ(out[i].media_samples, i * 160);
  }
  EXPECT_EQ(seq_.counters().emitted, 5u);
  EXPECT_EQ(seq_.counters().lost, 0u);
}

TEST_F(RtpSequencerTest, SmallReorderIsRepaired) {
  push(1);
  push(3);
  push(2);
  push(4);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{1, 2, 3, 4}));
  EXPECT_EQ(seq_.counters().reordered, 1u);
  EXPECT_EQ(seq_.counters().lost, 0u);
}

TEST_F(RtpSequencerTest, GapBecomesLostFrameOnceReorderBufferIsFull) {
  push(1);
  push(3);
  push(4);
  push(5);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{1}));  // still waiting for 2
  push(6);
  const auto out = drain();
  ASSERT_EQ(seqs(out), (std::vector<std::uint16_t>{2, 3, 4, 5, 6}));
  EXPECT_EQ(out[0].kind, FrameKind::lost);
  EXPECT_EQ(out[0].media_samples, 160u);
  EXPECT_EQ(out[4].media_samples, 5u * 160);
  EXPECT_EQ(seq_.counters().lost, 1u);
  push(2);  // arrives after being given up
  EXPECT_TRUE(drain().empty());
  EXPECT_EQ(seq_.counters().late, 1u);
}

TEST_F(RtpSequencerTest, DuplicatesAreDroppedWhetherHeldOrAlreadyPlayed) {
  push(1);
  push(2);
  push(2);  // already played
  push(4);
  push(4);  // held
  EXPECT_EQ(seq_.counters().duplicate, 2u);
  push(3);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{1, 2, 3, 4}));
}

TEST_F(RtpSequencerTest, SequenceWrapIsContinuous) {
  push(65534);
  push(65535);
  push(0);
  push(1);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{65534, 65535, 0, 1}));
  EXPECT_EQ(seq_.counters().lost + seq_.counters().late + seq_.counters().resyncs, 0u);
}

TEST_F(RtpSequencerTest, SsrcChangeFlushesAndResyncsWithoutLosingMediaTime) {
  push(10, 1);
  push(12, 1);  // 11 missing, held
  push(5000, 2);
  const auto out = drain();
  ASSERT_EQ(seqs(out), (std::vector<std::uint16_t>{10, 11, 12, 5000}));
  EXPECT_EQ(out[1].kind, FrameKind::lost);
  EXPECT_EQ(out[3].ssrc, 2u);
  EXPECT_EQ(out[3].media_samples, 3u * 160);
  EXPECT_EQ(seq_.counters().ssrc_changes, 1u);
  push(5001, 2);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{5001}));
}

TEST_F(RtpSequencerTest, LargeJumpOnSameSsrcResyncs) {
  push(1);
  push(2);
  push(20000);
  push(20001);
  EXPECT_EQ(seqs(drain()), (std::vector<std::uint16_t>{1, 2, 20000, 20001}));
  EXPECT_EQ(seq_.counters().resyncs, 1u);
  EXPECT_EQ(seq_.counters().lost, 0u);
}

TEST_F(RtpSequencerTest, FillerKeepsItsSlotSoEventsAreNotCountedAsLoss) {
  push(1);
  push(2, 1, FrameKind::filler);
  push(3);
  const auto out = drain();
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].kind, FrameKind::filler);
  EXPECT_EQ(seq_.counters().lost, 0u);
}

TEST_F(RtpSequencerTest, OversizedPayloadIsCountedAndDropped) {
  RtpHeader h;
  std::vector<std::uint8_t> big(kMaxFrameBytes + 1, 0);
  seq_.push(h, big, 481);
  EXPECT_EQ(seq_.counters().oversized, 1u);
  EXPECT_TRUE(drain().empty());
}

TEST_F(RtpSequencerTest, FlushReleasesHeldFramesWithGapsAsLost) {
  push(1);
  push(3);
  seq_.flush();
  const auto out = drain();
  ASSERT_EQ(seqs(out), (std::vector<std::uint16_t>{1, 2, 3}));
  EXPECT_EQ(out[1].kind, FrameKind::lost);
}

}  // namespace
}  // namespace dialer::media

namespace dialer::media {
namespace {

// Random loss, local reordering and duplication: whatever happens, the output is every sequence
// number of the span exactly once, in order, each either audio or lost, on gapless media time.
TEST(RtpSequencerPropertyTest, OutputIsGaplessOrderedAndAccountsForEveryPacket) {
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    std::uint32_t x = seed;
    auto rnd = [&x](std::uint32_t mod) {
      x = x * 1664525u + 1013904223u;
      return (x >> 8) % mod;
    };
    std::vector<std::uint16_t> sent;
    const std::uint16_t start = static_cast<std::uint16_t>(65000 + seed);  // crosses the wrap
    for (int i = 0; i < 1000; ++i) {
      const auto s = static_cast<std::uint16_t>(start + i);
      if (rnd(100) < 10) continue;  // lost
      sent.push_back(s);
      if (rnd(100) < 5) sent.push_back(s);  // duplicated
    }
    for (std::size_t i = 0; i + 1 < sent.size(); ++i) {
      if (rnd(100) < 10) std::swap(sent[i], sent[i + 1]);  // reordered by one
    }
    RtpSequencer seq;
    std::vector<SequencedFrame> out;
    SequencedFrame f;
    for (const auto s : sent) {
      RtpHeader h;
      h.ssrc = 9;
      h.sequence = s;
      const std::vector<std::uint8_t> payload(160, 1);
      seq.push(h, payload, 160);
      while (seq.pop(f)) out.push_back(f);
    }
    seq.flush();
    while (seq.pop(f)) out.push_back(f);

    ASSERT_FALSE(out.empty());
    std::uint64_t audio = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      EXPECT_EQ(out[i].media_samples, i * 160) << "seed " << seed;
      if (i > 0) {
        EXPECT_EQ(out[i].sequence, static_cast<std::uint16_t>(out[i - 1].sequence + 1));
      }
      audio += out[i].kind == FrameKind::audio ? 1 : 0;
    }
    const auto& c = seq.counters();
    EXPECT_EQ(audio, c.accepted);
    EXPECT_EQ(out.size(), c.accepted + c.lost);
    EXPECT_EQ(sent.size(), c.accepted + c.duplicate + c.late);
    EXPECT_EQ(c.resyncs + c.ssrc_changes, 0u);
  }
}

}  // namespace
}  // namespace dialer::media
