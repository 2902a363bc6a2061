// The engine on a simulated clock with fake SIP and media ports and the real compliance module:
// dialing only recorded decisions, routing live answers to nailed-up agent legs, machines,
// failures, wrap-up and dispositions, and the write-ahead stop when storage fails.
#include "dialer/engine/engine.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tests/compliance/compliance_fixture.h"
#include "tests/fakes/compliance_repositories.h"
#include "tests/fakes/fake_call_control.h"

namespace dialer::engine {
namespace {

using compliance::testing::local_time;
using std::chrono::seconds;

class RecordingHandler final : public calls::CallEventHandler {
 public:
  void on_call_event(const calls::CallEvent&) override {}
};

class FakeMedia final : public MediaPort {
 public:
  Result<std::string> open_leg(CallId call, CampaignId, LegKind kind, bool detect) override {
    if (fail_open) return Error{ErrorCode::io_error, "no port"};
    legs[call] = {kind, detect};
    return std::string("v=0\r\n");
  }
  Status apply_answer(CallId, const std::string&) override { return ok_status(); }
  Result<std::string> apply_reoffer(CallId, const std::string&) override {
    return std::string("v=0\r\n");
  }
  void close_leg(CallId call) override { closed.push_back(call); }
  void arm_safe_harbor(CallId call, CampaignId, TimePoint) override { armed.push_back(call); }
  void bridge(CallId customer, CallId agent) override { bridges.emplace_back(customer, agent); }
  void unbridge(CallId) override {}
  void play_voicemail(CallId call, CampaignId) override { voicemails.push_back(call); }

  bool fail_open = false;
  std::map<CallId, std::pair<LegKind, bool>> legs;
  std::vector<CallId> closed, armed, voicemails;
  std::vector<std::pair<CallId, CallId>> bridges;
};

class FakeLeads final : public LeadStore {
 public:
  Status save(const Lead& lead) override {
    saved[lead.id] = lead;
    return ok_status();
  }
  std::map<LeadId, Lead> saved;
};

class NullLog final : public EngineLog {
 public:
  void info(CallId, const std::string&) override {}
  void warn(CallId, const std::string& m) override { warnings.push_back(m); }
  void pacing(CampaignId, const std::string&) override {}
  std::vector<std::string> warnings;
};

class EngineTest : public compliance::testing::GateFixture {
 protected:
  void SetUp() override {
    auto c = std::make_shared<Campaign>();
    c->id = CampaignId{1};
    c->name = "test";
    c->dial_mode = DialMode::progressive;
    c->calling_window.weekdays = {0, 1440};
    c->caller_ids = {"+12127365000"};
    c->retry.max_attempts = 3;
    c->retry.busy_delay = std::chrono::minutes{30};
    c->retry.machine_delay = std::chrono::hours{24};
    c->wrap_up_timeout = seconds{10};
    c->dispositions = {
        {"SALE", "Sale", false, {true, std::nullopt, false, false, true, true}},
        {"BUSY", "Busy", true, {false, std::chrono::minutes{30}, false, false, false, false}},
        {"AMD_MACHINE",
         "Machine",
         true,
         {false, std::chrono::hours{24}, false, false, false, false}},
        {"NO_DISPOSITION", "Talked", true, {true, std::nullopt, false, false, true, false}},
        {"ABANDONED",
         "Abandoned",
         true,
         {false, std::chrono::hours{72}, false, false, false, false}},
    };
    c->abandoned_message = AbandonedCallMessage{"Seller", "+18883217000", "m.wav", '9'};
    campaign_ = c;
    compliance::CampaignPolicy policy;
    policy.campaign = c;
    policy.window_margin = seconds{0};
    config_.campaigns[kUs] = policy;
    rebuild();
    now_ = local_time("America/New_York", 2026, 6, 10, 12, 0);  // a Wednesday noon
    fresh_snapshot(now_);
    monitor_.add_campaign(kUs, now_, {}, {});
    auto pem = compliance::Ed25519Signer::generate_private_pem();
    ASSERT_TRUE(pem.ok());
    signer_ = std::make_unique<compliance::Ed25519Signer>(
        *compliance::Ed25519Signer::from_private_pem(*pem));
    log_ = std::make_unique<compliance::CallRecordLog>(records_, *signer_);
    dnc_log_ = std::make_unique<compliance::DncEventLog>(dnc_repo_, *signer_);
    compliance_ = std::make_unique<compliance::ComplianceEngine>(
        *gate_, *log_, *dnc_log_, dnc_, history_, monitor_, compliance::RecordContext{}, random_);
    EngineOptions options;
    options.agents = {"agent1", "agent2"};
    options.default_trunk = "carrier";
    engine_ = std::make_unique<Engine>(
        EngineDeps{sip_, media_, leads_, *compliance_, *log_, monitor_, elog_}, options);
    engine_->add_campaign(campaign_, now_);
  }

