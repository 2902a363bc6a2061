// Loopback tests of the media adapter: real UDP sockets on 127.0.0.1, short real timers,
// bounded waits. Peers are plain UDP sockets standing in for a carrier and an agent phone.
#include "dialer/media/media_engine.h"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <thread>

#include "dialer/common/system_time_source.h"
#include "dialer/media/codec/g711.h"
#include "tests/media/loopback_peer.h"

namespace dialer::media {
namespace {

using namespace std::chrono_literals;
using testing::RecordingEvents;
using testing::UdpPeer;

std::vector<std::uint8_t> pattern(int frame) {
  std::vector<std::uint8_t> p(160);
  auto x = static_cast<std::uint32_t>(frame) * 2654435761u + 12345u;
  for (auto& code : p) {
    x = x * 1664525u + 1013904223u;
    code = static_cast<std::uint8_t>(x >> 24);
    if (code == 0x7F || code == 0xFF) code = 0x7E;  // avoid the two µ-law zeros
  }
  return p;
}

// Payloads of type `pt` that reach `peer` within `window` (the legs send continuously, so the
// collection is bounded by time rather than by silence).
std::vector<std::uint8_t> collect_payload(UdpPeer& peer, std::uint8_t pt,
                                          std::chrono::milliseconds window) {
  std::vector<std::uint8_t> out;
  const auto end = std::chrono::steady_clock::now() + window;
  while (std::chrono::steady_clock::now() < end) {
    const auto d = peer.receive();
    if (!d) break;
    const auto r = parse_rtp(*d);
    if (r.ok() && r.packet.header.payload_type == pt) {
      out.insert(out.end(), r.packet.payload.begin(), r.packet.payload.end());
    }
  }
  return out;
}

int frames_found(const std::vector<std::uint8_t>& stream, int first, int count) {
  int found = 0;
  for (int f = first; f < first + count; ++f) {
    const auto p = pattern(f);
    if (std::search(stream.begin(), stream.end(), p.begin(), p.end()) != stream.end()) ++found;
  }
  return found;
}

class MediaEngineTest : public ::testing::Test {
 protected:
  void SetUp() override { start(MediaEngineConfig{}); }
  void TearDown() override { engine_->stop(); }
  void start(MediaEngineConfig cfg) {
    if (engine_) engine_->stop();
    engine_ = std::make_unique<MediaEngine>(std::move(cfg), events_, clock_);
    engine_->start();
  }
  LegOpened open_answer(const std::string& offer, LegRole role, bool tap = false) {
    auto r = engine_->open_leg_answer({CallId(7), role, tap}, offer);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : LegOpened{};
  }
  // Asks for the leg's counters until they satisfy `ok` (bounded).
  std::optional<LegStats> stats_of(MediaLegId leg, const std::function<bool(const LegStats&)>& ok) {
    for (int i = 0; i < 10; ++i) {
      engine_->request_stats(leg);
      const bool done = events_.wait_for(
          [&] {
            for (auto it = events_.stats.rbegin(); it != events_.stats.rend(); ++it) {
              if (it->first == leg) return ok(it->second);
            }
            return false;
          },
          100ms);
      if (done) break;
    }
    return events_.latest_stats(leg);
  }

