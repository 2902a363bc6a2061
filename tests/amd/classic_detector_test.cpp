#include "dialer/amd/classic_detector.h"

#include <gtest/gtest.h>

#include "tests/amd/synth.h"

namespace dialer::amd {
namespace {

using namespace test;

Run classic(const Pcm& pcm, ClassicParams params = {}) {
  ClassicDetector detector(params, Duration{4000});
  return run(detector, pcm);
}

TEST(ClassicDetectorTest, ShortHelloThenSilenceIsHumanAfterGreetingSilence) {
  auto r = classic(concat({silence(400), speech(500), silence(2000)}));
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->verdict, AmdVerdict::kHuman);
  EXPECT_EQ(r.decision->cause, AmdCause::kAfterGreetingSilence);
  EXPECT_EQ(r.decision->figures, "silence=800ms>=800ms");
  EXPECT_EQ(r.decision->decided_at.count(), 400 + 500 + 800);
}

TEST(ClassicDetectorTest, LongGreetingIsMachineWithTheFiguresThatDecided) {
  auto r = classic(concat({silence(400), speech(2500), silence(500)}));
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->verdict, AmdVerdict::kMachine);
  EXPECT_EQ(r.decision->cause, AmdCause::kLongGreeting);
  EXPECT_EQ(r.decision->figures, "greeting=1500ms>=1500ms");
  EXPECT_EQ(r.decision->describe(), "MACHINE GREETING_LONG greeting=1500ms>=1500ms at 1900ms");
}

TEST(ClassicDetectorTest, ThirdWordIsMaxWords) {
  auto r = classic(concat({silence(300), speech(200), silence(100), speech(200), silence(100),
                           speech(200), silence(100), speech(200), silence(1000)}));
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->cause, AmdCause::kMaxWords);
  EXPECT_EQ(r.decision->figures, "words=3>2");
}

TEST(ClassicDetectorTest, OneLongWordIsMaxWordLength) {
  ClassicParams params;
  params.greeting = Duration{5000};
  params.max_word_length = Duration{1200};
  auto r = classic(concat({silence(300), speech(2000), silence(500)}), params);
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->cause, AmdCause::kMaxWordLength);
  EXPECT_EQ(r.decision->figures, "word=1200ms>=1200ms");
}

TEST(ClassicDetectorTest, InitialSilenceIsNotSureNeverMachine) {
  auto r = classic(silence(4000));
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->verdict, AmdVerdict::kNotSure);
  EXPECT_EQ(r.decision->cause, AmdCause::kInitialSilence);
  EXPECT_EQ(r.decision->decided_at.count(), 2500);
}

TEST(ClassicDetectorTest, StopsAtTheAnalysisLimit) {
  // Bursts too short to be words keep resetting the initial-silence timer.
  Pcm pcm;
  for (int i = 0; i < 30; ++i) pcm = concat({pcm, speech(60), silence(140)});
  auto r = classic(pcm);
  ASSERT_TRUE(r.decision);
  EXPECT_EQ(r.decision->verdict, AmdVerdict::kNotSure);
  EXPECT_EQ(r.decision->cause, AmdCause::kTooLong);
  EXPECT_EQ(r.decision->decided_at.count(), 4000);
}

TEST(ClassicDetectorTest, NoiseAboveTheFixedThresholdHidesTheEndOfAGreeting) {
  // The baseline's known weakness: -40 dBFS noise is "voice" to a 256 mean-abs threshold.
  auto r = classic(with_noise(concat({silence(400), speech(500), silence(3000)}), -38));
  ASSERT_TRUE(r.decision);
  EXPECT_NE(r.decision->verdict, AmdVerdict::kHuman);
}

}  // namespace
}  // namespace dialer::amd
