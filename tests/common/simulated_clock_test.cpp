#include "dialer/common/simulated_clock.h"

#include <gtest/gtest.h>

#include <vector>

namespace dialer {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(SimulatedClockTest, FiresTimersInDueTimeThenSchedulingOrder) {
  SimulatedClock clock{from_unix_ms(1000)};
  std::vector<int> order;
  clock.schedule_at(from_unix_ms(3000), [&] { order.push_back(3); });
  clock.schedule_at(from_unix_ms(2000), [&] { order.push_back(1); });
  clock.schedule_at(from_unix_ms(2000), [&] { order.push_back(2); });
  EXPECT_EQ(clock.advance_to(from_unix_ms(5000)), 3u);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(clock.now(), from_unix_ms(5000));
}

TEST(SimulatedClockTest, NowIsTheDueTimeInsideACallback) {
  SimulatedClock clock;
  TimePoint seen{};
  clock.schedule_at(TimePoint{seconds{7}}, [&] { seen = clock.now(); });
  clock.advance_by(seconds{10});
  EXPECT_EQ(seen, TimePoint{seconds{7}});
}

TEST(SimulatedClockTest, TimersArmedByCallbacksFireInTheSameAdvance) {
  SimulatedClock clock;
  int fired = 0;
  clock.schedule_at(TimePoint{seconds{1}}, [&] {
    ++fired;
    clock.schedule_at(clock.now() + seconds{1}, [&] { ++fired; });
  });
  clock.advance_to(TimePoint{seconds{2}});
  EXPECT_EQ(fired, 2);
}

TEST(SimulatedClockTest, CancelledTimerNeverFires) {
  SimulatedClock clock;
  bool fired = false;
  const TimerId id = clock.schedule_at(TimePoint{seconds{1}}, [&] { fired = true; });
  clock.cancel(id);
  clock.cancel(id);  // second cancel is a no-op
  clock.advance_by(seconds{5});
  EXPECT_FALSE(fired);
  EXPECT_FALSE(clock.has_pending());
}

TEST(SimulatedClockTest, TimerInThePastFiresAtNow) {
  SimulatedClock clock{TimePoint{seconds{10}}};
  TimePoint seen{};
  clock.schedule_at(TimePoint{seconds{1}}, [&] { seen = clock.now(); });
  EXPECT_TRUE(clock.run_next());
  EXPECT_EQ(seen, TimePoint{seconds{10}});
}

TEST(SimulatedClockTest, RunUntilIdleStopsAtTheLimit) {
  SimulatedClock clock;
  std::function<void()> again = [&] { clock.schedule_at(clock.now() + milliseconds{1}, again); };
  clock.schedule_at(clock.now(), again);
  EXPECT_EQ(clock.run_until_idle(100), 100u);
}

}  // namespace
}  // namespace dialer
