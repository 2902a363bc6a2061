// `dialerctl export --db` end to end on a real database (SQLite, or MariaDB through the storage
// fixture): records written by CallRecordLog, exported by the real binary, verified by
// `dialerctl export verify` (exit 0), then one record line edited in the bundle (exit 1); and
// on SQLite, a record edited in the database makes the export itself refuse (exit 1).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compliance/export_bundle.h"
#include "compliance/record_log.h"
#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

namespace fs = std::filesystem;
using compliance::CallRecord;

struct CtlRun {
  int exit_code = -1;
  std::string output;
};

CtlRun dialerctl(const std::string& args) {
  CtlRun r;
  const std::string cmd = std::string(DIALERCTL_PATH) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[512];
  while (fgets(buf, sizeof buf, p) != nullptr) r.output += buf;
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string shell_quoted(const std::string& s) { return "'" + s + "'"; }

// 2026-06-10 and 2026-06-11, UTC.
TimePoint day(int d, int hour) {
  return TimePoint{std::chrono::sys_days{std::chrono::year{2026} / 6 / d}.time_since_epoch() +
                   std::chrono::hours{hour}};
}

CallRecord dialed(const std::string& id, const std::string& campaign, TimePoint at) {
  CallRecord r;
  r.attempt_id = id;
  r.campaign_id = campaign;
  r.decision = "DIALED";
  r.decided_at = at;
  r.called_number = "+12125550123";
  return r;
}

class ExportFromDbTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    dir_ = fs::temp_directory_path() /
           ("dialer-dbexport-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "signing.pem").string();
    ASSERT_EQ(dialerctl("export keygen --out " + shell_quoted(key_)).exit_code, 0);
    std::ifstream in(key_);
    std::stringstream pem;
    pem << in.rdbuf();
    auto signer = compliance::Ed25519Signer::from_private_pem(pem.str());
    ASSERT_TRUE(signer.ok());
    signer_.emplace(*signer);
  }
  void TearDown() override {
    fs::remove_all(dir_);
    StorageTest::TearDown();
  }

  // Three calls on 2026-06-10 in campaigns 1 and 2, one on 2026-06-11, one refusal on 06-12.
  void write_records() {
    auto db = open();
    ASSERT_TRUE(db);
    compliance::RecordLogSettings settings;
    settings.checkpoint_every = 2;
    compliance::CallRecordLog log{db->call_records(), *signer_, settings};
    int n = 0;
    for (auto [campaign, when] : {std::pair{"1", day(10, 14)}, std::pair{"1", day(10, 15)},
                                  std::pair{"2", day(10, 16)}, std::pair{"1", day(11, 9)}}) {
      const std::string id = "a" + std::to_string(++n);
      ASSERT_TRUE(log.record_decision(dialed(id, campaign, when), when).ok());
      ASSERT_TRUE(log.update(id, [](CallRecord& r) { r.disposition = "SALE"; }).ok());
      ASSERT_TRUE(log.close(id, when + std::chrono::seconds{30}).ok());
    }
    compliance::DncEventLog dnc_log{db->dnc(), *signer_, settings};
    for (int i = 0; i < 3; ++i) {
      compliance::DncEvent e;
      e.dnc_request_id = "dnc-" + std::to_string(i);
      e.number = "+1305555" + std::to_string(2000 + i);
      e.channel = "AGENT";
      e.received_at = day(10 + i, 12);  // 06-10, 06-11, 06-12
      e.effective_at = e.received_at;
      e.actor = "agent-1";
      ASSERT_TRUE(dnc_log.append(e, e.received_at).ok());
    }
    auto refused = dialed("r1", "1", day(12, 2));
    refused.decision = "REFUSED";
    refused.refusal_reasons = {"OUTSIDE_WINDOW"};
    ASSERT_TRUE(log.record_decision(refused, day(12, 2)).ok());
  }

  CtlRun export_days(const std::string& from, const std::string& to,
                     const std::string& extra = "") {
    return dialerctl("export --db " + shell_quoted(url_) + " --from " + from + " --to " + to +
                     " --out " + shell_quoted(bundle().string()) + " --signing-key " +
                     shell_quoted(key_) + extra);
  }
  fs::path bundle() const { return dir_ / "bundle"; }

  fs::path dir_;
  std::string key_;
  std::optional<compliance::Ed25519Signer> signer_;
};