  void add_leads(int n) {
    for (int i = 1; i <= n; ++i) {
      Lead lead;
      lead.id = LeadId{i};
      lead.campaign = CampaignId{1};
      lead.phone = "+1212555" + std::to_string(2000 + i);
      lead.timezone = "America/New_York";
      engine_->add_lead(lead, now_);
    }
  }

  void event(const calls::CallEvent& e) { engine_->on_call_event(e, now_); }
  void advance(Duration d) {
    now_ += d;
    engine_->tick(now_);
  }

  // Registers and answers an agent's nailed-up leg; returns the leg's CallId.
  CallId agent_up(const std::string& name) {
    event(calls::Registered{name, "sip:" + name + "@127.0.0.1:5999", now_ + std::chrono::hours{1}});
    const auto originates = sip_.commands_of<calls::Originate>();
    const auto& leg = originates.back();
    EXPECT_EQ(leg.agent, name);
    event(calls::Answered{leg.call_id, "v=0\r\n"});
    return leg.call_id;
  }

  std::vector<calls::Originate> customer_dials() const {
    std::vector<calls::Originate> out;
    for (const auto& o : sip_.commands_of<calls::Originate>()) {
      if (o.agent.empty()) out.push_back(o);
    }
    return out;
  }

  const compliance::CallRecord* sealed(const std::string& number) {
    const compliance::CallRecord* found = nullptr;
    (void)records_.for_each_sealed({std::nullopt, TimePoint{}, TimePoint::max()},
                                   [&](const compliance::CallRecord& r) {
                                     if (r.called_number == number) found = &r;
                                     return ok_status();
                                   });
    return found;
  }

  std::shared_ptr<Campaign> campaign_;
  TimePoint now_;
  RecordingHandler handler_;
  fakes::FakeCallControl sip_{handler_};
  FakeMedia media_;
  FakeLeads leads_;
  NullLog elog_;
  compliance::fakes::InMemoryCallRecordRepository records_;
  compliance::fakes::InMemoryDncRepository dnc_repo_;
  std::unique_ptr<compliance::Ed25519Signer> signer_;
  std::unique_ptr<compliance::CallRecordLog> log_;
  std::unique_ptr<compliance::DncEventLog> dnc_log_;
  SeededRandom random_{7};
  std::unique_ptr<compliance::ComplianceEngine> compliance_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineTest, NoAgentNoDialAndProgressiveDialsOneCallPerReadyAgent) {
  add_leads(5);
  advance(Duration{250});
  EXPECT_TRUE(customer_dials().empty());  // nobody logged in
  agent_up("agent1");
  advance(Duration{250});
  ASSERT_EQ(customer_dials().size(), 1U);
  advance(Duration{250});
  EXPECT_EQ(customer_dials().size(), 1U);  // still one agent, one call in flight
  agent_up("agent2");
  advance(Duration{250});
  EXPECT_EQ(customer_dials().size(), 2U);
  const auto first = customer_dials().front();
  EXPECT_EQ(first.trunk, "carrier");
  EXPECT_EQ(first.target, "+12125552001");
  EXPECT_EQ(first.ring_timeout, campaign_->ring_timeout);
  EXPECT_NE(first.asserted_identity.find("+12127365000"), std::string::npos);
  // Write-ahead: the open record exists, with the INVITE time, before any SIP answer.
  EXPECT_EQ(log_->open_count(), 2U);
}

TEST_F(EngineTest, LiveAnswerIsBridgedToTheAgentLegThenWrapUpTimeoutClosesTheAttempt) {
  add_leads(1);
  const CallId leg = agent_up("agent1");
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Ringing{call, 180, false, std::nullopt});
  now_ += seconds{3};
  event(calls::Answered{call, "v=0\r\n"});
  ASSERT_EQ(media_.armed.size(), 1U);  // the 2-second rule is armed at answer
  now_ += Duration{1200};
  engine_->on_amd(
      call, {MachineVerdict::human, "SHORT_GREETING", "", Duration{1200}, Duration{600}}, now_);
  ASSERT_EQ(media_.bridges.size(), 1U);
  EXPECT_EQ(media_.bridges[0], std::make_pair(call, leg));
  now_ += Duration{5};
  engine_->on_bridge({call, leg, BridgeStatus::connected, Duration{1805}, Duration{1205}}, now_);
  now_ += seconds{30};
  event(calls::RemoteHangup{call});
  EXPECT_EQ(log_->open_count(), 1U);  // kept open for the agent's disposition
  advance(seconds{11});               // wrap-up timeout
  EXPECT_EQ(log_->open_count(), 0U);
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->record_state, "COMPLETE");
  EXPECT_EQ(r->disposition, "NO_DISPOSITION");
  EXPECT_EQ(r->agent_id, "agent1");
  EXPECT_EQ(r->amd_result, "HUMAN");
  EXPECT_TRUE(r->live_answer);
  EXPECT_FALSE(r->abandoned);
  EXPECT_EQ(r->time_to_agent_from_answer_ms, 1205);
  EXPECT_EQ(r->talk_duration_ms, 30000);
  EXPECT_EQ(r->disposition_set_by, "SYSTEM_WRAP_TIMEOUT");
  EXPECT_EQ(leads_.saved.at(LeadId{1}).status, LeadState::final);
  EXPECT_EQ(engine_->snapshot(now_).agents_ready, 1);
}

