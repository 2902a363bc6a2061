#include "tools/amd/evaluation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dialer::amd::eval {
namespace {

TEST(AmdEvaluationTest, WilsonIntervalMatchesKnownValues) {
  auto zero = wilson(0, 600);
  EXPECT_DOUBLE_EQ(zero.rate, 0);
  EXPECT_NEAR(zero.high, 0.0064, 0.0002);  // close to the rule of three, 3/n
  auto some = wilson(7, 158);
  EXPECT_NEAR(some.rate, 0.0443, 0.0001);
  EXPECT_LT(some.low, some.rate);
  EXPECT_GT(some.high, some.rate);
}

TEST(AmdEvaluationTest, PercentilesUseObservedValues) {
  std::vector<double> v;
  for (int i = 1; i <= 100; ++i) v.push_back(i * 10.0);
  auto p = percentiles(v);
  EXPECT_EQ(p.count, 100U);
  EXPECT_EQ(p.median_ms, 500);
  EXPECT_EQ(p.p95_ms, 950);
  EXPECT_EQ(p.max_ms, 1000);
}

TEST(AmdEvaluationTest, LoadsLabelsWithOptionalColumnsAndRejectsBadRows) {
  auto dir = std::filesystem::temp_directory_path() / "amd_eval_labels_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "labels.csv");
    f << "id,label,first_speech_on,first_speech_off,beep_on,scenario\n"
      << "h1,HUMAN,0.5,1.0,,hello\nm1,MACHINE,0.3,4.2,5.0,tts_greeting\n";
  }
  auto entries = load_labels(dir);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_TRUE((*entries)[0].human);
  EXPECT_FALSE((*entries)[0].beep_on);
  EXPECT_DOUBLE_EQ(*(*entries)[1].beep_on, 5.0);
  EXPECT_EQ((*entries)[1].scenario, "tts_greeting");
  {
    std::ofstream f(dir / "labels.csv");
    f << "id,label,first_speech_on,first_speech_off,beep_on\nx,ROBOT,,,\n";
  }
  EXPECT_FALSE(load_labels(dir).ok());
  std::filesystem::remove_all(dir);
}

TEST(AmdEvaluationTest, SummaryCountsErrorsLatencyAndBeeps) {
  CorpusEntry human{"h1", true, 0.5, 1.0, std::nullopt, std::nullopt, "hello"};
  CorpusEntry machine{"m1", false, 0.3, 4.2, 5.0, 5.5, "tts_greeting"};
  FileOutcome h{
      &human, {AmdVerdict::kHuman, AmdCause::kShortGreeting, Duration{1500}, ""}, {}, 100, 1000};
  FileOutcome m{&machine,
                {AmdVerdict::kMachine, AmdCause::kLongGreeting, Duration{2900}, ""},
                {ToneEvent{ToneKind::kBeep, Duration{5020}, Duration{5180}, 1000}},
                300,
                2000};
  auto r = summarize("cadence", {h, m}, true);
  EXPECT_EQ(r.confusion[0][0], 1U);
  EXPECT_EQ(r.confusion[1][1], 1U);
  EXPECT_EQ(r.human_after_utterance.median_ms, 500);
  EXPECT_EQ(r.beeps_hit, 1U);
  EXPECT_EQ(r.beep_onset_error.max_ms, 20);
  EXPECT_EQ(r.false_beeps, 0U);
  EXPECT_DOUBLE_EQ(r.cpu_ns_per_frame, 7.5);
  EXPECT_TRUE(r.errors.empty());
}

}  // namespace
}  // namespace dialer::amd::eval
