#include "tools/simulator/simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "dialer/acd/acd.h"
#include "dialer/common/simulated_clock.h"
#include "tools/simulator/compliance_harness.h"
#include "tools/simulator/sim_calendar.h"

namespace dialer::sim {
namespace {

using pacing::CallObservation;
using K = pacing::CallObservation::Kind;

// Leads the gate may refuse in a row (closed window, caps) before the dial is given up until the
// next pacing decision: a hopper would have filtered them, the simulator asks the gate instead.
constexpr int kMaxLeadSkips = 32;
// When that many were refused, the hopper is refilled this much later (not at every decision).
constexpr Duration kHopperRefill = std::chrono::seconds{5};

Duration secs(double s) { return Duration{static_cast<std::int64_t>(std::llround(s * 1000.0))}; }
double to_s(Duration d) { return static_cast<double>(d.count()) / 1000.0; }

std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The fate of the n-th dial of a day, drawn before any policy sees it.
struct LeadFate {
  double u_live, u_machine, u_amd;
  double answer_s, no_answer_s, talk_s, wrap_s;
};

LeadFate draw_fate(const Scenario& s, std::uint64_t seed, int day, std::int64_t n) {
  SeededRandom rng(mix(mix(seed) ^ mix(static_cast<std::uint64_t>(day) + 0x51ed270b)) ^
                   static_cast<std::uint64_t>(n) * 0x9e3779b97f4a7c15ULL);
  LeadFate f{};
  f.u_live = rng.uniform01();
  f.u_machine = rng.uniform01();
  f.u_amd = rng.uniform01();
  f.answer_s = s.time_to_answer.sample(rng);
  f.no_answer_s = s.no_answer_time.sample(rng);
  f.talk_s = s.talk.sample(rng);
  f.wrap_s = s.wrap.sample(rng);
  return f;
}

enum class CallState : std::uint8_t { ringing, waiting, talking, done };

struct Call {
  std::int64_t lead = 0;
  TimePoint dialed{}, answered{};
  double talk_s = 0, wrap_s = 0;
  bool human = false;
  int ringing_index = -1;
  TimerId abandon_timer = 0;
  CallState state = CallState::ringing;
};

class Simulation {
 public:
  Simulation(const Scenario& s, const PolicySpec& p, std::uint64_t seed, DialGatePort& gate,
             OutcomeSink& sink, DecisionObserver* observer)
      : s_(s),
        seed_(seed),
        gate_(gate),
        sink_(sink),
        observer_(observer),
        pacer_(make_pacer(s, p)),
        calendar_(SimCalendar::make(s).value()) {}

  RunResult run() {
    for (int day = 0; day < s_.days; ++day) run_day(day);
    gate_.end_run(clock_.now());
    result_.reasons = pacer_->reasons();
    return std::move(result_);
  }

 private:
  void run_day(int day);
  void schedule_agents(TimePoint start, TimePoint end);
  void account();
  void pace();
  bool dial(bool agent_reserved);
  void place(std::int64_t n);
  void resolve(int id);
  void answer_live(int id, bool human);
  void connect(int id, AgentId agent);
  void abandon(int id);
  void end_talk(AgentId agent, int id);
  void end_wrap(AgentId agent, double wrap_s);
  void arm_tick(TimePoint when);
  void record(int id, SimCallOutcome outcome, Duration wait, int agent = -1);
  void observe(K kind, Duration value) {
    pacer_->observe(clock_.now(), CallObservation{kind, value});
  }

