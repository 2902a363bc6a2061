// 10,000 random sequences of agent and call events (logins, pauses, offers, answers, hang-ups,
// ring-no-answer, overflow, reservations with expiry) on a simulated clock, each on a fresh router
// that checks the whole state after every event: no invariant may ever be violated.
#include <gtest/gtest.h>

#include <array>
#include <vector>

#include "dialer/acd/acd_router.h"
#include "dialer/common/random.h"

namespace dialer::acd {
namespace {

constexpr QueueId kSales{1};
constexpr QueueId kGeneral{2};
constexpr QueueId kCampaign{10};
constexpr int kAgents = 6;

struct Coverage {
  std::array<std::uint64_t, 16> actions{};
  std::uint64_t events = 0;
};

class RandomSequence {
 public:
  RandomSequence(std::uint64_t seed, Coverage& coverage)
      : rng_(seed), coverage_(coverage), acd_(settings()) {
    (void)acd_.add_queue(QueueConfig{kSales,
                                     QueueKind::inbound,
                                     0,
                                     {{SkillId{1}, 3}},
                                     RoutingStrategy::longest_idle,
                                     {OverflowOutcome::to_queue, Duration{20'000}, kGeneral},
                                     1});
    (void)acd_.add_queue(QueueConfig{kGeneral,
                                     QueueKind::inbound,
                                     1,
                                     {},
                                     RoutingStrategy::fewest_calls_today,
                                     {OverflowOutcome::voicemail, Duration{40'000}, {}},
                                     0});
    (void)acd_.add_queue(QueueConfig{kCampaign,
                                     QueueKind::outbound,
                                     0,
                                     {},
                                     RoutingStrategy::longest_idle,
                                     {OverflowOutcome::hang_up, Duration{5'000}, {}},
                                     0});
  }

  void run(int events) {
    for (int i = 0; i < events; ++i) step();
    acd_.check_all_invariants("end of sequence", now_);
    for (const AcdAction& a : acd_.take_actions())
      ++coverage_.actions[static_cast<std::size_t>(a.kind)];
    coverage_.events += static_cast<std::uint64_t>(events);
  }
  const AcdRouter& acd() const { return acd_; }

 private:
  static AcdSettings settings() {
    AcdSettings s;
    s.wrap_up = Duration{10'000};
    s.ring_timeout = Duration{8'000};
    s.reservation_timeout = Duration{6'000};
    s.check_all_invariants_every_event = true;
    return s;
  }
  AgentId any_agent() { return AgentId{rng_.uniform_int(1, kAgents)}; }
  CallId any_call() { return CallId{rng_.uniform_int(1, next_call_)}; }
  QueueId any_queue() {
    const std::array<QueueId, 3> q{kSales, kGeneral, kCampaign};
    return q[static_cast<std::size_t>(rng_.uniform_int(0, 2))];
  }
  AgentProfile any_profile() {
    AgentProfile p;
    p.id = any_agent();
    p.skills.push_back(SkillLevel{SkillId{1}, static_cast<int>(rng_.uniform_int(1, 5))});
    if (rng_.bernoulli(0.7)) p.campaigns.push_back(kCampaign);
    p.nailed_up = rng_.bernoulli(0.5);
    return p;
  }

  void step() {
    switch (rng_.uniform_int(0, 12)) {
      case 0:
        (void)acd_.login(any_profile(), now_);
        break;
      case 1:
        (void)acd_.logout(any_agent(), now_);
        break;
      case 2:
        (void)acd_.pause(any_agent(), "BREAK", now_);
        break;
      case 3:
        (void)acd_.resume(any_agent(), now_);
        break;
      case 4:
      case 5:
        (void)acd_.offer(CallId{++next_call_}, any_queue(), now_);
        break;
      case 6:
        (void)acd_.agent_answered(any_agent(), now_);
        break;
      case 7:
        (void)acd_.hangup(any_call(), now_);
        break;
      case 8:
        (void)acd_.end_wrap_up(any_agent(), now_);
        break;
      case 9:
        (void)acd_.reserve(kCampaign, now_);
        break;
      case 10:
        if (rng_.bernoulli(0.5)) {
          (void)acd_.confirm(any_agent(), CallId{++next_call_}, now_);
        } else {
          (void)acd_.release(any_agent(), now_);
        }
        break;
      default:
        now_ += Duration{rng_.uniform_int(0, 12'000)};
        acd_.on_due(now_);
        break;
    }
  }

  SeededRandom rng_;
  Coverage& coverage_;
  AcdRouter acd_;
  TimePoint now_{};
  std::int64_t next_call_ = 0;
};

TEST(AcdRandomTest, TenThousandRandomSequencesViolateNoInvariant) {
  Coverage coverage;
  std::uint64_t violations = 0;
  for (std::uint64_t seed = 1; seed <= 10'000; ++seed) {
    RandomSequence sequence(seed, coverage);
    sequence.run(60);
    violations += sequence.acd().violation_total();
    if (sequence.acd().violation_total() != 0) {
      const Violation& v = sequence.acd().violations().front();
      ADD_FAILURE() << "seed " << seed << ": " << to_string(v.invariant) << " after " << v.event
                    << ": " << v.detail;
      break;
    }
  }
  EXPECT_EQ(violations, 0u);
  // The sequences really exercised every path.
  for (std::size_t k = 0; k <= static_cast<std::size_t>(ActionKind::wrap_up_timed_out); ++k) {
    EXPECT_GT(coverage.actions[k], 100u) << "action kind " << k;
  }
  EXPECT_EQ(coverage.events, 600'000u);
}

}  // namespace
}  // namespace dialer::acd
