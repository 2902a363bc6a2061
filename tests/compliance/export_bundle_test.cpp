// Export bundle written from the in-memory repositories, verified, then tampered with in every
// way: reference REC-03, REC-05, REC-06.
#include "compliance/export_bundle.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "compliance/record_log.h"
#include "dialer/common/random.h"
#include "tests/compliance/compliance_fixture.h"
#include "tests/compliance/memory_bundle.h"
#include "tests/fakes/compliance_repositories.h"

namespace dialer::compliance::testing {
namespace {

using std::chrono::seconds;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

class ExportBundleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pem = Ed25519Signer::generate_private_pem();
    ASSERT_TRUE(pem.ok());
    signer_ = std::make_unique<Ed25519Signer>(*Ed25519Signer::from_private_pem(*pem));
    start_ = utc(2026, 5, 1, 12, 0);
    CallRecordLog log{records_, *signer_, {25, std::chrono::minutes{5}}};
    SeededRandom rnd{7};
    // Two campaigns, 120 attempts each: live answers, some abandoned, machines, refusals.
    for (int i = 0; i < 240; ++i) {
      const auto t = start_ + seconds{i * 600};
      CallRecord r;
      r.attempt_id = "att-" + std::to_string(i);
      r.campaign_id = i % 2 == 0 ? "1" : "2";
      r.decided_at = t;
      r.called_number = "+1212555" + std::to_string(1000 + i);
      r.decision = i % 10 == 9 ? "REFUSED" : "DIALED";
      if (r.decision == "REFUSED") {
        r.refusal_reasons = {"INTERNAL_DNC"};
        ASSERT_TRUE(log.record_decision(r, t).ok());
        continue;
      }
      r.invite_sent_at = t;
      ASSERT_TRUE(log.record_decision(r, t).ok());
      const auto kind = rnd.uniform_int(0, 9);
      ASSERT_TRUE(log.update(r.attempt_id,
                             [&](CallRecord& c) {
                               c.live_answer = kind < 7;
                               c.amd_result = kind >= 7 ? "MACHINE" : "HUMAN";
                               c.abandoned = kind == 0;
                               if (kind == 0) {
                                 c.abandon_reason = "NO_AGENT";
                                 c.safe_harbor_started_at = t + seconds{5};
                               }
                               if (kind == 9 && i % 3 == 0) c.amd_false_positive = "CONFIRMED";
                               c.disposition = c.abandoned ? "ABANDONED" : "ANSWERED";
                             })
                      .ok());
      ASSERT_TRUE(log.close(r.attempt_id, t + seconds{60}).ok());
    }
    DncEventLog dnc_log{dnc_, *signer_, {5, std::chrono::minutes{5}}};
    for (int i = 0; i < 12; ++i) {
      DncEvent e;
      e.dnc_request_id = "dnc-" + std::to_string(i);
      e.number = "+1305555" + std::to_string(2000 + i);
      e.channel = "ABANDON_MSG_IVR";
      e.received_at = start_ + seconds{i * 3600};
      e.effective_at = e.received_at;
      e.actor = "ivr";
      ASSERT_TRUE(dnc_log.append(e, e.received_at).ok());
    }
  }

  ExportRequest request() {
    ExportRequest req;
    req.from = start_;
    req.to = start_ + std::chrono::hours{24 * 60};
    req.generated_at = start_ + std::chrono::hours{24 * 61};
    req.export_id = "exp-1";
    req.requester = "officer@example.com";
    req.campaign_starts = {{"1", start_}, {"2", start_}};
    return req;
  }

  MemoryBundle write() {
    MemoryBundle bundle;
    auto summary = write_bundle(records_, dnc_, request(), *signer_, bundle);
    EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error().message);
    return bundle;
  }

  VerifyReport verify(MemoryBundle& b) {
    return verify_bundle(b, *Ed25519Verifier::from_public_pem(signer_->public_key_pem()));
  }

  // Rewrites call_attempts.jsonl; returns the first issue's line.
  VerifyIssue tamper_attempts(const std::function<void(std::vector<std::string>&)>& edit) {
    auto bundle = write();
    auto lines = lines_of(bundle.files_[kAttemptsJsonl]);
    edit(lines);
    bundle.files_[kAttemptsJsonl] = join(lines);
    auto report = verify(bundle);
    EXPECT_FALSE(report.ok());
    return report.ok() ? VerifyIssue{} : report.issues.front();
  }

  std::unique_ptr<Ed25519Signer> signer_;
  TimePoint start_;
  fakes::InMemoryCallRecordRepository records_;
  fakes::InMemoryDncRepository dnc_;
};

