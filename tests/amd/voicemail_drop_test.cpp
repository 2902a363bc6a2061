#include "dialer/amd/voicemail_drop.h"

#include <gtest/gtest.h>

#include "tests/amd/synth.h"

namespace dialer::amd {
namespace {

using namespace test;

// Feeds `pcm` as the audio following a MACHINE verdict at `verdict_ms`; returns the first
// decision that is not "wait".
DropDecision drop(VoicemailDropPolicy& policy, const Pcm& pcm, int verdict_ms) {
  for (std::size_t i = 0; i + kFrameSamples <= pcm.size(); i += kFrameSamples) {
    auto d = policy.feed({Duration{verdict_ms + static_cast<std::int64_t>(i / 8)},
                          std::span<const std::int16_t>(pcm.data() + i, kFrameSamples)});
    if (d.action != DropAction::kWait) return d;
  }
  return policy.advance(Duration{verdict_ms + static_cast<std::int64_t>(pcm.size() / 8)});
}

TEST(VoicemailDropPolicyTest, HangUpPolicyHangsUpAtOnce) {
  VoicemailDropParams params;
  params.on_machine = OnMachine::kHangUp;
  VoicemailDropPolicy policy(params, Duration{2600});
  auto d = policy.start();
  EXPECT_EQ(d.action, DropAction::kHangUpNow);
  EXPECT_EQ(d.reason, DropReason::kHangUpPolicy);
  EXPECT_EQ(d.at.count(), 2600);
}

TEST(VoicemailDropPolicyTest, PlaysTheMessageWhenTheBeepEnds) {
  VoicemailDropPolicy policy({}, Duration{2600});
  EXPECT_EQ(policy.start().action, DropAction::kWait);
  auto d =
      drop(policy, concat({speech(2000), silence(600), tone({1000}, 500), silence(2000)}), 2600);
  EXPECT_EQ(d.action, DropAction::kPlayMessageNow);
  EXPECT_EQ(d.reason, DropReason::kBeepEnded);
  // On a digitally silent line the end is confirmed after the lost-packet allowance (60 ms).
  EXPECT_NEAR(d.at.count(), 2600 + 3100 + 60, 40);
  EXPECT_EQ(d.figures.rfind("beep onset=", 0), 0U);
}

TEST(VoicemailDropPolicyTest, PlaysAfterTheGreetingEndsWhenNoBeepComes) {
  VoicemailDropParams params;
  params.greeting_end_silence = Duration{1200};
  VoicemailDropPolicy policy(params, Duration{2600});
  auto d = drop(policy, concat({speech(1500), silence(3000)}), 2600);
  EXPECT_EQ(d.action, DropAction::kPlayMessageNow);
  EXPECT_EQ(d.reason, DropReason::kGreetingEnded);
  EXPECT_NEAR(d.at.count(), 2600 + 1500 + 1200, 60);
}

TEST(VoicemailDropPolicyTest, NeverWaitsLongerThanTheMaximum) {
  VoicemailDropParams params;
  params.max_wait = Duration{3000};
  params.play_on_timeout = false;
  VoicemailDropPolicy policy(params, Duration{2000});
  Pcm talk;
  for (int i = 0; i < 15; ++i) talk = concat({talk, speech(300), silence(100)});
  auto d = drop(policy, talk, 2000);
  EXPECT_EQ(d.action, DropAction::kHangUpNow);
  EXPECT_EQ(d.reason, DropReason::kMaxWait);
  EXPECT_EQ(d.at.count(), 5000);
}

TEST(VoicemailDropPolicyTest, WaitsForTheEndOfABeepTheDetectorAlreadySaw) {
  ToneEvent beep{ToneKind::kBeep, Duration{1000}, Duration{1160}, 850};
  VoicemailDropPolicy policy({}, Duration{1180}, beep);
  EXPECT_EQ(policy.start().ask_again_at.count(), 1180 + 20000);
  auto d = drop(policy, concat({tone({850}, 320), silence(2000)}), 1180);
  EXPECT_EQ(d.reason, DropReason::kBeepEnded);
  EXPECT_NEAR(d.at.count(), 1500 + 60, 40);
}

TEST(VoicemailDropPolicyTest, RingbackIsNotTakenForTheBeep) {
  VoicemailDropParams params;
  params.greeting_end_silence = Duration{5000};
  params.max_wait = Duration{4000};
  VoicemailDropPolicy policy(params, Duration{0});
  auto d = drop(policy, tone({440, 480}, 4000, -14), 0);
  EXPECT_EQ(d.reason, DropReason::kMaxWait);
}

}  // namespace
}  // namespace dialer::amd
