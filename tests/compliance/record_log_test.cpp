// Write-ahead call records, canonical JSON and the hash chain: reference REC-01, REC-02,
// REC-05, REC-06 and WIN-09 (the record of a decision).
#include "compliance/record_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compliance/decision_record.h"
#include "dialer/common/random.h"
#include "dialer/common/simulated_clock.h"
#include "tests/compliance/compliance_fixture.h"
#include "tests/fakes/compliance_repositories.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::seconds;

const Ed25519Signer& test_signer() {
  static const Ed25519Signer signer = [] {
    auto pem = Ed25519Signer::generate_private_pem();
    EXPECT_TRUE(pem.ok());
    return *Ed25519Signer::from_private_pem(*pem);
  }();
  return signer;
}

CallRecord dialed(std::string id, std::string campaign, TimePoint at) {
  CallRecord r;
  r.attempt_id = std::move(id);
  r.campaign_id = std::move(campaign);
  r.decision = "DIALED";
  r.decided_at = at;
  r.called_number = "+12125550123";
  return r;
}

TEST(CallRecordLogTest, REC_01_DecisionIsStoredBeforeTheInviteAndSealedOnClose) {
  fakes::InMemoryCallRecordRepository repo;
  SimulatedClock clock{utc(2026, 6, 10, 14, 0)};
  CallRecordLog log{repo, test_signer()};
  ASSERT_TRUE(log.record_decision(dialed("a1", "1", clock.now()), clock.now()).ok());
  EXPECT_EQ(repo.open_count(), 1u);  // the engine may now send the INVITE
  EXPECT_TRUE(repo.sealed().empty());
  clock.advance_by(seconds{3});
  ASSERT_TRUE(log.update("a1", [&](CallRecord& r) { r.ring_started_at = clock.now(); }).ok());
  clock.advance_by(seconds{20});
  ASSERT_TRUE(log.update("a1",
                         [&](CallRecord& r) {
                           r.answered_at = clock.now();
                           r.live_answer = true;
                           r.disposition = "SALE";
                         })
                  .ok());
  ASSERT_TRUE(log.close("a1", clock.now()).ok());
  EXPECT_EQ(repo.open_count(), 0u);
  const auto& chain = repo.sealed()["1"];
  ASSERT_EQ(chain.size(), 1u);
  EXPECT_EQ(chain[0].seq, 1);
  EXPECT_EQ(chain[0].prev_hash, kGenesisHash);
  EXPECT_EQ(chain[0].record_state, "COMPLETE");
  EXPECT_EQ(chain[0].disposition, "SALE");
  EXPECT_TRUE(chain[0].ring_started_at.has_value());
}

TEST(CallRecordLogTest, REC_01_RefusalsAreSealedAtOnce) {
  fakes::InMemoryCallRecordRepository repo;
  CallRecordLog log{repo, test_signer()};
  auto r = dialed("r1", "1", utc(2026, 6, 10, 2, 0));
  r.decision = "REFUSED";
  r.refusal_reasons = {"OUTSIDE_WINDOW"};
  ASSERT_TRUE(log.record_decision(r, utc(2026, 6, 10, 2, 0)).ok());
  ASSERT_EQ(repo.sealed()["1"].size(), 1u);
  EXPECT_EQ(repo.sealed()["1"][0].refusal_reasons, (TextList{"OUTSIDE_WINDOW"}));
}

TEST(CallRecordLogTest, REC_01_WriteFailureMeansDoNotDial) {
  fakes::InMemoryCallRecordRepository repo;
  repo.fail_put_open_at(1);
  CallRecordLog log{repo, test_signer()};
  auto status =
      log.record_decision(dialed("a1", "1", utc(2026, 6, 10, 14, 0)), utc(2026, 6, 10, 14, 0));
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(log.open_count(), 0u);
}

TEST(CallRecordLogTest, REC_01_CrashLeavesAttemptsOpenNeverUnrecorded) {
  fakes::InMemoryCallRecordRepository repo;
  {
    CallRecordLog before_crash{repo, test_signer()};
    ASSERT_TRUE(
        before_crash
            .record_decision(dialed("a1", "1", utc(2026, 6, 10, 14, 0)), utc(2026, 6, 10, 14, 0))
            .ok());
  }  // the process dies here: no close()
  ASSERT_EQ(repo.open_count(), 1u);
  CallRecordLog after_restart{repo, test_signer()};
  ASSERT_TRUE(after_restart.recover_open(utc(2026, 6, 10, 14, 5)).ok());
  ASSERT_EQ(repo.sealed()["1"].size(), 1u);
  EXPECT_EQ(repo.sealed()["1"][0].record_state, "INCOMPLETE");
  EXPECT_EQ(repo.open_count(), 0u);
}