TEST_F(ExportBundleTest, REC_03_BundleHasEveryFileAndVerifies) {
  auto bundle = write();
  for (auto name :
       {kAttemptsJsonl, kAttemptsCsv, kPeriodsJsonl, kDncJsonl, kManifest, kManifestSig}) {
    EXPECT_TRUE(bundle.files_.count(name)) << name;
  }
  EXPECT_EQ(lines_of(bundle.files_[kAttemptsJsonl]).size(), 240u);
  EXPECT_EQ(lines_of(bundle.files_[kAttemptsCsv]).size(), 241u);  // header + rows
  EXPECT_EQ(lines_of(bundle.files_[kDncJsonl]).size(), 12u);
  auto report = verify(bundle);
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : describe(report.issues.front()));
  EXPECT_EQ(report.records_checked, 252);
  EXPECT_EQ(report.key_source, "pinned");
  auto manifest = nlohmann::json::parse(bundle.files_[kManifest]);
  EXPECT_EQ(manifest["logs"].size(), 3u);
  EXPECT_EQ(manifest["logs"][0]["checkpoints"].size(), 4u);  // every 25 of 120 records
}

TEST_F(ExportBundleTest, REC_03_PeriodReportsEqualAggregatesOfTheExportedRecords) {
  auto bundle = write();
  std::map<std::string, std::array<std::int64_t, 3>> sums;  // live, abandoned, fp confirmed
  for (const auto& l : lines_of(bundle.files_[kAttemptsJsonl])) {
    auto r = nlohmann::json::parse(l);
    if (r["decision"] != "DIALED") continue;
    auto& s = sums[r["campaign_id"].get<std::string>()];
    s[0] += r["live_answer"].get<bool>() ? 1 : 0;
    s[1] += r["abandoned"].get<bool>() ? 1 : 0;
    s[2] += r["amd_false_positive"] == "CONFIRMED" ? 1 : 0;
  }
  int legal = 0;
  for (const auto& l : lines_of(bundle.files_[kPeriodsJsonl])) {
    auto p = nlohmann::json::parse(l);
    if (p["period_kind"] != "US_30D_SUCCESSIVE") continue;
    ++legal;
    const auto& s = sums[p["campaign_id"].get<std::string>()];
    EXPECT_EQ(p["live_answered"], s[0]);
    EXPECT_EQ(p["abandoned_total"], s[1]);
    EXPECT_EQ(p["amd_false_positive_confirmed"], s[2]);
    EXPECT_LE(p["abandoned_total"].get<std::int64_t>(), p["live_answered"].get<std::int64_t>());
    char rate[32];
    std::snprintf(rate, sizeof rate, "%.6f",
                  static_cast<double>(s[1] + s[2]) / static_cast<double>(s[0] + s[2]));
    EXPECT_EQ(p["abandonment_rate"], rate);
  }
  EXPECT_EQ(legal, 2);  // one 30-day period per campaign (records span under 2 days)
}

TEST_F(ExportBundleTest, REC_05_DetectsAModifiedRecord) {
  auto issue = tamper_attempts([](auto& lines) {
    auto& l = lines[41];
    l.replace(l.find("\"live_answer\":"), 19, "\"live_answer\":false");
  });
  EXPECT_EQ(issue.line, 42);
  EXPECT_NE(issue.problem.find("modified"), std::string::npos) << describe(issue);
}

TEST_F(ExportBundleTest, REC_05_DetectsADeletedMiddleRecord) {
  auto issue = tamper_attempts([](auto& lines) { lines.erase(lines.begin() + 30); });
  EXPECT_EQ(issue.line, 31);  // the record after the gap
  EXPECT_NE(issue.problem.find("deleted"), std::string::npos) << describe(issue);
}

TEST_F(ExportBundleTest, REC_05_DetectsAnInsertedRecord) {
  auto issue = tamper_attempts([](auto& lines) { lines.insert(lines.begin() + 50, lines[10]); });
  EXPECT_EQ(issue.line, 51);
}

