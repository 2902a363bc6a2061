#include "dialer/amd/tone_detector.h"

#include <gtest/gtest.h>

#include "tests/amd/synth.h"

namespace dialer::amd {
namespace {

using namespace test;

int count(const std::vector<ToneEvent>& events, ToneKind kind) {
  return static_cast<int>(std::count_if(events.begin(), events.end(),
                                        [kind](const ToneEvent& e) { return e.kind == kind; }));
}

TEST(ToneDetectorTest, ReportsBeepOnsetAtSeveralFrequencies) {
  for (double hz : {440.0, 700.0, 850.0, 1000.0, 1400.0, 1950.0}) {
    auto events = tones_of(concat({silence(500), tone({hz}, 300), silence(500)}));
    ASSERT_EQ(count(events, ToneKind::kBeep), 1) << hz;
    EXPECT_NEAR(events[0].onset.count(), 500, 40) << hz;
    EXPECT_NEAR(events[0].frequency_hz, hz, 10) << hz;
    EXPECT_LE(events[0].detected_at.count(), 500 + 200) << hz;
  }
}

TEST(ToneDetectorTest, IgnoresTonesShorterThanTheMinimumOrOutsideTheBand) {
  EXPECT_TRUE(tones_of(concat({silence(200), tone({1000}, 100), silence(300)})).empty());
  EXPECT_EQ(
      count(tones_of(concat({silence(200), tone({2600}, 400), silence(300)})), ToneKind::kBeep), 0);
  EXPECT_EQ(
      count(tones_of(concat({silence(200), tone({330}, 400), silence(300)})), ToneKind::kBeep), 0);
}

TEST(ToneDetectorTest, BeepSurvivesNoiseAndOneLostFrame) {
  Pcm pcm = concat({silence(300), tone({850}, 400, -18), silence(400)});
  std::fill(pcm.begin() + 8 * 500, pcm.begin() + 8 * 520, 0);  // a lost 20 ms frame
  auto events = tones_of(with_noise(pcm, -45));
  ASSERT_EQ(count(events, ToneKind::kBeep), 1);
  EXPECT_NEAR(events[0].onset.count(), 300, 40);
}

TEST(ToneDetectorTest, LowBeepFrequencyIsNotBiasedByNoise) {
  // 440 Hz at about 20 dB SNR: a plain lag-1 estimate would read ~20 Hz high and lose purity.
  auto events =
      tones_of(with_noise(concat({silence(300), tone({440}, 400, -25), silence(300)}), -45));
  ASSERT_EQ(count(events, ToneKind::kBeep), 1);
  EXPECT_NEAR(events[0].frequency_hz, 440, 4);
}

TEST(ToneDetectorTest, RingbackIsRecognisedAndNeverABeep) {
  for (auto pair : {std::pair{440.0, 480.0}, std::pair{400.0, 450.0}}) {
    auto events =
        tones_of(concat({silence(200), tone({pair.first, pair.second}, 2000, -14), silence(500)}));
    EXPECT_EQ(count(events, ToneKind::kRingback), 1) << pair.first;
    EXPECT_EQ(count(events, ToneKind::kBeep), 0) << pair.first;
  }
}

TEST(ToneDetectorTest, SitIsRecognisedAndNeverABeep) {
  for (auto seq : {std::array{913.8, 1370.6, 1776.7}, std::array{985.2, 1428.5, 1776.7}}) {
    auto events = tones_of(concat({silence(300), tone({seq[0]}, 274), tone({seq[1]}, 274),
                                   tone({seq[2]}, 380), silence(600)}));
    ASSERT_EQ(count(events, ToneKind::kSit), 1) << seq[0];
    EXPECT_EQ(count(events, ToneKind::kBeep), 0) << seq[0];
    EXPECT_NEAR(events[0].onset.count(), 300, 40);
  }
}

TEST(ToneDetectorTest, FaxCallingToneIsRecognisedAndNeverABeep) {
  auto events = tones_of(
      concat({silence(300), tone({1100}, 500), silence(3000), tone({1100}, 500), silence(300)}));
  EXPECT_EQ(count(events, ToneKind::kFaxCng), 2);
  EXPECT_EQ(count(events, ToneKind::kBeep), 0);
}

TEST(ToneDetectorTest, ToneInASitBandWithoutFollowUpIsStillABeep) {
  auto events = tones_of(concat({silence(300), tone({914}, 300), silence(600)}));
  ASSERT_EQ(count(events, ToneKind::kBeep), 1);
  EXPECT_NEAR(events[0].onset.count(), 300, 40);
}

TEST(ToneDetectorTest, SpeechIsNeitherToneNorBeep) {
  ToneDetector detector;
  Pcm pcm = with_noise(speech(3000), -50);
  int tonal = 0;
  for (std::size_t i = 0; i + kFrameSamples <= pcm.size(); i += kFrameSamples) {
    EXPECT_FALSE(detector.feed(Duration{static_cast<std::int64_t>(i / 8)},
                               std::span<const std::int16_t>(pcm.data() + i, kFrameSamples)));
    tonal += detector.frame_is_tone() ? 1 : 0;
  }
  EXPECT_LE(tonal, 3);
}

}  // namespace
}  // namespace dialer::amd
