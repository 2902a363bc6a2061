// Routing decision cost of AcdRouter with 5,000 agents, 200 queues and 20 skills (defaults).
// Usage: acd_routing_bench [agents] [queues] [skills] [decisions] [seed]
// A steady busy centre: every agent logged in with 3 to 6 skills at levels 1..10, each queue
// needing one or two skills at a minimum level; calls arrive in random queues and random calls end
// (connected agents go through wrap-up, waiting callers abandon). A decision is an offer() (a call
// looks for an agent) or an end_wrap_up() (a freed agent looks for a call), each including the
// state update and the invariant checks after the event. Prints the mean as process CPU time and
// the distribution of each decision's wall time (steady_clock; on a shared machine the tail also
// holds preemptions).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "dialer/acd/acd_router.h"
#include "dialer/common/random.h"

using namespace dialer;
using namespace dialer::acd;

namespace {

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Setup {
  int agents = 5000;
  int queues = 200;
  int skills = 20;
  long decisions = 1'000'000;
  std::uint64_t seed = 42;
};

std::vector<SkillLevel> some_skills(Random& rng, int skills, int lo, int hi, int min_level,
                                    int max_level) {
  std::vector<SkillLevel> out;
  const auto n = rng.uniform_int(lo, hi);
  while (static_cast<std::int64_t>(out.size()) < n) {
    const SkillId s{static_cast<std::int32_t>(rng.uniform_int(0, skills - 1))};
    if (std::any_of(out.begin(), out.end(), [&](const SkillLevel& x) { return x.skill == s; }))
      continue;
    out.push_back(SkillLevel{s, static_cast<int>(rng.uniform_int(min_level, max_level))});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Setup s;
  if (argc > 1) s.agents = std::atoi(argv[1]);
  if (argc > 2) s.queues = std::atoi(argv[2]);
  if (argc > 3) s.skills = std::atoi(argv[3]);
  if (argc > 4) s.decisions = std::atol(argv[4]);
  if (argc > 5) s.seed = std::strtoull(argv[5], nullptr, 10);
  SeededRandom rng(s.seed);
  AcdRouter acd;
  TimePoint now = from_unix_ms(1'780'000'000'000);

  for (int q = 0; q < s.queues; ++q) {
    QueueConfig c;
    c.id = QueueId{q};
    c.kind = q % 4 == 0 ? QueueKind::outbound : QueueKind::inbound;
    c.priority = static_cast<int>(rng.uniform_int(0, 3));
    c.required = some_skills(rng, s.skills, 1, 2, 1, 5);
    c.strategy = q % 2 == 0 ? RoutingStrategy::longest_idle : RoutingStrategy::fewest_calls_today;
    (void)acd.add_queue(c);
  }
  for (int a = 0; a < s.agents; ++a) {
    AgentProfile p{AgentId{a}, some_skills(rng, s.skills, 3, 6, 1, 10), {}, true};
    for (int q = 0; q < s.queues; q += 4) {
      if (rng.bernoulli(0.2)) p.campaigns.push_back(QueueId{q});
    }
    (void)acd.login(p, now);
    now += Duration{1};
  }
  std::size_t eligible = 0;
  for (const auto& [id, a] : acd.state().agents) eligible += a.eligible.size();

  std::vector<CallId> calls;
  std::vector<double> wall_ns;
  wall_ns.reserve(static_cast<std::size_t>(s.decisions));
  std::int64_t next_call = 0;
  double timed_cpu = 0;
  const auto target_calls =
      static_cast<std::size_t>(s.agents) * 21 / 20;  // a little above capacity
  while (static_cast<long>(wall_ns.size()) < s.decisions) {
    now += Duration{10};
    const CallId call{++next_call};
    const QueueId queue{static_cast<std::int32_t>(rng.uniform_int(0, s.queues - 1))};
    double c0 = cpu_seconds();
    auto t0 = std::chrono::steady_clock::now();
    (void)acd.offer(call, queue, now);
    auto t1 = std::chrono::steady_clock::now();
    timed_cpu += cpu_seconds() - c0;
    wall_ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    calls.push_back(call);
    while (calls.size() > target_calls) {
      const auto i =
          static_cast<std::size_t>(rng.uniform_int(0, static_cast<std::int64_t>(calls.size()) - 1));
      const CallRecord* r = acd.call(calls[i]);
      const auto agent = r != nullptr ? r->agent : std::nullopt;
      (void)acd.hangup(calls[i], now);
      calls[i] = calls.back();
      calls.pop_back();
      if (!agent) continue;
      c0 = cpu_seconds();
      t0 = std::chrono::steady_clock::now();
      (void)acd.end_wrap_up(*agent, now);
      t1 = std::chrono::steady_clock::now();
      timed_cpu += cpu_seconds() - c0;
      wall_ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
      const AgentRecord* freed = acd.agent(*agent);
      if (freed->call) calls.push_back(*freed->call);
    }
  }
  (void)acd.take_actions();

  // Cost of the timing itself (two CPU-clock reads and two steady_clock reads), subtracted below.
  const int probes = 200'000;
  const double p0 = cpu_seconds();
  for (int i = 0; i < probes; ++i) {
    const double c0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    const auto t1 = std::chrono::steady_clock::now();
    timed_cpu += 0 * (cpu_seconds() - c0) * static_cast<double>((t1 - t0).count());
  }
  const double clock_cost = (cpu_seconds() - p0) / probes;
  std::sort(wall_ns.begin(), wall_ns.end());
  const auto pct = [&](double p) {
    return wall_ns[static_cast<std::size_t>(p * static_cast<double>(wall_ns.size() - 1))];
  };
  double sum = 0;
  for (const double w : wall_ns) sum += w;
  std::printf(
      "agents %d, queues %d, skills %d, eligible queues per agent %.1f, ready at end %d, waiting "
      "calls %zu\n",
      s.agents, s.queues, s.skills, static_cast<double>(eligible) / s.agents, acd.ready_count(),
      [&] {
        std::size_t w = 0;
        for (const auto& q : acd.state().queues) w += q.waiting.size();
        return w;
      }());
  std::printf(
      "decisions %zu: mean %.2f us wall, p50 %.2f us, p99 %.2f us, p99.9 %.2f us, max %.1f us\n",
      wall_ns.size(), sum / static_cast<double>(wall_ns.size()) / 1000.0, pct(0.5) / 1000.0,
      pct(0.99) / 1000.0, pct(0.999) / 1000.0, wall_ns.back() / 1000.0);
  const double per_decision = timed_cpu / static_cast<double>(wall_ns.size());
  std::printf(
      "mean CPU time per decision: %.2f us (measured %.2f us minus %.2f us for reading the "
      "clocks)\n",
      (per_decision - clock_cost) * 1e6, per_decision * 1e6, clock_cost * 1e6);
  std::printf("invariant violations %llu\n",
              static_cast<unsigned long long>(acd.violation_total()));
  return acd.violation_total() == 0 ? 0 : 1;
}