TEST(CallRecordLogTest, REC_05_ChainLinksRecordsAndSignsCheckpoints) {
  fakes::InMemoryCallRecordRepository repo;
  CallRecordLog log{repo, test_signer(), {3, std::chrono::minutes{5}}};
  const auto t = utc(2026, 6, 10, 14, 0);
  for (int i = 0; i < 7; ++i) {
    auto r = dialed("a" + std::to_string(i), "1", t);
    r.decision = "REFUSED";
    ASSERT_TRUE(log.record_decision(r, t + seconds{i}).ok());
  }
  const auto& chain = repo.sealed()["1"];
  ASSERT_EQ(chain.size(), 7u);
  for (std::size_t i = 1; i < chain.size(); ++i) {
    EXPECT_EQ(chain[i].seq, chain[i - 1].seq + 1);
    EXPECT_EQ(chain[i].prev_hash, chain[i - 1].record_hash);
    EXPECT_EQ(chain[i].record_hash,
              chain_hash(*digest_from_hex(chain[i].prev_hash), canonical_without_hash(chain[i])));
  }
  const auto& cps = repo.checkpoints_of("1");
  ASSERT_EQ(cps.size(), 2u);  // at seq 3 and 6
  EXPECT_EQ(cps[1].seq, 6);
  EXPECT_EQ(cps[1].head_hash, chain[5].record_hash);
  auto verifier = Ed25519Verifier::from_public_pem(test_signer().public_key_pem());
  ASSERT_TRUE(verifier.ok());
  EXPECT_TRUE(checkpoint_signature_valid(cps[1], *verifier));
  auto forged = cps[1];
  forged.head_hash = chain[4].record_hash;
  EXPECT_FALSE(checkpoint_signature_valid(forged, *verifier));
  // A time-based checkpoint covers the 7th record.
  ASSERT_TRUE(log.checkpoint_due(t + std::chrono::minutes{6}).ok());
  EXPECT_EQ(repo.checkpoints_of("1").back().seq, 7);
}

TEST(CallRecordLogTest, REC_05_RestartContinuesTheChain) {
  fakes::InMemoryCallRecordRepository repo;
  const auto t = utc(2026, 6, 10, 14, 0);
  auto refused = [&](std::string id) {
    auto r = dialed(std::move(id), "1", t);
    r.decision = "REFUSED";
    return r;
  };
  {
    CallRecordLog log{repo, test_signer()};
    ASSERT_TRUE(log.record_decision(refused("a"), t).ok());
  }
  CallRecordLog log{repo, test_signer()};
  ASSERT_TRUE(log.record_decision(refused("b"), t).ok());
  const auto& chain = repo.sealed()["1"];
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[1].prev_hash, chain[0].record_hash);
}

TEST(CanonicalJsonTest, REC_06_KeysSortedNoWhitespaceEveryFieldPresent) {
  auto r = dialed("a1", "1", utc(2026, 6, 10, 14, 0, 0) + std::chrono::milliseconds{250});
  r.disposition = "SALE \"big\"\nline";
  seal_after(r, 0, kGenesisHash);
  const auto line = canonical_line(r);
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed.dump(), line);  // nlohmann sorts keys and writes no whitespace
  EXPECT_EQ(parsed.size(), call_record_field_count());
  EXPECT_TRUE(parsed["caller_id_name"].is_null());  // not produced yet: null, never omitted
  EXPECT_EQ(parsed["decided_at"], "2026-06-10T14:00:00.250Z");  // REC-02: UTC, milliseconds
  EXPECT_EQ(parsed["record_hash"], r.record_hash);
  EXPECT_EQ(canonical_line(r), line);  // deterministic
}

TEST(CanonicalJsonTest, REC_02_TimestampsMatchTheCommonUtcFormat) {
  for (auto t :
       {utc(2026, 1, 1, 0, 0), utc(2026, 12, 31, 23, 59, 59) + std::chrono::milliseconds{999},
        utc(1999, 7, 4, 9, 5, 7) + std::chrono::milliseconds{42}}) {
    std::string text;
    append_utc(text, t);
    EXPECT_EQ(text, format_utc(t));
  }
}

