// Shared by the IVR interpreter tests: a small inbound configuration built in code (a main menu
// with sales, account lookup, callback and opt-out; an after-hours flow offering a callback; a
// support DID straight to a queue), instants in UTC, and actions spelled as short strings so
// that a test reads as the conversation it checks.
#pragma once

#include <date/tz.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "inbound/inbound_config.h"
#include "inbound/ivr_session.h"

namespace dialer::inbound::testing {

using namespace std::chrono_literals;

inline TimePoint utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  const auto day = date::sys_days{date::year{y} / date::month{m} / date::day{d}};
  return TimePoint{std::chrono::duration_cast<Duration>(day.time_since_epoch()) +
                   std::chrono::hours{hour} + std::chrono::minutes{minute}};
}

// Tuesday 2026-03-10 11:00 in New York (EDT, UTC-4): the office is open.
inline const TimePoint kOpen = utc(2026, 3, 10, 15);
// Tuesday 2026-03-10 21:30 in New York: closed for the night.
inline const TimePoint kEvening = utc(2026, 3, 11, 1, 30);
// Saturday 2026-03-14 11:00 in New York.
inline const TimePoint kSaturday = utc(2026, 3, 14, 15);
// Friday 2026-12-25 10:00 in New York (EST, UTC-5): Christmas Day, a holiday.
inline const TimePoint kChristmas = utc(2026, 12, 25, 15);

inline constexpr const char* kMainDid = "+18005550100";
inline constexpr const char* kSupportDid = "+18005550101";
inline constexpr const char* kCaller = "+12125550123";

inline Schedule office_schedule() {
  Schedule s;
  s.name = "office";
  s.timezone = "America/New_York";
  s.zone = date::locate_zone(s.timezone);
  const std::uint8_t weekdays = 0b0111110;  // Monday to Friday
  s.open = {OpeningPeriod{weekdays, 8 * 60, 20 * 60}};
  s.holidays = {Holiday{date::year{2026} / 12 / 25, "Christmas Day"}};
  return s;
}

// Builders for the values whose many optional fields tests set one by one.
inline CollectNode collect(std::string prompt) {
  CollectNode n;
  n.prompt = std::move(prompt);
  n.invalid_prompt = "invalid.wav";
  n.timeout_prompt = "no_input.wav";
  return n;
}

inline AfterHours after_hours(AfterHoursAction action, std::string prompt = {}) {
  AfterHours a;
  a.action = action;
  a.prompt = std::move(prompt);
  return a;
}

inline InboundQueue queue(std::string name, std::vector<NamedSkill> skills, int priority) {
  InboundQueue q;
  q.name = std::move(name);
  q.skills = std::move(skills);
  q.priority = priority;
  return q;
}

inline IvrFlow flow(std::string name, std::vector<IvrNode> nodes) {
  IvrFlow f;
  f.name = std::move(name);
  f.nodes = std::move(nodes);
  return f;
}

inline IvrFlow main_flow() {
  CollectNode menu = collect("menu.wav");
  menu.branches = {{"1", "sales"}, {"2", "account"}, {"3", "callback"}, {"9", "opt_out"}};
  menu.on_failure = "goodbye";

  CollectNode account = collect("account.wav");
  account.min_digits = 4;
  account.max_digits = 10;
  account.first_digit_timeout = 8s;
  account.inter_digit_timeout = 4s;
  account.retries = 1;
  account.default_target = "find";
  account.on_failure = "support";

  IvrFlow f =
      flow("main", {
                       {"welcome", PlayNode{"welcome.wav", "menu"}},
                       {"menu", menu},
                       {"sales", QueueNode{"sales", {}, std::nullopt}},
                       {"account", account},
                       {"find", LookupNode{LookupKey::account, "account", 3s, "vip", "support"}},
                       {"vip", QueueNode{"support", {{"billing", 2}}, 8}},
                       {"support", QueueNode{"support", {}, std::nullopt}},
                       {"callback", CallbackNode{"sales", "", "callback_ok.wav", "", ""}},
                       {"opt_out", OptOutNode{"dnc_ok.wav", "", ""}},
                       {"goodbye", HangupNode{"goodbye.wav"}},
                   });
  AfterHours closed = after_hours(AfterHoursAction::flow);
  closed.flow = "closed";
  f.hours = HoursRule{"office", closed};
  return f;
}