  RecordingEvents events_;
  SystemTimeSource clock_;
  std::unique_ptr<MediaEngine> engine_;
};

TEST_F(MediaEngineTest, TwoSessionsExchangeAPromptOverLoopback) {
  auto a = engine_->open_leg_offer({CallId(1), LegRole::customer, false});
  ASSERT_TRUE(a);
  EXPECT_NE(a->sdp.find("m=audio " + std::to_string(a->local_port) + " RTP/AVP 0 8 101"),
            std::string::npos);
  const auto b = open_answer(a->sdp, LegRole::agent, /*tap=*/true);
  ASSERT_TRUE(engine_->apply_answer(a->leg, b.sdp));
  auto prompt = std::make_shared<PromptAudio>();
  for (int i = 0; i < 1600; ++i) {
    prompt->samples.push_back(static_cast<std::int16_t>(8000 * std::cos(i * 0.05)));
  }
  engine_->play(a->leg, prompt);

  auto received_prompt = [&] {
    std::vector<std::int16_t> all;
    for (const auto& f : events_.frames) {
      if (f.leg == b.leg) all.insert(all.end(), f.pcm.begin(), f.pcm.end());
    }
    const auto first = std::find_if(all.begin(), all.end(), [](std::int16_t s) { return s != 0; });
    return std::vector<std::int16_t>(first, all.end());
  };
  ASSERT_TRUE(events_.wait_for([&] { return received_prompt().size() >= 1600; }));
  std::lock_guard lock(events_.mu);
  const auto got = received_prompt();
  for (std::size_t i = 0; i < 1600; ++i) {
    ASSERT_EQ(got[i], ulaw_decode(ulaw_encode(prompt->samples[i]))) << i;
  }
  // Frames come out on media time: consecutive 20 ms steps.
  std::vector<Duration> times;
  for (const auto& f : events_.frames) {
    if (f.leg == b.leg) times.push_back(f.media_time);
  }
  for (std::size_t i = 1; i < times.size(); ++i) EXPECT_EQ(times[i] - times[i - 1], 20ms);
}

TEST_F(MediaEngineTest, BridgeCarriesCustomerAudioToAgentPhoneAndBack) {
  MediaEngineConfig cfg;
  cfg.threads = 2;
  start(cfg);
  UdpPeer carrier, phone;
  const auto c = open_answer(carrier.offer(), LegRole::customer);
  const auto g = open_answer(phone.offer(), LegRole::agent);
  engine_->bridge(c.leg, g.leg);
  ASSERT_TRUE(events_.wait_for([&] { return !events_.bridges.empty(); }));
  EXPECT_EQ(events_.bridges[0].outcome, BridgeOutcome::connected);

  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 40; ++i) {
    std::this_thread::sleep_until(t0 + i * 20ms);
    carrier.send_rtp(c.local_port, 0, static_cast<std::uint16_t>(100 + i), 160u * i, pattern(i));
    phone.send_rtp(g.local_port, 0, static_cast<std::uint16_t>(900 + i), 160u * i,
                   pattern(1000 + i));
  }
  std::this_thread::sleep_for(100ms);
  const auto at_phone = collect_payload(phone, 0, 150ms);
  const auto at_carrier = collect_payload(carrier, 0, 150ms);
  // Allow a few frames lost to the connect tone and start-up; the rest must arrive intact.
  EXPECT_GE(frames_found(at_phone, 0, 40), 30);
  EXPECT_GE(frames_found(at_carrier, 1000, 40), 30);
  EXPECT_EQ(frames_found(at_phone, 1000, 40), 0);  // the agent does not hear itself

