// Whole calls through the IVR on dialer/common's SimulatedClock, driven the way the engine will
// drive it: SetTimer arms a clock timer that calls tick(), every prompt takes two seconds and then
// reports its end, the caller presses keys at scripted times, and a fake lookup port answers
// after a delay. The transcript records when each action happened.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "dialer/common/simulated_clock.h"
#include "tests/inbound/ivr_fixture.h"

namespace dialer::inbound::testing {
namespace {

using ::testing::ElementsAre;

constexpr Duration kPromptLength = 2s;

class SimulatedCall {
 public:
  SimulatedCall(std::shared_ptr<const InboundConfig> config, TimePoint start)
      : clock_(start), base_(start), session_(std::move(config)) {}

  void dial(const std::string& did, Duration lookup_delay = 500ms) {
    lookup_delay_ = lookup_delay;
    carry_out(session_.start(CallStart{did, kCaller}, clock_.now()));
  }
  // The caller presses `keys` one per second, starting `at` after the call started.
  void press_at(Duration at, const std::string& keys) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const char key = keys[i];
      clock_.schedule_at(base_ + at + std::chrono::seconds{i},
                         [this, key] { carry_out(session_.digit(key, clock_.now())); });
    }
  }
  void run() { clock_.run_until_idle(1000); }

  [[nodiscard]] const std::vector<std::string>& transcript() const { return transcript_; }
  [[nodiscard]] const IvrSession& session() const { return session_; }
  std::map<std::string, LeadId> accounts;  // the lookup port's customers

 private:
  void carry_out(const IvrActions& actions) {
    for (const auto& action : actions) {
      transcript_.push_back(at() + describe(action, base_));
      if (const auto* play = std::get_if<PlayPrompt>(&action)) {
        const std::uint32_t id = play->id;
        clock_.schedule_at(clock_.now() + kPromptLength,
                           [this, id] { carry_out(session_.prompt_finished(id, clock_.now())); });
      } else if (const auto* timer = std::get_if<SetTimer>(&action)) {
        if (timer_) clock_.cancel(*timer_);
        timer_ = clock_.schedule_at(timer->at, [this] {
          timer_.reset();
          carry_out(session_.tick(clock_.now()));
        });
      } else if (std::holds_alternative<ClearTimer>(action)) {
        if (timer_) clock_.cancel(*timer_);
        timer_.reset();
      } else if (const auto* lookup = std::get_if<LookupRequest>(&action)) {
        const auto found = accounts.find(lookup->value);
        const LookupResult result{found != accounts.end(),
                                  found != accounts.end() ? found->second : LeadId{}};
        const std::uint32_t id = lookup->id;
        clock_.schedule_at(clock_.now() + lookup_delay_, [this, id, result] {
          carry_out(session_.lookup_result(id, result, clock_.now()));
        });
      }
    }
  }
  std::string at() const {
    const auto ms = (clock_.now() - base_).count();
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + "s ";
  }

  SimulatedClock clock_;
  TimePoint base_;
  IvrSession session_;
  std::optional<TimerId> timer_;
  Duration lookup_delay_{500};
  std::vector<std::string> transcript_;
};

std::shared_ptr<const InboundConfig> config() {
  return std::make_shared<const InboundConfig>(example_config());
}

TEST(IvrSimulatedCallTest, SilentCallerHearsTheMenuThreeTimesThenGoodbye) {
  SimulatedCall call(config(), kOpen);
  call.dial(kMainDid);
  call.run();
  EXPECT_THAT(call.transcript(),
              ElementsAre("0.0s play welcome.wav #1",  //
                          "2.0s collect 1 #", "2.0s play menu.wav #2", "4.0s timer +9s",
                          "9.0s stop collecting", "9.0s play no_input.wav #3",  //
                          "11.0s collect 1 #", "11.0s play menu.wav #4", "13.0s timer +18s",
                          "18.0s stop collecting", "18.0s play no_input.wav #5",  //
                          "20.0s collect 1 #", "20.0s play menu.wav #6", "22.0s timer +27s",
                          "27.0s stop collecting", "27.0s play goodbye.wav #7",  //
                          "29.0s hangup end_of_flow"));
  EXPECT_EQ(call.session().outcome(), IvrOutcome::hung_up);
}

TEST(IvrSimulatedCallTest, KnownCustomerEntersTheAccountAndReachesBilling) {
  SimulatedCall call(config(), kOpen);
  call.accounts["55501"] = LeadId{501};
  call.dial(kMainDid);
  call.press_at(5s, "2");      // after the menu prompt
  call.press_at(8s, "55501");  // one key a second during and after the account prompt
  call.run();
  EXPECT_THAT(
      call.transcript(),
      ElementsAre("0.0s play welcome.wav #1", "2.0s collect 1 #", "2.0s play menu.wav #2",
                  "4.0s timer +9s", "5.0s stop collecting", "5.0s clear timer", "5.0s collect 10 #",
                  "5.0s play account.wav #3", "7.0s timer +15s", "8.0s timer +12s",
                  "9.0s timer +13s", "10.0s timer +14s", "11.0s timer +15s", "12.0s timer +16s",
                  // four seconds after the last key the entry ends
                  "16.0s stop collecting", "16.0s lookup account 55501 #4", "16.0s timer +19s",
                  "16.5s clear timer", "16.5s queue support [billing>=2] p8"));
  EXPECT_EQ(call.session().variables().lead, LeadId{501});
}

TEST(IvrSimulatedCallTest, SlowLookupPortTimesOutAndItsLateAnswerIsIgnored) {
  SimulatedCall call(config(), kOpen);
  call.accounts["1234"] = LeadId{7};
  call.dial(kMainDid, 4s);
  call.press_at(3s, "2");      // barge-in during the menu prompt
  call.press_at(6s, "1234#");  // '#' ends the entry at once
  call.run();
  const auto& t = call.transcript();
  // The answer would come at 14 s; the timeout at 13 s sends the call on without the lead.
  EXPECT_THAT(
      std::vector<std::string>(t.end() - 5, t.end()),
      ElementsAre("10.0s stop collecting", "10.0s clear timer", "10.0s lookup account 1234 #4",
                  "10.0s timer +13s", "13.0s queue support p3"));
  EXPECT_EQ(call.session().outcome(), IvrOutcome::queued);
  EXPECT_TRUE(call.session().variables().lookup_timed_out);
  EXPECT_FALSE(call.session().variables().lead.has_value());
}

}  // namespace
}  // namespace dialer::inbound::testing
