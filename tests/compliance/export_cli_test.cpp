// `dialerctl export verify` on a real bundle directory: exit 0 when intact, 1 naming the first
// bad record when records were modified, deleted, inserted or reordered (issue 3 acceptance).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "compliance/files/bundle_directory.h"
#include "compliance/files/table_files.h"
#include "compliance/record_log.h"
#include "tests/fakes/compliance_repositories.h"

namespace dialer::compliance {
namespace {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string output;
};

Run dialerctl(const std::string& args) {
  Run r;
  const std::string cmd = std::string(DIALERCTL_PATH) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[512];
  while (fgets(buf, sizeof buf, p) != nullptr) r.output += buf;
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::vector<std::string> read_lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

void write_lines(const fs::path& p, const std::vector<std::string>& lines) {
  std::ofstream out(p, std::ios::trunc);
  for (const auto& l : lines) out << l << "\n";
}

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dialer-export-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto pem = Ed25519Signer::generate_private_pem();
    ASSERT_TRUE(pem.ok());
    auto signer = *Ed25519Signer::from_private_pem(*pem);
    public_key_ = dir_.string() + ".pub.pem";
    std::ofstream(public_key_) << signer.public_key_pem();
    fakes::InMemoryCallRecordRepository records;
    fakes::InMemoryDncRepository dnc;
    CallRecordLog log{records, signer, {10, std::chrono::minutes{5}}};
    const auto t0 = from_unix_ms(1'780'000'000'000);
    for (int i = 0; i < 40; ++i) {
      CallRecord r;
      r.attempt_id = "a" + std::to_string(i);
      r.campaign_id = "9";
      r.decision = "REFUSED";
      r.refusal_reasons = {"OUTSIDE_WINDOW"};
      r.decided_at = t0 + std::chrono::seconds{i};
      ASSERT_TRUE(log.record_decision(r, r.decided_at).ok());
    }
    BundleDirectory bundle{dir_};
    ASSERT_TRUE(bundle.prepare().ok());
    ExportRequest req;
    req.from = t0;
    req.to = t0 + std::chrono::hours{1};
    ASSERT_TRUE(write_bundle(records, dnc, req, signer, bundle).ok());
  }
  void TearDown() override {
    fs::remove_all(dir_);
    fs::remove(public_key_);
  }
  std::string verify() { return "export verify " + dir_.string() + " --public-key " + public_key_; }
  fs::path attempts() const { return dir_ / kAttemptsJsonl; }

  fs::path dir_;
  std::string public_key_;
};

TEST_F(ExportCliTest, IntactBundleExitsZero) {
  auto r = dialerctl(verify());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("OK: 40 chained records"), std::string::npos) << r.output;
}

TEST_F(ExportCliTest, ModifiedRecordExitsOneNamingIt) {
  auto lines = read_lines(attempts());
  lines[12].replace(lines[12].find("OUTSIDE_WINDOW"), 14, "INTERNAL_DNC__");
  write_lines(attempts(), lines);
  auto r = dialerctl(verify());
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("line 13 of call_attempts.jsonl (seq 13)"), std::string::npos)
      << r.output;
}

TEST_F(ExportCliTest, DeletedInsertedAndReorderedRecordsExitOne) {
  const auto original = read_lines(attempts());
  auto deleted = original;
  deleted.erase(deleted.begin() + 20);
  write_lines(attempts(), deleted);
  auto r = dialerctl(verify());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("line 21 "), std::string::npos) << r.output;

  auto inserted = original;
  inserted.insert(inserted.begin() + 5, original[30]);
  write_lines(attempts(), inserted);
  r = dialerctl(verify());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("line 6 "), std::string::npos) << r.output;

  auto reordered = original;
  std::swap(reordered[33], reordered[34]);
  write_lines(attempts(), reordered);
  r = dialerctl(verify());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("line 34 "), std::string::npos) << r.output;
}

TEST_F(ExportCliTest, MissingDirectoryExitsTwo) {
  EXPECT_EQ(dialerctl("export verify " + dir_.string() + "-missing").exit_code, 2);
}

TEST(ComplianceTableFilesTest, CommittedTablesLoad) {
  auto tables = load_compliance_tables(fs::path(DIALER_SOURCE_DIR) / "compliance" / "data");
  ASSERT_TRUE(tables.ok()) << tables.error().message;
  EXPECT_GT(tables->windows->rows().size(), 30u);
  auto missing = load_compliance_tables("/nonexistent");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace dialer::compliance