  engine_->unbridge(c.leg);
  std::this_thread::sleep_for(60ms);
  (void)collect_payload(phone, 0, 60ms);
  for (int i = 0; i < 5; ++i) {
    carrier.send_rtp(c.local_port, 0, static_cast<std::uint16_t>(200 + i), 160u * (60 + i),
                     pattern(50 + i));
  }
  const auto after = collect_payload(phone, 0, 150ms);
  EXPECT_EQ(frames_found(after, 50, 5), 0);
  EXPECT_TRUE(std::all_of(after.begin(), after.end(), [](std::uint8_t b) { return b == 0xFF; }))
      << "an unbridged agent hears silence";
}

TEST_F(MediaEngineTest, MalformedAndForeignPacketsAreDroppedAndCounted) {
  UdpPeer carrier, stranger;
  const auto c = open_answer(carrier.offer(), LegRole::customer);
  carrier.send_raw(c.local_port, {1, 2, 3, 4, 5});
  carrier.send_raw(c.local_port, {0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1});        // version 1
  carrier.send_raw(c.local_port, {0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1});        // 15 CSRCs
  carrier.send_raw(c.local_port, {0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 9});  // padding
  carrier.send_rtp(c.local_port, 18, 1, 0, pattern(0));                           // G.729
  carrier.send_rtp(c.local_port, 0, 2, 160, pattern(1));
  stranger.send_rtp(c.local_port, 0, 3, 320, pattern(2));
  const auto s = stats_of(c.leg, [](const LegStats& st) { return st.packets_in >= 7; });
  ASSERT_TRUE(s);
  EXPECT_EQ(s->packets_in, 7u);
  EXPECT_EQ(s->malformed.of(RtpParseError::too_short), 1u);
  EXPECT_EQ(s->malformed.of(RtpParseError::bad_version), 1u);
  EXPECT_EQ(s->malformed.of(RtpParseError::csrc_overflow), 1u);
  EXPECT_EQ(s->malformed.of(RtpParseError::bad_padding), 1u);
  EXPECT_EQ(s->unknown_payload_type, 1u);
  EXPECT_EQ(s->wrong_source, 1u);
  EXPECT_EQ(s->sequencer.accepted, 1u);
  EXPECT_TRUE(s->remote_latched);
}

TEST_F(MediaEngineTest, SymmetricRtpLatchesOntoTheRealSource) {
  UdpPeer advertised, actual;
  const auto c = open_answer(advertised.offer(), LegRole::customer);
  ASSERT_TRUE(advertised.receive()) << "before latching, media goes to the SDP address";
  actual.send_rtp(c.local_port, 0, 1, 0, pattern(0));
  std::this_thread::sleep_for(50ms);
  (void)collect_payload(advertised, 0, 60ms);  // drain what was in flight
  EXPECT_TRUE(actual.receive()) << "after latching, media goes to where the remote sends from";
  EXPECT_FALSE(advertised.receive());
}

TEST_F(MediaEngineTest, Abn11MediaStartsTheMessageAtTheDeadlineAndHonoursOptOut) {
  UdpPeer carrier, phone;
  const auto c = open_answer(carrier.offer(), LegRole::customer);
  const auto g = open_answer(phone.offer(), LegRole::agent);
  SafeHarborArm arm;
  arm.answered_at = clock_.now();
  arm.rule.limit = 300ms;  // the legal 2 s shortened for the test; the logic is the same
  arm.message = make_tone("abandon-msg", 440, 200ms);
  engine_->arm_safe_harbor(c.leg, arm);
  ASSERT_TRUE(events_.wait_for([&] { return !events_.safe_harbor.empty(); }));
  const auto started = events_.safe_harbor[0].second;
  EXPECT_GE(started - arm.answered_at, 300ms);
  EXPECT_LT(started - arm.answered_at, 450ms);

  engine_->bridge(c.leg, g.leg);  // an agent freed after the deadline
  ASSERT_TRUE(events_.wait_for([&] { return !events_.bridges.empty(); }));
  EXPECT_EQ(events_.bridges[0].outcome, BridgeOutcome::refused_message_playing);
  EXPECT_TRUE(events_.bridges[0].verdict.abandoned);

  const auto heard = collect_payload(carrier, 0, 300ms);
  EXPECT_GT(std::count_if(heard.begin(), heard.end(), [](std::uint8_t b) { return b != 0xFF; }),
            1000)
      << "the carrier hears the message";
  ASSERT_TRUE(events_.wait_for([&] { return !events_.safe_harbor_finished.empty(); }));

  for (int i = 0; i < 4; ++i) {  // '9' pressed during the message: 1 start, 3 end packets
    const auto ev =
        build_telephone_event({9, i > 0, 10, static_cast<std::uint16_t>(160 * (i + 1))});
    carrier.send_rtp(c.local_port, 101, static_cast<std::uint16_t>(10 + i), 8000,
                     {ev.begin(), ev.end()}, i == 0);
  }
  ASSERT_TRUE(events_.wait_for([&] { return !events_.opt_outs.empty(); }));
  EXPECT_EQ(events_.opt_outs.size(), 1u);
  EXPECT_EQ(events_.opt_outs[0].by - events_.opt_outs[0].at, 1000ms);
  EXPECT_EQ(events_.digits.size(), 1u);
  EXPECT_EQ(events_.digits[0].second, '9');
}

TEST_F(MediaEngineTest, BridgeBeforeTheDeadlineMeansNoMessage) {
  UdpPeer carrier, phone;
  const auto c = open_answer(carrier.offer(), LegRole::customer);
  const auto g = open_answer(phone.offer(), LegRole::agent);
  SafeHarborArm arm;
  arm.answered_at = clock_.now();
  arm.rule.limit = 300ms;
  arm.message = make_tone("abandon-msg", 440, 200ms);
  engine_->arm_safe_harbor(c.leg, arm);
  engine_->bridge(c.leg, g.leg);
  ASSERT_TRUE(events_.wait_for([&] { return !events_.bridges.empty(); }));
  EXPECT_EQ(events_.bridges[0].outcome, BridgeOutcome::connected);
  EXPECT_FALSE(events_.bridges[0].verdict.abandoned);
  EXPECT_FALSE(events_.wait_for([&] { return !events_.safe_harbor.empty(); }, 450ms));
}

TEST_F(MediaEngineTest, DtmfBothWaysHonoursNegotiatedEventType96) {
  UdpPeer phone;
  const auto g =
      open_answer(phone.offer("0 96", "a=rtpmap:96 telephone-event/8000\r\n"), LegRole::agent);
  engine_->send_dtmf(g.leg, "42#");
  DtmfDetector detector;
  std::string got;
  for (int i = 0; i < 200 && got.size() < 3; ++i) {
    const auto d = phone.receive();
    if (!d) break;
    const auto r = parse_rtp(*d);
    ASSERT_TRUE(r.ok());
    ASSERT_NE(r.packet.header.payload_type, 101);
    if (r.packet.header.payload_type == 96) {
      got += detector.on_packet(r.packet.header.timestamp, r.packet.payload);
    }
  }
  EXPECT_EQ(got, "42#");

  for (int i = 0; i < 3; ++i) {
    const auto ev =
        build_telephone_event({5, i > 0, 10, static_cast<std::uint16_t>(400 + 160 * i)});
    phone.send_rtp(g.local_port, 96, static_cast<std::uint16_t>(i), 4000, {ev.begin(), ev.end()});
  }
  ASSERT_TRUE(events_.wait_for([&] { return !events_.digits.empty(); }));
  EXPECT_EQ(events_.digits[0].second, '5');
}

}  // namespace
}  // namespace dialer::media