std::vector<std::string> read_lines(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

TEST_F(ExportFromDbTest, ExportedBundleVerifiesAndAnEditedLineIsNamed) {
  write_records();
  const auto exported = export_days("2026-06-10", "2026-06-11");  // --to inclusive
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const auto lines = read_lines(bundle() / compliance::kAttemptsJsonl);
  EXPECT_EQ(lines.size(), 4u);  // the 06-12 refusal is outside the range
  EXPECT_EQ(read_lines(bundle() / compliance::kDncJsonl).size(), 2u);
  const auto verified = dialerctl("export verify " + shell_quoted(bundle().string()));
  EXPECT_EQ(verified.exit_code, 0) << verified.output;

  auto tampered = lines;
  const auto at = tampered[1].find("\"SALE\"");
  ASSERT_NE(at, std::string::npos);
  tampered[1].replace(at, 6, "\"NOAN\"");
  {
    std::ofstream out(bundle() / compliance::kAttemptsJsonl, std::ios::trunc);
    for (const auto& l : tampered) out << l << "\n";
  }
  const auto after = dialerctl("export verify " + shell_quoted(bundle().string()));
  EXPECT_EQ(after.exit_code, 1) << after.output;
  EXPECT_NE(after.output.find("line 2"), std::string::npos) << after.output;
}

TEST_F(ExportFromDbTest, CampaignFilterAndDayRangeSelectTheRecords) {
  write_records();
  const auto exported = export_days("2026-06-10", "2026-06-10", " --campaign 1");
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  EXPECT_EQ(read_lines(bundle() / compliance::kAttemptsJsonl).size(), 2u);
  EXPECT_EQ(dialerctl("export verify " + shell_quoted(bundle().string())).exit_code, 0);
}

TEST_F(ExportFromDbTest, ARecordEditedInTheDatabaseFailsTheExport) {
  if (is_mysql()) GTEST_SKIP() << "edits the SQLite file directly";
  write_records();
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(url_.substr(std::string("sqlite:").size()).c_str(), &raw), SQLITE_OK);
  const int rc = sqlite3_exec(raw,
                              "UPDATE call_records SET body = replace(body, '\"SALE\"', "
                              "'\"NOAN\"') WHERE log_id = '1' AND seq = 2",
                              nullptr, nullptr, nullptr);
  const int changed = sqlite3_changes(raw);
  sqlite3_close(raw);
  ASSERT_EQ(rc, SQLITE_OK);
  ASSERT_EQ(changed, 1);
  const auto exported = export_days("2026-06-10", "2026-06-11");
  EXPECT_EQ(exported.exit_code, 1) << exported.output;
  EXPECT_NE(exported.output.find("seq 2"), std::string::npos) << exported.output;
}

TEST_F(ExportFromDbTest, BadArgumentsAndAnUnreachableDatabaseFailClearly) {
  const auto no_dates =
      dialerctl("export --db " + shell_quoted(url_) + " --out " + shell_quoted(bundle().string()) +
                " --signing-key " + shell_quoted(key_));
  EXPECT_EQ(no_dates.exit_code, 2);
  EXPECT_NE(no_dates.output.find("--from"), std::string::npos) << no_dates.output;
  const auto bad_date = export_days("2026-13-01", "2026-06-10");
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.output.find("YYYY-MM-DD"), std::string::npos) << bad_date.output;
  const auto no_db =
      dialerctl("export --db " + shell_quoted("sqlite:" + (dir_ / "no/such/dir.db").string()) +
                " --from 2026-06-10 --to 2026-06-10 --out " + shell_quoted(bundle().string()) +
                " --signing-key " + shell_quoted(key_));
  EXPECT_EQ(no_db.exit_code, 2) << no_db.output;
}

}  // namespace
}  // namespace dialer::testing