TEST_F(EngineTest, AgentDispositionOnlyDuringWrapUpAndOnlyAgentCodes) {
  add_leads(1);
  const CallId leg = agent_up("agent1");
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Answered{call, "v=0\r\n"});
  engine_->on_amd(call, {MachineVerdict::not_sure, "TOO_LONG", "", seconds{4}, std::nullopt}, now_);
  engine_->on_bridge({call, leg, BridgeStatus::connected, std::nullopt, Duration{4010}}, now_);
  EXPECT_EQ(engine_->disposition("agent1", "SALE", now_).error().code, ErrorCode::conflict);
  event(calls::RemoteHangup{call});
  EXPECT_EQ(engine_->disposition("agent1", "BUSY", now_).error().code,
            ErrorCode::invalid_argument);  // a system code
  EXPECT_EQ(engine_->disposition("agent1", "NOPE", now_).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(engine_->disposition("nobody", "SALE", now_).error().code, ErrorCode::not_found);
  EXPECT_TRUE(engine_->disposition("agent1", "SALE", now_).ok());
  EXPECT_EQ(engine_->disposition("agent1", "SALE", now_).error().code, ErrorCode::conflict);
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->disposition, "SALE");
  EXPECT_EQ(r->disposition_agent_code, "SALE");
  EXPECT_EQ(r->disposition_set_by, "agent1");
}

TEST_F(EngineTest, MachineIsHungUpAndRetriedAfterTheMachineDelay) {
  add_leads(1);
  agent_up("agent1");
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Answered{call, "v=0\r\n"});
  engine_->on_amd(
      call, {MachineVerdict::machine, "LONG_GREETING", "", Duration{2600}, std::nullopt}, now_);
  EXPECT_TRUE(media_.bridges.empty());
  const auto hangups = sip_.commands_of<calls::Hangup>();
  ASSERT_EQ(hangups.size(), 1U);
  EXPECT_EQ(hangups[0].call_id, call);
  event(calls::LocalHangupDone{call, 200});
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->disposition, "AMD_MACHINE");
  EXPECT_EQ(r->amd_result, "MACHINE");
  const Lead& lead = leads_.saved.at(LeadId{1});
  EXPECT_EQ(lead.status, LeadState::retry_scheduled);
  EXPECT_EQ(lead.attempts, 1);
  EXPECT_EQ(lead.next_attempt_at, now_ + std::chrono::hours{24});
}

TEST_F(EngineTest, BusyIsRecordedWithItsSipCodeAndRetried) {
  add_leads(1);
  agent_up("agent1");
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Failed{
      call, 486, calls::SystemDisposition::busy, calls::FailureCause::sip_response, {}});
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->disposition, "BUSY");
  EXPECT_EQ(r->sip_final_code, 486);
  EXPECT_EQ(leads_.saved.at(LeadId{1}).next_attempt_at, now_ + std::chrono::minutes{30});
  EXPECT_EQ(media_.closed, std::vector<CallId>{call});
}