namespace dialer::media {
namespace {

TEST_F(MediaEngineTest, RecordingHasCustomerLeftAndWhatTheCustomerHeardRight) {
  UdpPeer carrier;
  const auto c = open_answer(carrier.offer(), LegRole::customer);
  const auto path =
      ::testing::TempDir() + "media_engine_rec_" + std::to_string(::getpid()) + ".wav";
  engine_->start_recording(c.leg, path);
  engine_->play(c.leg, make_tone("t", 600, 300ms));
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 15; ++i) {
    std::this_thread::sleep_until(t0 + i * 20ms);
    carrier.send_rtp(c.local_port, 0, static_cast<std::uint16_t>(i), 160u * i, pattern(i));
  }
  engine_->stop_recording(c.leg);
  ASSERT_TRUE(stats_of(c.leg, [](const LegStats& s) { return s.recorded_frames >= 10; }));
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(info.channels, 2);
  EXPECT_EQ(info.samplerate, 8000);
  std::vector<short> data(static_cast<std::size_t>(info.frames) * 2);
  sf_readf_short(f, data.data(), info.frames);
  sf_close(f);
  std::remove(path.c_str());
  std::size_t left_loud = 0, right_loud = 0;
  for (std::size_t i = 0; i + 1 < data.size(); i += 2) {
    left_loud += std::abs(data[i]) > 500 ? 1 : 0;
    right_loud += std::abs(data[i + 1]) > 500 ? 1 : 0;
  }
  EXPECT_GT(left_loud, 1000u) << "the carrier's audio on the left";
  EXPECT_GT(right_loud, 1000u) << "the prompt the customer heard on the right";
}

TEST_F(MediaEngineTest, PortsComeFromTheConfiguredRangeUntilItIsExhausted) {
  MediaEngineConfig cfg;
  cfg.port_min = 47101;  // odd on purpose: RTP uses even ports
  cfg.port_max = 47106;
  start(cfg);
  std::vector<std::uint16_t> ports;
  for (int i = 0; i < 3; ++i) {
    auto leg = engine_->open_leg_offer({});
    ASSERT_TRUE(leg) << leg.error().message;
    ports.push_back(leg->local_port);
  }
  std::sort(ports.begin(), ports.end());
  EXPECT_EQ(ports, (std::vector<std::uint16_t>{47102, 47104, 47106}));
  const auto full = engine_->open_leg_offer({});
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, ErrorCode::io_error);
}

TEST_F(MediaEngineTest, UnknownLegsAndBadSdpAreReportedNotFatal) {
  engine_->play(MediaLegId(999), make_tone("t", 440, 20ms));
  ASSERT_TRUE(events_.wait_for([&] { return !events_.errors.empty(); }));
  EXPECT_EQ(events_.errors[0].second, MediaErrorReason::unknown_leg);
  engine_->bridge(MediaLegId(998), MediaLegId(999));
  ASSERT_TRUE(events_.wait_for([&] { return !events_.bridges.empty(); }));
  EXPECT_EQ(events_.bridges[0].outcome, BridgeOutcome::unknown_leg);
  EXPECT_FALSE(engine_->apply_answer(MediaLegId(999), "v=0\r\n"));
  EXPECT_FALSE(engine_->open_leg_answer({}, "garbage"));
  auto leg = engine_->open_leg_offer({});
  ASSERT_TRUE(leg);
  EXPECT_FALSE(
      engine_->apply_answer(leg->leg, "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5 RTP/AVP 18\r\n"));
  EXPECT_EQ(engine_->open_legs(), 1u);
  engine_->close_leg(leg->leg);
  EXPECT_EQ(engine_->open_legs(), 0u);
}

}  // namespace
}  // namespace dialer::media