TEST_F(ExportBundleTest, REC_05_DetectsReorderedRecords) {
  auto issue = tamper_attempts([](auto& lines) { std::swap(lines[60], lines[61]); });
  EXPECT_EQ(issue.line, 61);
}

TEST_F(ExportBundleTest, REC_05_DetectsTruncationAfterACheckpoint) {
  auto issue = tamper_attempts([](auto& lines) { lines.resize(lines.size() - 3); });
  EXPECT_NE(issue.problem.find("truncated"), std::string::npos) << describe(issue);
}

TEST_F(ExportBundleTest, REC_05_DetectsARestampedChainThroughSignatures) {
  // The tamperer edits a record and recomputes every later hash and the manifest's hashes, but
  // cannot sign: the manifest signature and the checkpoints give it away.
  auto bundle = write();
  auto lines = lines_of(bundle.files_[kAttemptsJsonl]);
  std::string prev;
  for (std::size_t i = 0; i < 120; ++i) {  // campaign 1's chain comes first
    auto r = nlohmann::json::parse(lines[i]);
    if (i == 5) r["disposition"] = "SALE";
    if (i > 5) r["prev_hash"] = prev;
    r.erase("record_hash");
    const auto canonical = r.dump();
    r["record_hash"] = chain_hash(*digest_from_hex(r["prev_hash"].get<std::string>()), canonical);
    prev = r["record_hash"];
    lines[i] = r.dump();
  }
  bundle.files_[kAttemptsJsonl] = join(lines);
  auto report = verify(bundle);
  ASSERT_FALSE(report.ok());
  bool checkpoint_caught = false;
  for (const auto& i : report.issues) {
    checkpoint_caught |= i.problem.find("checkpoint") != std::string::npos;
  }
  EXPECT_TRUE(checkpoint_caught);
  EXPECT_EQ(report.issues.front().line, 25);  // the first checkpointed record after the edit
}

TEST_F(ExportBundleTest, REC_06_DetectsChangedManifestCsvAndDncEvents) {
  {
    auto b = write();
    b.files_[kManifest].replace(b.files_[kManifest].find("officer"), 7, "someone");
    EXPECT_EQ(verify(b).issues.front().file, kManifestSig);
  }
  {
    auto b = write();
    b.files_[kAttemptsCsv] += "x\r\n";
    auto r = verify(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.issues.front().file, kAttemptsCsv);
  }
  {
    auto b = write();
    auto lines = lines_of(b.files_[kDncJsonl]);
    lines.erase(lines.begin() + 3);
    b.files_[kDncJsonl] = join(lines);
    auto r = verify(b);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.issues.front().file, kDncJsonl);
    EXPECT_EQ(r.issues.front().line, 4);
  }
}

TEST_F(ExportBundleTest, WithoutAPinnedKeyTheManifestKeyIsUsedAndSaidSo) {
  auto b = write();
  auto report = verify_bundle(b, std::nullopt);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.key_source, "manifest");
}

TEST_F(ExportBundleTest, REC_07_ComplianceBundleOnlyForComplianceRoles) {
  auto req = request();
  req.requester_role = ExportRole::analyst;
  MemoryBundle bundle;
  auto summary = write_bundle(records_, dnc_, req, *signer_, bundle);
  ASSERT_FALSE(summary.ok());
  EXPECT_TRUE(bundle.files_.empty());
  req.requester_role = ExportRole::auditor;
  EXPECT_TRUE(write_bundle(records_, dnc_, req, *signer_, bundle).ok());
}

TEST_F(ExportBundleTest, ExportRefusesAStoreEditedBehindTheEngine) {
  records_.sealed()["1"][7].disposition = "SALE";
  MemoryBundle bundle;
  auto summary = write_bundle(records_, dnc_, request(), *signer_, bundle);
  ASSERT_FALSE(summary.ok());
  EXPECT_NE(summary.error().message.find("seq 8"), std::string::npos) << summary.error().message;
}

TEST_F(ExportBundleTest, CampaignFilterExportsOneChain) {
  auto req = request();
  req.campaign_id = "2";
  MemoryBundle bundle;
  ASSERT_TRUE(write_bundle(records_, dnc_, req, *signer_, bundle).ok());
  EXPECT_EQ(lines_of(bundle.files_[kAttemptsJsonl]).size(), 120u);
  EXPECT_TRUE(verify(bundle).ok());
}

}  // namespace
}  // namespace dialer::compliance::testing