inline IvrFlow closed_flow() {
  CollectNode offer = collect("offer.wav");
  offer.retries = 1;
  offer.branches = {{"1", "callback"}};
  offer.on_failure = "bye";
  return flow("closed", {
                            {"closed_message", PlayNode{"closed.wav", "offer"}},
                            {"offer", offer},
                            {"callback", CallbackNode{"sales", "", "callback_ok.wav", "", ""}},
                            {"bye", HangupNode{"goodbye.wav"}},
                        });
}

inline InboundConfig example_config() {
  InboundConfig c;
  c.skills = {"sales", "support", "billing"};
  c.queues = {queue("sales", {{"sales", 1}}, 5), queue("support", {{"support", 3}}, 3)};
  c.schedules = {office_schedule()};
  AfterHours voicemail = after_hours(AfterHoursAction::voicemail, "closed.wav");
  voicemail.mailbox = "support";
  c.dids = {Did{kMainDid, "main", "", std::nullopt},
            Did{kSupportDid, "", "support", HoursRule{"office", voicemail}}};
  c.flows = {main_flow(), closed_flow()};
  return c;
}

// One action as a short string: "play menu.wav #2", "stop #2", "collect 1 #", "stop collecting",
// "timer +5s" (from the fixture's base time), "clear timer", "queue support [billing>=2] p8",
// "callback sales +12125550123 since +0s", "dnc +12125550123", "lookup account 1234 #3",
// "voicemail support closed.wav", "hangup end_of_flow".
std::string describe(const IvrAction& action, TimePoint base);

class IvrTest : public ::testing::Test {
 protected:
  void use(InboundConfig config) {
    config_ = std::make_shared<const InboundConfig>(std::move(config));
  }
  // Starts a call at `t` (the base time of "+Ns" in descriptions).
  std::vector<std::string> start(TimePoint t, const std::string& did = kMainDid,
                                 const std::string& caller = kCaller) {
    if (!config_) use(example_config());
    base_ = t;
    now_ = t;
    session_ = std::make_unique<IvrSession>(config_);
    return said(session_->start(CallStart{did, caller}, t));
  }
  std::vector<std::string> finished(std::uint32_t prompt) {
    return said(session_->prompt_finished(prompt, now_));
  }
  std::vector<std::string> press(char key) { return said(session_->digit(key, now_)); }
  std::vector<std::string> press_all(const std::string& keys) {
    std::vector<std::string> out;
    for (char key : keys) {
      auto step = press(key);
      out.insert(out.end(), step.begin(), step.end());
    }
    return out;
  }
  // Advances the simulated clock to base + `offset` and ticks the session.
  std::vector<std::string> tick_at(Duration offset) {
    now_ = base_ + offset;
    return said(session_->tick(now_));
  }
  void advance(Duration d) { now_ += d; }
  std::vector<std::string> lookup_result(std::uint32_t id, bool found, LeadId lead = LeadId{}) {
    return said(session_->lookup_result(id, LookupResult{found, lead}, now_));
  }
  std::vector<std::string> hung_up() { return said(session_->caller_hung_up(now_)); }

  std::vector<std::string> said(const IvrActions& actions) const {
    std::vector<std::string> out;
    for (const auto& a : actions) out.push_back(describe(a, base_));
    return out;
  }

  [[nodiscard]] const IvrSession& session() const { return *session_; }

  std::shared_ptr<const InboundConfig> config_;
  std::unique_ptr<IvrSession> session_;
  TimePoint base_{};
  TimePoint now_{};
};

}  // namespace dialer::inbound::testing
