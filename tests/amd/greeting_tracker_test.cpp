#include "dialer/amd/greeting_tracker.h"

#include <gtest/gtest.h>

#include <string>

namespace dialer::amd {
namespace {

// Feeds one flag per 20 ms frame from t = 0: '#' voiced, '.' not voiced.
GreetingTracker track(const std::string& frames) {
  GreetingTracker tracker(3, Duration{200});
  for (std::size_t i = 0; i < frames.size(); ++i) {
    tracker.track(Duration{static_cast<std::int64_t>(20 * i)}, frames[i] == '#');
  }
  return tracker;
}

TEST(GreetingTrackerTest, SpeechStartsOnThreeVoicedFramesOutOfFive) {
  EXPECT_FALSE(track("..#.#......").started());
  auto g = track("..#.##.....");
  ASSERT_TRUE(g.started());
  EXPECT_EQ(g.onset().count(), 40);
  EXPECT_EQ(g.span().count(), 80);
  EXPECT_EQ(g.silence_at(Duration{220}).count(), 100);
}

TEST(GreetingTrackerTest, APauseOfTheSentenceLengthThenSpeechIsASentenceBreak) {
  auto g = track("#####..........#####");  // 200 ms pause
  EXPECT_EQ(g.sentence_breaks(), 1);
  EXPECT_EQ(g.longest_pause().count(), 200);
  EXPECT_EQ(g.span().count(), 400);
}

TEST(GreetingTrackerTest, CommaPausesAndLoneClicksAreNotBreaks) {
  auto g = track("#####.......#####.....#......");  // 140 ms pause, then a one-frame click
  EXPECT_EQ(g.sentence_breaks(), 0);
  EXPECT_EQ(g.longest_pause().count(), 140);
  EXPECT_EQ(g.span().count(), 340);  // the click does not extend the greeting
}

TEST(GreetingTrackerTest, APauseNotYetFollowedBySpeechIsNotABreak) {
  auto g = track("#####.....................");
  EXPECT_EQ(g.sentence_breaks(), 0);
}

}  // namespace
}  // namespace dialer::amd