  const Scenario& s_;
  std::uint64_t seed_;
  DialGatePort& gate_;
  OutcomeSink& sink_;
  DecisionObserver* observer_;
  std::unique_ptr<pacing::Pacer> pacer_;
  SimCalendar calendar_;
  std::int64_t next_lead_ = 0;      // cursor in the lead pool, kept from one day to the next
  std::int64_t calls_lead_ = 0;     // pool index of the lead being placed
  TimePoint hopper_empty_until_{};  // no callable lead found: none looked for before this
  TimePoint held_until_{};          // the abandonment gate deferred unreserved calls until then
  std::string number_;
  SimulatedClock clock_;
  acd::Acd acd_;
  std::vector<Call> calls_;
  std::vector<int> ringing_;
  std::vector<int> agent_call_;  // call id per agent index
  int waiting_ = 0, talking_ = 0;
  int day_ = 0;
  TimePoint day_start_{}, last_account_{};
  bool dialing_open_ = false;
  TimerId tick_timer_ = 0;
  TimePoint tick_at_ = TimePoint::max();
  pacing::PacingInputs inputs_;
  RunResult result_;
  DayStats* today_ = nullptr;
};

void Simulation::run_day(int day) {
  day_ = day;
  result_.days.emplace_back();
  today_ = &result_.days.back();
  calls_.clear();
  ringing_.clear();
  day_start_ = calendar_.day_start(day);
  const TimePoint day_end = day_start_ + secs(s_.hours_per_day * 3600.0);
  clock_.advance_to(day_start_);
  gate_.start_day(day_start_);
  last_account_ = day_start_;
  schedule_agents(day_start_, day_end);
  clock_.schedule_at(day_start_, [this] {
    dialing_open_ = true;
    pace();
  });
  clock_.schedule_at(day_end, [this] {
    account();
    dialing_open_ = false;
    if (tick_timer_ != 0) clock_.cancel(tick_timer_);
    tick_timer_ = 0;
    tick_at_ = TimePoint::max();
  });
  clock_.run_until_idle();
  account();
}

void Simulation::schedule_agents(TimePoint start, TimePoint end) {
  int index = 0;
  const auto at = [&](double hour) { return std::min(end, start + secs(hour * 3600.0)); };
  for (const auto& group : s_.agents) {
    for (int i = 0; i < group.count; ++i, ++index) {
      const AgentId id{index};
      const TimePoint out = group.logout_hour < 0 ? end : at(group.logout_hour);
      clock_.schedule_at(at(group.login_hour), [this, id] {
        account();
        (void)acd_.login(id, clock_.now());
        pace();
      });
      for (const auto& [from, to] : group.pauses) {
        clock_.schedule_at(at(from), [this, id] {
          account();
          (void)acd_.pause(id, clock_.now());
          pace();
        });
        clock_.schedule_at(at(to), [this, id] {
          account();
          (void)acd_.resume(id, clock_.now());
          pace();
        });
      }
      clock_.schedule_at(out, [this, id] {
        account();
        (void)acd_.logout(id, clock_.now());
        pace();
      });
    }
  }
  agent_call_.assign(static_cast<std::size_t>(index), -1);
}

void Simulation::account() {
  const TimePoint now = clock_.now();
  const double dt = to_s(now - last_account_);
  last_account_ = now;
  if (dt <= 0) return;
  using acd::AgentState;
  const double talking = acd_.count_in(AgentState::talking);
  const double wrap = acd_.count_in(AgentState::wrap);
  const double ready = acd_.count_in(AgentState::ready);
  today_->logged_in_s += dt * acd_.logged_in_count();
  today_->talk_s += dt * talking;
  today_->wrap_s += dt * wrap;
  today_->ready_s += dt * ready;
  today_->paused_s += dt * acd_.count_in(AgentState::paused);
  today_->active_agent_s += dt * (talking + wrap + ready);
  today_->lines_s +=
      dt * static_cast<double>(ringing_.size() + static_cast<std::size_t>(waiting_ + talking_));
}

void Simulation::arm_tick(TimePoint when) {
  if (!dialing_open_ || when >= tick_at_) return;
  if (tick_timer_ != 0) clock_.cancel(tick_timer_);
  tick_at_ = when;
  tick_timer_ = clock_.schedule_at(when, [this] {
    tick_timer_ = 0;
    tick_at_ = TimePoint::max();
    account();
    pace();
  });
}

void Simulation::pace() {
  if (!dialing_open_) return;
  const TimePoint now = clock_.now();
  auto& in = inputs_;
  in.now = now;
  in.agents_logged_in = acd_.logged_in_count();
  in.agents_ready = acd_.ready_count();
  in.busy.clear();
  for (const auto& a : acd_.agents()) {
    if (a.state == acd::AgentState::talking || a.state == acd::AgentState::wrap) {
      in.busy.push_back({a.state == acd::AgentState::talking ? pacing::BusyAgent::Phase::talk
                                                             : pacing::BusyAgent::Phase::wrap,
                         now - a.state_since, a.pause_pending || a.logout_pending});
    }
  }
  in.in_flight_elapsed.clear();
  for (int id : ringing_)
    in.in_flight_elapsed.push_back(now - calls_[static_cast<std::size_t>(id)].dialed);
  in.answered_waiting = waiting_;
  in.connected_calls = talking_;
  const auto decision = pacer_->decide(in);
  if (observer_ != nullptr) observer_->on_decision(in, decision);
  // The calls a ready agent is already free for (progressive's share) count as agent-reserved:
  // the only ones the abandonment gate lets through while it is closed.
  const int covered = std::max(0, in.agents_ready - in.in_flight() - in.answered_waiting);
  for (int i = 0; i < decision.launch; ++i) {
    if (!dial(i < covered)) break;
  }
  arm_tick(decision.next_check);
}

bool Simulation::dial(bool agent_reserved) {
  const auto n = static_cast<std::int64_t>(calls_.size());
  if (s_.leads_per_day > 0 && n >= s_.leads_per_day) return false;
  if (clock_.now() < hopper_empty_until_) return false;
  if (!agent_reserved && clock_.now() < held_until_) return false;
  const auto pool = s_.compliance.lead_pool;
  for (int skip = 0; skip < kMaxLeadSkips; ++skip) {
    // Each pass over the pool is a new list of leads with the same numbers: lead ids are unique
    // and start with no attempts (a lifetime cap would end an endless benchmark), while the
    // per-number caps see every earlier call to the number.
    const std::int64_t lead = next_lead_;
    number_ = lead_number(s_.compliance, next_lead_ % pool);
    const DialRequest request{CampaignId{1},  LeadId{lead}, number_, 0,
                              agent_reserved, clock_.now()};
    const GateReply reply = gate_.ask(request);
    if (reply.answer == GateAnswer::dial) {
      ++next_lead_;
      calls_lead_ = lead;
      place(n);
      return true;
    }
    ++today_->gate_refusals;
    if (reply.answer == GateAnswer::hold) {
      held_until_ = reply.until;
      return false;
    }
    ++next_lead_;  // not callable now: the next lead of the list
  }
  hopper_empty_until_ = clock_.now() + kHopperRefill;
  return false;
}

void Simulation::place(std::int64_t n) {
  const TimePoint now = clock_.now();
  const LeadFate f = draw_fate(s_, seed_, day_, n);
  Call c;
  c.lead = calls_lead_;
  c.dialed = now;
  c.talk_s = f.talk_s;
  c.wrap_s = f.wrap_s;
  const double hour = to_s(now - day_start_) / 3600.0;
  const bool live = f.u_live < s_.live_rate_at(hour);
  const bool machine = !live && f.u_machine < s_.amd.machine_share;
  const bool amd_right = f.u_amd < s_.amd.accuracy;
  c.ringing_index = static_cast<int>(ringing_.size());
  const int id = static_cast<int>(calls_.size());
  calls_.push_back(c);
  ringing_.push_back(id);
  ++today_->dials;
  const double when = live || (machine && !amd_right) ? f.answer_s : f.no_answer_s;
  clock_.schedule_at(now + secs(when), [this, id, live, machine, amd_right] {
    account();
    resolve(id);
    Call& call = calls_[static_cast<std::size_t>(id)];
    const Duration since_dial = clock_.now() - call.dialed;
    if (live && amd_right) {
      observe(K::answered_live, since_dial);
      answer_live(id, true);
    } else if (live) {  // a person taken for a machine and hung up on: a drop
      ++today_->live;
      ++today_->amd_dropped;
      observe(K::not_live, since_dial);
      record(id, SimCallOutcome::amd_dropped, Duration{0});
    } else if (machine && !amd_right) {  // a machine taken for a person reaches an agent
      observe(K::answered_live, since_dial);
      call.talk_s = s_.amd.machine_talk;
      answer_live(id, false);
    } else {
      observe(K::not_live, since_dial);
      record(id, SimCallOutcome::not_live, Duration{0});
    }
    pace();
  });
}

void Simulation::resolve(int id) {
  Call& c = calls_[static_cast<std::size_t>(id)];
  const int idx = c.ringing_index;
  const int last = ringing_.back();
  ringing_[static_cast<std::size_t>(idx)] = last;
  calls_[static_cast<std::size_t>(last)].ringing_index = idx;
  ringing_.pop_back();
  c.ringing_index = -1;
}

void Simulation::answer_live(int id, bool human) {
  Call& c = calls_[static_cast<std::size_t>(id)];
  c.answered = clock_.now();
  c.human = human;
  if (human) ++today_->live;
  const auto agent = acd_.offer(CallId{id}, c.answered);
  if (agent) {
    connect(id, *agent);
    return;
  }
  c.state = CallState::waiting;
  ++waiting_;
  c.abandon_timer = clock_.schedule_at(c.answered + secs(s_.abandon_after), [this, id] {
    account();
    abandon(id);
    pace();
  });
}

void Simulation::connect(int id, AgentId agent) {
  Call& c = calls_[static_cast<std::size_t>(id)];
  if (c.state == CallState::waiting) {
    --waiting_;
    clock_.cancel(c.abandon_timer);
  }
  c.state = CallState::talking;
  ++talking_;
  agent_call_[static_cast<std::size_t>(agent.value())] = id;
  const Duration wait = clock_.now() - c.answered;
  if (c.human) {
    ++today_->connected;
    result_.waits.add(wait);
    observe(K::connected, wait);
    record(id, SimCallOutcome::connected, wait, agent.value());
  } else {
    ++today_->machine_to_agent;
    record(id, SimCallOutcome::machine_to_agent, wait, agent.value());
  }
  clock_.schedule_at(clock_.now() + secs(c.talk_s), [this, agent, id] {
    account();
    end_talk(agent, id);
    pace();
  });
}

void Simulation::abandon(int id) {
  Call& c = calls_[static_cast<std::size_t>(id)];
  if (c.state != CallState::waiting || !acd_.withdraw(CallId{id})) return;
  --waiting_;
  c.state = CallState::done;
  const Duration wait = clock_.now() - c.answered;
  if (c.human) {
    ++today_->abandoned;
    observe(K::abandoned, wait);
    record(id, SimCallOutcome::abandoned, wait);
  }
}

void Simulation::end_talk(AgentId agent, int id) {
  Call& c = calls_[static_cast<std::size_t>(id)];
  c.state = CallState::done;
  --talking_;
  agent_call_[static_cast<std::size_t>(agent.value())] = -1;
  (void)acd_.end_talk(agent, clock_.now());
  observe(K::talk_finished, secs(c.talk_s));
  const double wrap_s = c.wrap_s;
  clock_.schedule_at(clock_.now() + secs(wrap_s), [this, agent, wrap_s] {
    account();
    end_wrap(agent, wrap_s);
    pace();
  });
}

void Simulation::end_wrap(AgentId agent, double wrap_s) {
  observe(K::wrap_finished, secs(wrap_s));
  auto next = acd_.end_wrap(agent, clock_.now());
  if (next.ok() && next->has_value()) connect(static_cast<int>((*next)->call.value()), agent);
}

void Simulation::record(int id, SimCallOutcome outcome, Duration wait, int agent) {
  const Call& c = calls_[static_cast<std::size_t>(id)];
  sink_.record(SimCallRecord{CampaignId{1}, LeadId{c.lead}, c.dialed, c.answered, clock_.now(),
                             outcome, wait, agent});
}

}  // namespace

RunResult simulate(const Scenario& s, const PolicySpec& policy, std::uint64_t seed,
                   DialGatePort& gate, OutcomeSink& sink, DecisionObserver* observer) {
  Simulation sim(s, policy, seed, gate, sink, observer);
  return sim.run();
}

namespace {

std::shared_ptr<const compliance::ComplianceTables> tables_for(const Scenario& s) {
  const auto dir =
      s.compliance.data_dir.empty() ? default_compliance_data_dir() : s.compliance.data_dir;
  auto tables = shared_compliance_tables(dir);
  if (!tables) throw std::runtime_error("compliance tables: " + tables.error().message);
  return *tables;
}

}  // namespace

RunResult simulate(const Scenario& s, const PolicySpec& policy, std::uint64_t seed) {
  if (!s.compliance.real_gate) {
    AllowAllGate gate;
    NullSink sink;
    return simulate(s, policy, seed, gate, sink);
  }
  const auto start = SimCalendar::make(s).value().day_start(0);
  ComplianceHarness harness(campaign_for(s, DialMode::predictive), start, tables_for(s));
  return simulate(s, policy, seed, harness, harness);
}

Result<RunResult> simulate_recorded(const Scenario& s, const PolicySpec& policy, std::uint64_t seed,
                                    const Recording& recording) {
  auto calendar = SimCalendar::make(s);
  if (!calendar) return calendar.error();
  ComplianceHarness harness(campaign_for(s, DialMode::predictive), calendar->day_start(0),
                            tables_for(s), recording, seed);
  auto result = simulate(s, policy, seed, harness, harness);
  if (!harness.recording_status()) return harness.recording_status().error();
  return result;
}

}  // namespace dialer::sim