TEST_F(EngineTest, NoAgentInTimeMakesTheCallAbandonedAndTheAgentIsNotGivenIt) {
  add_leads(1);
  agent_up("agent1");
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Answered{call, "v=0\r\n"});
  // The agent went to another call meanwhile is simulated by a bridge refused after the message.
  engine_->on_safe_harbor_started(call, now_ + seconds{2});
  engine_->on_amd(call, {MachineVerdict::human, "SHORT_GREETING", "", seconds{3}, std::nullopt},
                  now_ + seconds{3});
  EXPECT_TRUE(media_.bridges.empty());  // the verdict came after the message started
  engine_->on_safe_harbor_finished(call, now_ + seconds{12});
  event(calls::LocalHangupDone{call, 200});
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(r->abandoned);
  EXPECT_EQ(r->abandon_reason, "NO_AGENT");
  EXPECT_EQ(r->disposition, "ABANDONED");
  EXPECT_EQ(r->safe_harbor_completed, true);
  EXPECT_EQ(engine_->counters(CampaignId{1})->abandoned, 1U);
}

TEST_F(EngineTest, NothingIsDialedWhenTheDecisionCannotBeRecorded) {
  add_leads(2);
  agent_up("agent1");
  records_.fail_put_open_at(1);
  advance(Duration{250});
  EXPECT_TRUE(customer_dials().empty());
  EXPECT_TRUE(engine_->snapshot(now_).dialing_halted);
  advance(Duration{500});
  EXPECT_TRUE(customer_dials().empty());  // still within the storage retry pause
  advance(Duration{600});
  advance(Duration{250});
  ASSERT_EQ(customer_dials().size(), 1U);  // storage answers again: dialing resumes
  const CallId first = customer_dials()[0].call_id;
  event(calls::Failed{
      first, 486, calls::SystemDisposition::busy, calls::FailureCause::sip_response, {}});
  advance(Duration{250});
  ASSERT_EQ(customer_dials().size(), 2U);
  // The lead whose decision failed to record was kept and dialed later, not lost.
  std::set<std::string> targets{customer_dials()[0].target, customer_dials()[1].target};
  EXPECT_EQ(targets, (std::set<std::string>{"+12125552001", "+12125552002"}));
}

TEST_F(EngineTest, AnAgentLegThatDropsLogsTheAgentOutAndIsCalledAgain) {
  add_leads(1);
  const CallId leg = agent_up("agent1");
  EXPECT_EQ(engine_->snapshot(now_).agents_logged_in, 1);
  event(calls::RemoteHangup{leg});
  EXPECT_EQ(engine_->snapshot(now_).agents_logged_in, 0);
  advance(seconds{4});
  const auto originates = sip_.commands_of<calls::Originate>();
  EXPECT_EQ(originates.back().agent, "agent1");
  EXPECT_NE(originates.back().call_id, leg);
}

TEST_F(EngineTest, ScreenPopShowsTheLeadScriptAndCodesThroughTheCall) {
  campaign_->script = "Call {phone} about {plan}";
  add_leads(1);
  const CallId leg = agent_up("agent1");
  EXPECT_EQ(engine_->agent_view("agent1")->state, "ready");
  EXPECT_FALSE(engine_->agent_view("agent1")->call);
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Answered{call, "v=0\r\n"});
  engine_->on_amd(call, {MachineVerdict::human, "SHORT_GREETING", "", seconds{1}, std::nullopt},
                  now_);
  auto bridging = engine_->agent_view("agent1");
  ASSERT_TRUE(bridging->call);
  EXPECT_EQ(bridging->call->phase, "bridging");
  engine_->on_bridge({call, leg, BridgeStatus::connected, std::nullopt, Duration{1010}}, now_);
  const auto talking = engine_->agent_view("agent1");
  EXPECT_EQ(talking->state, "talking");
  ASSERT_TRUE(talking->call);
  EXPECT_EQ(talking->call->phase, "talking");
  EXPECT_EQ(talking->call->lead.phone, "+12125552001");
  EXPECT_EQ(talking->call->script, "Call +12125552001 about {plan}");
  EXPECT_TRUE(talking->call->connected_at);
  bool sale = false;
  bool system = false;
  for (const auto& d : talking->call->agent_codes) {
    sale = sale || d.code == "SALE";
    system = system || d.system;
  }
  EXPECT_TRUE(sale);
  EXPECT_FALSE(system);  // system codes are never offered to agents
  event(calls::RemoteHangup{call});
  const auto wrap = engine_->agent_view("agent1");
  EXPECT_EQ(wrap->state, "wrap");
  EXPECT_EQ(wrap->call->phase, "wrap_up");
  EXPECT_TRUE(wrap->call->wrap_deadline);
  ASSERT_TRUE(engine_->disposition("agent1", "SALE", now_).ok());
  EXPECT_FALSE(engine_->agent_view("agent1")->call);
  EXPECT_EQ(engine_->agents_view().size(), 2U);  // every configured agent, logged in or not
}

