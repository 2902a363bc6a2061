#include "dialer/amd/cadence_detector.h"

#include <gtest/gtest.h>

#include "tests/amd/synth.h"

namespace dialer::amd {
namespace {

using namespace test;

Run cadence(const Pcm& pcm, Duration max_analysis = Duration{4000}) {
  CadenceDetector detector(CadenceParams{}, max_analysis);
  return run(detector, pcm);
}

void expect(const Run& r, AmdVerdict verdict, AmdCause cause) {
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->verdict, verdict) << r.decision->describe();
  EXPECT_EQ(r.decision->cause, cause) << r.decision->describe();
}

TEST(CadenceDetectorTest, ShortHelloThenSilenceIsHumanSoonAfterTheGreeting) {
  auto r = cadence(concat({silence(400), speech(500), silence(2500)}));
  expect(r, AmdVerdict::kHuman, AmdCause::kShortGreeting);
  EXPECT_LE(r.decision->decided_at.count() - 900, 650);
  EXPECT_EQ(r.decision->figures.rfind("greeting=", 0), 0U);
}

TEST(CadenceDetectorTest, LongGreetingReadingOnPastASentenceBreakIsMachine) {
  auto r = cadence(concat({silence(400), speech(1500), silence(300), speech(2000), silence(500)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kLongGreeting);
  EXPECT_EQ(r.decision->figures, "greeting=2600ms>=2600ms breaks=1 pause=300ms>=200ms");
  EXPECT_EQ(r.decision->decided_at.count(), 3000);
}

TEST(CadenceDetectorTest, OneUnbrokenPhraseIsMachineOnlyPastTheUnbrokenSpan) {
  // A comma pause (100 ms) is not a sentence break.
  auto r = cadence(concat({silence(400), speech(1600), silence(100), speech(1800), silence(500)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kLongGreeting);
  EXPECT_EQ(r.decision->figures, "greeting=3200ms>=3200ms breaks=0");
  EXPECT_EQ(r.decision->decided_at.count(), 3600);
}

TEST(CadenceDetectorTest, OneLongPhraseStillGoingAtTheLimitIsNotSureNeverMachine) {
  // "Good afternoon Acme Plumbing this is Jenny speaking": a business answer or a voicemail.
  auto r = cadence(concat({silence(1200), speech(3000)}));
  expect(r, AmdVerdict::kNotSure, AmdCause::kUnbrokenGreeting);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
  EXPECT_NE(r.decision->figures.find("breaks=0"), std::string::npos);
}

TEST(CadenceDetectorTest, LongPhraseThatStopsToListenIsNeverMachine) {
  auto r = cadence(concat({silence(300), speech(2900), silence(1500)}));
  ASSERT_TRUE(r.decision);
  EXPECT_NE(r.decision->verdict, AmdVerdict::kMachine) << r.decision->describe();
  EXPECT_EQ(r.decision->cause, AmdCause::kTooLong);
}

TEST(CadenceDetectorTest, LateHelloThatPausesBeforeTheLimitIsHuman) {
  auto r = cadence(concat({silence(3000), speech(600), silence(600)}));
  expect(r, AmdVerdict::kHuman, AmdCause::kShortGreeting);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
  EXPECT_NE(r.decision->figures.find("at limit"), std::string::npos);
}

TEST(CadenceDetectorTest, BeepStartingInTheListeningPauseHoldsTheHumanVerdict) {
  // "Leave a message." then the beep 450 ms later: the pause alone would have said HUMAN at 550 ms.
  auto r =
      cadence(concat({silence(400), speech(900), silence(460), tone({1000}, 400), silence(2000)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kBeep);
  EXPECT_LE(r.decision->decided_at.count(), 400 + 900 + 460 + 250);
}

TEST(CadenceDetectorTest, MediumGreetingThenAListeningPauseIsHuman) {
  auto r = cadence(concat({silence(300), speech(2200), silence(2000)}));
  expect(r, AmdVerdict::kHuman, AmdCause::kGreetingEnded);
}

TEST(CadenceDetectorTest, InitialSilenceIsNotSureAtTheLimitNeverMachine) {
  auto r = cadence(silence(5000));
  expect(r, AmdVerdict::kNotSure, AmdCause::kInitialSilence);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
}

TEST(CadenceDetectorTest, NeverDecidesAfterTheConfiguredLimit) {
  auto r = cadence(concat({silence(1500), speech(2000)}), Duration{2500});
  ASSERT_TRUE(r.decision);
  EXPECT_LE(r.decision->decided_at.count(), 2500);
  EXPECT_EQ(r.decision->verdict, AmdVerdict::kNotSure);
}

TEST(CadenceDetectorTest, GreetingWithASentenceBreakStillGoingAtTheLimitIsMachine) {
  auto r = cadence(concat({silence(1600), speech(1000), silence(300), speech(1500)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kLongGreeting);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
  EXPECT_NE(r.decision->figures.find("at limit"), std::string::npos);
}

TEST(CadenceDetectorTest, ShortSpeechStartedEarlyAndCutByTheLimitIsNotSureTooLong) {
  auto r = cadence(concat({silence(1500), speech(600), silence(300), speech(1200)}));
  expect(r, AmdVerdict::kNotSure, AmdCause::kTooLong);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
}

TEST(CadenceDetectorTest, LateSpeechStillGoingAtTheLimitIsASlowAnswerer) {
  auto r = cadence(concat({silence(3000), speech(1200)}));
  expect(r, AmdVerdict::kHuman, AmdCause::kSlowAnswer);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
  EXPECT_EQ(r.decision->figures.rfind("onset=3000ms>=2000ms", 0), 0U);
}

TEST(CadenceDetectorTest, MissingAudioCountsAsSilenceUpToTheDeadline) {
  CadenceDetector detector(CadenceParams{}, Duration{4000});
  Pcm hello = concat({silence(400), speech(400)});
  for (std::size_t i = 0; i + kFrameSamples <= hello.size(); i += kFrameSamples) {
    detector.feed({Duration{static_cast<std::int64_t>(i / 8)},
                   std::span<const std::int16_t>(hello.data() + i, kFrameSamples)});
  }
  auto decision = detector.advance(Duration{2000});  // RTP stopped (silence suppression)
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->verdict, AmdVerdict::kHuman);
  EXPECT_LT(decision->decided_at.count(), 2000);
}

TEST(CadenceDetectorTest, BeepOnlyVoicemailIsMachine) {
  auto r = cadence(concat({silence(900), tone({1000}, 500), silence(2000)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kBeep);
  EXPECT_LE(r.decision->decided_at.count(), 900 + 250);
}

TEST(CadenceDetectorTest, SitIsMachine) {
  auto r = cadence(concat({silence(300), tone({913.8}, 274), tone({1370.6}, 274),
                           tone({1776.7}, 380), silence(300), speech(2000)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kSit);
}

TEST(CadenceDetectorTest, FaxCallingToneIsMachine) {
  auto r = cadence(concat({silence(300), tone({1100}, 500), silence(3200)}));
  expect(r, AmdVerdict::kMachine, AmdCause::kFax);
}

TEST(CadenceDetectorTest, RingbackAfterAnswerIsNotSpeech) {
  auto r = cadence(concat({tone({440, 480}, 1800, -14), silence(500), speech(450), silence(2000)}));
  expect(r, AmdVerdict::kHuman, AmdCause::kShortGreeting);
  EXPECT_TRUE(std::any_of(r.tones.begin(), r.tones.end(),
                          [](const ToneEvent& e) { return e.kind == ToneKind::kRingback; }));
}

TEST(CadenceDetectorTest, HelloOnANoisyLineIsHuman) {
  auto r = cadence(with_noise(concat({silence(500), speech(500, -15), silence(2500)}), -40));
  expect(r, AmdVerdict::kHuman, AmdCause::kShortGreeting);
}

TEST(CadenceDetectorTest, LostFramesInsideAWordDoNotEndTheGreeting) {
  CadenceDetector detector(CadenceParams{}, Duration{4000});
  Pcm pcm = concat({silence(400), speech(3400), silence(200)});
  for (std::size_t i = 0; i + kFrameSamples <= pcm.size(); i += kFrameSamples) {
    if ((i / kFrameSamples) % 10 == 5) continue;  // 10 % loss: the frame never arrives
    detector.feed({Duration{static_cast<std::int64_t>(i / 8)},
                   std::span<const std::int16_t>(pcm.data() + i, kFrameSamples)});
  }
  ASSERT_TRUE(detector.decision());
  EXPECT_EQ(detector.decision()->cause, AmdCause::kLongGreeting);
}

TEST(AmdDetectorFactoryTest, BuildsEitherAlgorithmAndRejectsBadConfig) {
  AmdConfig config;
  EXPECT_EQ((*make_detector(config))->name(), "cadence");
  config.algorithm = *parse_algorithm("classic");
  EXPECT_EQ((*make_detector(config))->name(), "classic");
  EXPECT_FALSE(parse_algorithm("neural").ok());
  config.max_analysis = Duration{100};
  config.cadence.short_silence = Duration{0};
  auto bad = make_detector(config);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("max_analysis"), std::string::npos);
  EXPECT_NE(bad.error().message.find("silences"), std::string::npos);
}

TEST(AmdCauseCountersTest, CountsEveryDecisionByCause) {
  AmdCauseCounters counters;
  counters.count({AmdVerdict::kHuman, AmdCause::kShortGreeting, Duration{900}, ""});
  counters.count({AmdVerdict::kHuman, AmdCause::kShortGreeting, Duration{800}, ""});
  counters.count({AmdVerdict::kMachine, AmdCause::kBeep, Duration{1800}, ""});
  EXPECT_EQ(counters.of(AmdCause::kShortGreeting), 2U);
  EXPECT_EQ(counters.of(AmdCause::kBeep), 1U);
  EXPECT_EQ(counters.total(), 3U);
}

}  // namespace
}  // namespace dialer::amd