TEST(CsvTest, SpreadsheetFormulaPrefixesAreEscaped) {
  auto r = dialed("a1", "1", utc(2026, 6, 10, 14, 0));
  r.disposition = "=HYPERLINK(\"http://x\")";
  r.agent_id = "@SUM(A1)";
  const auto row = csv_row(r);
  EXPECT_NE(row.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos);
  EXPECT_NE(row.find(",'@SUM(A1),"), std::string::npos);
  EXPECT_NE(row.find(",+12125550123,"), std::string::npos);  // a valid E.164 number stays as is
  const auto header = csv_header();
  EXPECT_EQ(std::count(header.begin(), header.end(), ','),
            static_cast<long>(call_record_field_count() - 1));
}

class DecisionRecordTest : public GateFixture {};

TEST_F(DecisionRecordTest, WIN_09_RecordCarriesTheDecisionsInputs) {
  auto req = request("+13055550123", local_time("America/New_York", 2026, 6, 10, 20, 30));
  const auto d = decide(req);
  ASSERT_FALSE(d.allowed());
  SeededRandom rnd{42};
  RecordContext ctx;
  ctx.tzdata_version = "2026f";
  auto r = make_decision_record(make_attempt_id(rnd), req, *gate_->policy(kUs), d, ctx);
  EXPECT_EQ(r.attempt_id.size(), 36u);
  EXPECT_EQ(r.attempt_id[14], '4');
  EXPECT_EQ(r.decision, "REFUSED");
  EXPECT_EQ(r.refusal_reasons, (TextList{"OUTSIDE_WINDOW"}));
  EXPECT_EQ(r.jurisdiction_profile, "US-FED+US-FL");
  EXPECT_EQ(r.tz_candidates, (TextList{"America/New_York"}));
  EXPECT_EQ(r.tz_sources, (TextList{"NPA"}));
  EXPECT_EQ(r.called_party_local_time, "2026-06-10T20:30:00.000-04:00");
  EXPECT_EQ(r.dnc_national_snapshot_id, "snap");
  EXPECT_EQ(r.dnc_national_snapshot_date, "2026-06-11");  // 00:30 UTC
  EXPECT_TRUE(r.deferred_until.has_value());
}

}  // namespace
}  // namespace dialer::compliance::testing

namespace dialer::compliance::testing {
namespace {

TEST(CanonicalLineTest, ParsingTheLineGivesBackTheSameRecord) {
  auto r = dialed("p1", "3", utc(2026, 6, 10, 14, 0));
  r.list_id = "list-\"7\"";
  r.refusal_reasons = {"A", "B;C", "tab\there"};
  r.sealed_at = utc(2026, 6, 10, 14, 5);
  r.answered_at = TimePoint{utc(2026, 6, 10, 14, 1).time_since_epoch() + Duration{250}};
  r.ring_duration_ms = -1;
  r.amd_enabled = true;
  r.greeting_end_detected = false;
  r.caller_id_name = "Zoë \xe2\x80\x94 \x01";
  r.live_answer = true;
  seal_after(r, 41, kGenesisHash);
  const std::string line = canonical_line(r);
  auto parsed = parse_canonical_line(line);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(canonical_line(*parsed), line);
  EXPECT_EQ(parsed->seq, 42);
  EXPECT_EQ(parsed->answered_at, r.answered_at);
  EXPECT_EQ(parsed->greeting_end_detected, std::optional<bool>{false});
  EXPECT_FALSE(parsed->amd_result.has_value());
}

TEST(CanonicalLineTest, MissingOrMistypedFieldsAreParseErrors) {
  const std::string line = canonical_line(dialed("p1", "3", utc(2026, 6, 10, 14, 0)));
  EXPECT_EQ(parse_canonical_line("not json").error().code, ErrorCode::parse_error);
  auto no_seq = line;
  no_seq.replace(no_seq.find("\"seq\":0"), 7, "\"seq\":\"0\"");
  EXPECT_EQ(parse_canonical_line(no_seq).error().code, ErrorCode::parse_error);
  auto bad_time = line;
  bad_time.replace(bad_time.find("\"decided_at\":\"2026-06-10"), 24, "\"decided_at\":\"2026-13-10");
  EXPECT_EQ(parse_canonical_line(bad_time).error().code, ErrorCode::parse_error);
  EXPECT_EQ(parse_canonical_line("{}").error().code, ErrorCode::parse_error);
}

}  // namespace
}  // namespace dialer::compliance::testing