TEST_F(EngineTest, FillScriptReplacesLeadFieldsAndCustomColumns) {
  Lead lead;
  lead.first_name = "Ada";
  lead.phone = "+12125550100";
  lead.custom_fields = {{"plan", "gold"}};
  EXPECT_EQ(fill_script("Hi {first_name} ({phone}), {plan} {nope} {", lead),
            "Hi Ada (+12125550100), gold {nope} {");
}

TEST_F(EngineTest, PausedAgentGetsNoCallsAndReadyResumes) {
  add_leads(3);
  agent_up("agent1");
  ASSERT_TRUE(engine_->agent_pause("agent1", "lunch", now_).ok());
  EXPECT_EQ(engine_->agent_view("agent1")->state, "paused");
  EXPECT_EQ(engine_->agent_view("agent1")->pause_reason, "lunch");
  advance(Duration{250});
  advance(Duration{250});
  EXPECT_TRUE(customer_dials().empty());  // progressive: no ready agent, no dial
  ASSERT_TRUE(engine_->agent_ready("agent1", now_).ok());
  EXPECT_EQ(engine_->agent_view("agent1")->state, "ready");
  advance(Duration{250});
  EXPECT_EQ(customer_dials().size(), 1U);
  EXPECT_EQ(engine_->agent_ready("agent2", now_).error().code, ErrorCode::conflict);  // no phone
  EXPECT_EQ(engine_->agent_pause("ghost", "x", now_).error().code, ErrorCode::not_found);
}

TEST_F(EngineTest, AgentHangUpEndsTheCustomerCallAndLeadsToWrapUp) {
  add_leads(1);
  const CallId leg = agent_up("agent1");
  EXPECT_EQ(engine_->agent_hang_up("agent1", now_).error().code, ErrorCode::conflict);
  advance(Duration{250});
  const CallId call = customer_dials().at(0).call_id;
  event(calls::Answered{call, "v=0\r\n"});
  engine_->on_amd(call, {MachineVerdict::human, "SHORT_GREETING", "", seconds{1}, std::nullopt},
                  now_);
  engine_->on_bridge({call, leg, BridgeStatus::connected, std::nullopt, Duration{1010}}, now_);
  now_ += seconds{8};
  ASSERT_TRUE(engine_->agent_hang_up("agent1", now_).ok());
  const auto hangups = sip_.commands_of<calls::Hangup>();
  ASSERT_FALSE(hangups.empty());
  EXPECT_EQ(hangups.back().call_id, call);
  event(calls::LocalHangupDone{call});
  EXPECT_EQ(engine_->agent_view("agent1")->state, "wrap");
  ASSERT_TRUE(engine_->disposition("agent1", "SALE", now_).ok());
  const auto* r = sealed("+12125552001");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->hangup_cause, "AGENT_HANGUP");
  EXPECT_EQ(r->disposition, "SALE");
}

TEST_F(EngineTest, PausedCampaignPlacesNoCallsUntilStarted) {
  add_leads(2);
  agent_up("agent1");
  ASSERT_TRUE(engine_->set_campaign_paused(campaign_->id, true, now_).ok());
  advance(Duration{250});
  EXPECT_TRUE(customer_dials().empty());
  EXPECT_TRUE(engine_->campaigns_view(now_).at(0).paused);
  ASSERT_TRUE(engine_->set_campaign_paused(campaign_->id, false, now_).ok());
  advance(Duration{250});
  EXPECT_EQ(customer_dials().size(), 1U);
  EXPECT_EQ(engine_->set_campaign_paused(CampaignId{999}, true, now_).error().code,
            ErrorCode::not_found);
}

}  // namespace
}  // namespace dialer::engine
