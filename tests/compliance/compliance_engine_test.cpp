// The engine-facing facade: decisions recorded ahead of the INVITE, outcomes feeding the
// ledger and lockouts, DNC requests effective at once (REC-01, FRQ-02, DNC-03, DNC-09, ABN-05).
#include "compliance/compliance_engine.h"

#include "dialer/common/random.h"
#include "tests/compliance/compliance_fixture.h"
#include "tests/fakes/compliance_repositories.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

class ComplianceEngineTest : public GateFixture {
 protected:
  void SetUp() override {
    GateFixture::SetUp();
    auto pem = Ed25519Signer::generate_private_pem();
    ASSERT_TRUE(pem.ok());
    signer_ = std::make_unique<Ed25519Signer>(*Ed25519Signer::from_private_pem(*pem));
    log_ = std::make_unique<CallRecordLog>(records_, *signer_);
    dnc_log_ = std::make_unique<DncEventLog>(dnc_repo_, *signer_);
    monitor_.add_campaign(kUk, local_time("Europe/London", 2026, 6, 1, 0, 0), {}, {});
    engine_ = std::make_unique<ComplianceEngine>(*gate_, *log_, *dnc_log_, dnc_, history_, monitor_,
                                                 RecordContext{}, random_);
  }
  Result<RecordedDecision> dial(const std::string& number, TimePoint now, CampaignId c = kUs,
                                DialKind kind = DialKind::predictive, bool agent = false) {
    fresh_snapshot_if_needed(now);
    return engine_->decide_and_record(request(number, now, c, kind, agent));
  }

  std::unique_ptr<Ed25519Signer> signer_;
  fakes::InMemoryCallRecordRepository records_;
  fakes::InMemoryDncRepository dnc_repo_;
  std::unique_ptr<CallRecordLog> log_;
  std::unique_ptr<DncEventLog> dnc_log_;
  SeededRandom random_{99};
  std::unique_ptr<ComplianceEngine> engine_;
};

TEST_F(ComplianceEngineTest, REC_01_AllowedDialIsRecordedOpenBeforeItIsReturned) {
  const auto t = local_time("America/New_York", 2026, 6, 10, 12, 0);
  auto d = dial("+12125550123", t);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->decision.allowed());
  EXPECT_EQ(records_.open_count(), 1u);
  ASSERT_NE(log_->open_record(d->attempt_id), nullptr);
  EXPECT_EQ(log_->open_record(d->attempt_id)->decision, "DIALED");
  auto refused = dial("+12125550123", local_time("America/New_York", 2026, 6, 10, 22, 0));
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(records_.sealed()["1"].size(), 1u);  // refusals are sealed at once
  EXPECT_EQ(records_.sealed()["1"][0].refusal_reasons, (TextList{"OUTSIDE_WINDOW"}));
}

TEST_F(ComplianceEngineTest, REC_01_UnrecordableDecisionMustNotBeDialed) {
  records_.fail_put_open_at(1);
  auto d = dial("+12125550123", local_time("America/New_York", 2026, 6, 10, 12, 0));
  EXPECT_FALSE(d.ok());
}

TEST_F(ComplianceEngineTest, FRQ_02_CompletedAbandonedUkCallLocksTheNumber) {
  const auto t = local_time("Europe/London", 2026, 6, 10, 11, 0);
  auto d = dial("+442079460018", t, kUk);
  ASSERT_TRUE(d.ok() && d->decision.allowed());
  ASSERT_TRUE(log_->update(d->attempt_id,
                           [&](CallRecord& r) {
                             r.live_answer = true;
                             r.abandoned = true;
                             r.abandon_reason = "NO_AGENT";
                             r.safe_harbor_started_at = t + seconds{12};
                           })
                  .ok());
  ASSERT_TRUE(engine_->complete(d->attempt_id, t + seconds{30}).ok());
  auto again = dial("+442079460018", t + hours{5}, kUk);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->decision.reason, DecisionReason::uk_72h_lockout);
  const auto* ledger = monitor_.ledger(kUk);
  ASSERT_NE(ledger, nullptr);
  EXPECT_EQ(ledger->uk_days().at(0).counts.abandoned_no_agent, 1);
  EXPECT_TRUE(monitor_.gated(kUk));  // 1 abandoned of 1 live: the gate closed at once
}

TEST_F(ComplianceEngineTest, DNC_09_RequestFromAnyChannelBlocksTheNextDecisionAndIsChained) {
  const auto t = local_time("America/New_York", 2026, 6, 10, 12, 0);
  DncEvent e;
  e.dnc_request_id = "dnc-1";
  e.number = "+12125550123";
  e.channel = "INBOUND_IVR";
  e.wording = "9";
  e.received_at = t;
  e.actor = "ivr";
  ASSERT_TRUE(engine_->record_dnc_request(e, t).ok());
  auto d = dial("+12125550123", t + seconds{1});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->decision.reason, DecisionReason::internal_dnc);
  ASSERT_EQ(dnc_repo_.events().size(), 1u);
  EXPECT_EQ(dnc_repo_.events()[0].seq, 1);
  EXPECT_EQ(dnc_repo_.events()[0].effective_at, t);
}

}  // namespace
}  // namespace dialer::compliance::testing
