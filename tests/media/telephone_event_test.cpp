#include "dialer/media/codec/telephone_event.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dialer::media {
namespace {

std::array<std::uint8_t, 4> ev(std::uint8_t code, bool end, std::uint16_t duration) {
  return build_telephone_event({code, end, 10, duration});
}

TEST(TelephoneEventTest, ParseAndBuildRoundTrip) {
  const auto bytes = build_telephone_event({11, true, 63, 800});
  EXPECT_EQ(bytes[0], 11);
  EXPECT_EQ(bytes[1], 0x80 | 63);
  const auto e = parse_telephone_event(bytes);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->event, 11);
  EXPECT_TRUE(e->end);
  EXPECT_EQ(e->volume, 63);
  EXPECT_EQ(e->duration, 800);
  EXPECT_FALSE(parse_telephone_event(std::span<const std::uint8_t>(bytes.data(), 3)));
}

TEST(TelephoneEventTest, DigitCodesCoverDtmfAlphabet) {
  EXPECT_EQ(dtmf_event_code('0'), 0);
  EXPECT_EQ(dtmf_event_code('9'), 9);
  EXPECT_EQ(dtmf_event_code('*'), 10);
  EXPECT_EQ(dtmf_event_code('#'), 11);
  EXPECT_EQ(dtmf_event_code('d'), 15);
  EXPECT_FALSE(dtmf_event_code('x'));
  EXPECT_EQ(dtmf_digit(11), '#');
  EXPECT_FALSE(dtmf_digit(16));
}

TEST(DtmfDetectorTest, ReportsDigitOnceOnEndDespiteRetransmittedEnds) {
  DtmfDetector d;
  std::string got;
  got += d.on_packet(1000, ev(4, false, 160));
  got += d.on_packet(1000, ev(4, false, 320));
  EXPECT_EQ(got, "");  // not before the end bit
  got += d.on_packet(1000, ev(4, true, 800));
  got += d.on_packet(1000, ev(4, true, 800));
  got += d.on_packet(1000, ev(4, true, 800));
  EXPECT_EQ(got, "4");
  EXPECT_EQ(d.counters().digits, 1u);
  EXPECT_EQ(d.counters().repeated_end_packets, 2u);
}

TEST(DtmfDetectorTest, SameDigitTwiceIsTwoEventsByTimestamp) {
  DtmfDetector d;
  std::string got;
  for (const std::uint32_t ts : {1000u, 3000u}) {
    got += d.on_packet(ts, ev(2, false, 160));
    got += d.on_packet(ts, ev(2, true, 800));
    got += d.on_packet(ts, ev(2, true, 800));
  }
  EXPECT_EQ(got, "22");
}

TEST(DtmfDetectorTest, DigitWhoseEndPacketsAreAllLostIsReportedWhenNextBegins) {
  DtmfDetector d;
  std::string got;
  got += d.on_packet(1000, ev(1, false, 160));
  got += d.on_packet(3000, ev(5, false, 160));
  EXPECT_EQ(got, "1");
  got += d.on_packet(3000, ev(5, true, 800));
  EXPECT_EQ(got, "15");
  EXPECT_EQ(d.counters().missing_end, 1u);
}

TEST(DtmfDetectorTest, EndOnlyEventAfterUnfinishedOneYieldsBoth) {
  DtmfDetector d;
  (void)d.on_packet(1000, ev(1, false, 160));
  EXPECT_EQ(d.on_packet(3000, ev(9, true, 800)), "19");
}

TEST(DtmfDetectorTest, MalformedAndNonDtmfEventsAreCounted) {
  DtmfDetector d;
  const std::array<std::uint8_t, 2> short_payload{1, 2};
  EXPECT_EQ(d.on_packet(1, short_payload), "");
  EXPECT_EQ(d.on_packet(2, ev(32, true, 800)), "");  // fax tone event
  EXPECT_EQ(d.counters().malformed, 1u);
  EXPECT_EQ(d.counters().unsupported_events, 1u);
}

TEST(DtmfSenderTest, GeneratesMarkedStartGrowingDurationAndThreeEnds) {
  DtmfSender s({100, 40, 10, 3});
  EXPECT_EQ(s.queue("7x"), 1u);
  std::vector<OutgoingEventPacket> pkts;
  while (auto p = s.next_tick()) pkts.push_back(*p);
  // 100 ms = 800 samples: 160..800 in 5 ticks, the last one is the first end, then 2 repeats.
  ASSERT_EQ(pkts.size(), 7u);
  EXPECT_TRUE(pkts[0].marker);
  EXPECT_TRUE(pkts[0].first_of_event);
  EXPECT_FALSE(pkts[1].marker);
  std::uint16_t last = 0;
  int ends = 0;
  for (const auto& p : pkts) {
    const auto e = parse_telephone_event(p.payload);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->event, 7);
    EXPECT_GE(e->duration, last);
    last = e->duration;
    ends += e->end ? 1 : 0;
  }
  EXPECT_EQ(last, 800);
  EXPECT_EQ(ends, 3);
  EXPECT_TRUE(s.busy());  // inter-digit gap
  EXPECT_FALSE(s.next_tick());
  EXPECT_FALSE(s.next_tick());
  EXPECT_FALSE(s.busy());
}

TEST(DtmfSenderTest, SenderOutputDetectsBackAsTheSameDigits) {
  DtmfSender s;
  s.queue("159#*0");
  DtmfDetector d;
  std::string got;
  std::uint32_t ts = 0;
  std::uint32_t event_ts = 0;
  for (int tick = 0; tick < 200; ++tick, ts += 160) {
    if (const auto p = s.next_tick()) {
      if (p->first_of_event) event_ts = ts;
      got += d.on_packet(event_ts, p->payload);
    }
  }
  EXPECT_EQ(got, "159#*0");
  EXPECT_EQ(d.counters().repeated_end_packets, 12u);
}

}  // namespace
}  // namespace dialer::media
