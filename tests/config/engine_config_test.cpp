#include "dialer/config/engine_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "dialer/config/config_load.h"
#include "tests/config/test_support.h"

namespace dialer::config {
namespace {

using ::testing::ElementsAre;
using testing::lines;
using testing::source_path;
using testing::yaml;

// A fresh folder per test, so that ctest may run the cases in parallel.
class EngineConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("engine_config_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  std::filesystem::path dir_;
};

TEST_F(EngineConfigTest, LoadsTheExampleEngineFileWithItsCampaigns) {
  const auto load = load_engine_file(source_path("examples/dialerd.yaml"));
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  const EngineConfig& e = *load.value;
  EXPECT_EQ(e.database, "sqlite:var/dialer.db");
  EXPECT_EQ(e.database_kind, DatabaseKind::sqlite);
  EXPECT_EQ(e.log_level, LogLevel::info);
  EXPECT_THAT(e.campaign_files, ElementsAre(source_path("examples/campaign.yaml")));
  ASSERT_EQ(e.campaigns.size(), 1U);
  EXPECT_EQ(e.campaigns[0]->name, "Demo predictive campaign");
}

TEST_F(EngineConfigTest, DefaultsWithoutCampaigns) {
  const auto load = load_engine_text("kind: engine\n", "dialerd.yaml");
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.value->database, "sqlite:var/dialer.db");
  EXPECT_EQ(load.value->log_level, LogLevel::info);
  EXPECT_TRUE(load.value->campaigns.empty());
}

TEST_F(EngineConfigTest, AcceptsMysqlUrlsAndRejectsOtherSchemes) {
  const auto mysql = load_engine_text(
      "kind: engine\ndatabase: mysql://dialer:secret@127.0.0.1:3306/dialer\nlog_level: debug\n",
      "dialerd.yaml");
  ASSERT_TRUE(mysql.ok());
  EXPECT_EQ(mysql.value->database_kind, DatabaseKind::mysql);
  EXPECT_EQ(mysql.value->log_level, LogLevel::debug);

  const auto bad = load_engine_text(yaml(R"(
kind: engine
database: postgres://localhost/dialer
log_level: verbose
campaign: [a.yaml]
)"),
                                    "dialerd.yaml");
  EXPECT_THAT(lines(bad.diagnostics),
              ElementsAre("dialerd.yaml:2:11: database: unsupported database URL "
                          "'postgres://localhost/dialer' (expected sqlite:PATH or "
                          "mysql://user:pass@host:port/db)",
                          "dialerd.yaml:3:12: log_level: 'verbose' is not one of trace, debug, "
                          "info, warn, error, critical, off",
                          "dialerd.yaml:4:1: unknown key 'campaign' (did you mean 'campaigns'?)"));
}

TEST_F(EngineConfigTest, ResolvesCampaignFilesAgainstTheEngineFile) {
  write("c1.yaml", "id: 1\nname: One\ndial_mode: preview\n");
  std::filesystem::create_directories(dir_ / "more");
  write("more/c2.yaml", "id: 2\nname: Two\ndial_mode: progressive\n");
  const auto path = write("dialerd.yaml", "kind: engine\ncampaigns: [c1.yaml, more/c2.yaml]\n");
  const auto load = load_engine_file(path);
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  EXPECT_THAT(load.value->campaign_files,
              ElementsAre((dir_ / "c1.yaml").string(), (dir_ / "more/c2.yaml").string()));
  ASSERT_EQ(load.value->campaigns.size(), 2U);
  EXPECT_EQ(load.value->campaigns[1]->id, CampaignId{2});
}

TEST_F(EngineConfigTest, ReportsMissingBadAndDuplicateCampaignFiles) {
  write("c1.yaml", "id: 1\nname: One\ndial_mode: preview\n");
  write("same_id.yaml", "id: 1\nname: Again\ndial_mode: preview\n");
  const auto bad = write("bad.yaml", "id: 0\nname: Bad\ndial_mode: preview\n");
  const auto path = write("dialerd.yaml", yaml(R"(
kind: engine
campaigns:
  - c1.yaml
  - missing.yaml
  - same_id.yaml
  - bad.yaml
)"));
  const auto load = load_engine_file(path);
  EXPECT_FALSE(load.unreadable);
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre(path + ":4:5: campaigns[1]: cannot read campaign file '" +
                              (dir_ / "missing.yaml").string() + "': No such file or directory",
                          path + ":5:5: campaigns[2]: campaign id 1 is already used by '" +
                              (dir_ / "c1.yaml").string() + "'",
                          bad + ":1:5: id: must be at least 1, got 0"));
}

TEST_F(EngineConfigTest, ReportsItsOwnProblemsAndThoseOfItsCampaignsTogether) {
  const auto bad = write("bad.yaml", "id: 2\nname: Bad\ndial_mode: preview\nring_timeout: 5s\n");
  const auto path =
      write("dialerd.yaml", "kind: engine\nlog_level: chatty\ncampaigns: [bad.yaml]\n");
  EXPECT_THAT(lines(load_engine_file(path).diagnostics),
              ElementsAre(path + ":2:12: log_level: 'chatty' is not one of trace, debug, info, "
                                 "warn, error, critical, off",
                          bad + ":4:15: ring_timeout: must be at least 15s (RNG-01: legal minimum "
                                "ring time), got 5s"));
}

TEST_F(EngineConfigTest, CheckChoosesTheLoaderByKind) {
  const auto engine = check_config_text("kind: engine\nlog_level: loud\n", "dialerd.yaml");
  EXPECT_EQ(engine.kind, "engine");
  EXPECT_THAT(lines(engine.diagnostics),
              ElementsAre("dialerd.yaml:2:12: log_level: 'loud' is not one of trace, debug, info, "
                          "warn, error, critical, off"));
  const auto campaign = check_config_text("id: 1\nname: T\ndial_mode: preview\n", "c.yaml");
  EXPECT_EQ(campaign.kind, "campaign");
  EXPECT_TRUE(campaign.ok());
  const auto other = load_engine_text("id: 1\nname: T\n", "c.yaml");
  EXPECT_THAT(
      lines(other.diagnostics),
      ElementsAre("c.yaml:1:1: kind: expected a file of kind 'engine', got kind 'campaign'"));
  EXPECT_THAT(config_kinds(), ElementsAre("campaign", "engine", "inbound"));
  const auto unknown = check_config_text("kind: flow\n", "f.yaml");
  EXPECT_EQ(unknown.kind, "");
  EXPECT_THAT(lines(unknown.diagnostics),
              ElementsAre("f.yaml:1:7: kind: 'flow' is not one of campaign, engine, inbound"));
  EXPECT_EQ(check_config_text("a: [\n", "f.yaml").kind, "");
}

}  // namespace
}  // namespace dialer::config

namespace dialer::config {
namespace {

TEST(EngineSectionsTest, ReadsSipMediaAgentsAndComplianceWithPathsNextToTheFile) {
  const auto load = load_engine_text(R"(kind: engine
node_id: node-7
sip:
  bind_address: 127.0.0.1
  port: 5080
  trunks:
    - {name: carrier, proxy: "sip:127.0.0.1:5070", transport: tcp, username: u, password: p,
       register: true, register_expires: 600}
  channel_limit: 200
  cps_limit: 20
media: {bind_address: 127.0.0.1, port_min: 20000, port_max: 20999, threads: 2}
agents:
  - {user: agent1001, password: s3cret}
compliance:
  signing_key: keys/signing.pem
  national_dnc_file: dnc/national.txt
  national_dnc_date: "2026-11-30"
)",
                                     "/etc/dialer/dialerd.yaml");
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  const EngineConfig& e = *load.value;
  EXPECT_EQ(e.node_id, "node-7");
  EXPECT_EQ(e.sip.port, 5080);
  ASSERT_EQ(e.sip.trunks.size(), 1U);
  EXPECT_EQ(e.sip.trunks[0].proxy, "sip:127.0.0.1:5070");
  EXPECT_EQ(e.sip.trunks[0].transport, "tcp");
  EXPECT_TRUE(e.sip.trunks[0].register_enabled);
  EXPECT_EQ(e.sip.trunks[0].register_expires_s, 600);
  EXPECT_EQ(e.sip.channel_limit, 200);
  EXPECT_EQ(e.sip.cps_limit, 20);
  EXPECT_EQ(e.media.port_min, 20000);
  EXPECT_EQ(e.media.threads, 2);
  ASSERT_EQ(e.agents.size(), 1U);
  EXPECT_EQ(e.agents[0].user, "agent1001");
  EXPECT_EQ(e.compliance.signing_key, "/etc/dialer/keys/signing.pem");
  EXPECT_EQ(e.compliance.national_dnc_file, "/etc/dialer/dnc/national.txt");
  EXPECT_EQ(e.compliance.national_dnc_date, "2026-11-30");
}

TEST(EngineSectionsTest, ReportsBadTrunksAgentsAndDncDatesWithPositions) {
  const auto load = load_engine_text(R"(kind: engine
sip:
  trunks:
    - {name: carrier, proxy: "127.0.0.1:5070"}
    - {name: carrier, proxy: "sip:127.0.0.1:5071", transport: sctp}
agents:
  - {user: a1, password: x}
  - {user: a1, password: y}
compliance:
  national_dnc_file: national.txt
  national_dnc_date: 30/11/2026
)",
                                     "dialerd.yaml");
  ASSERT_FALSE(load.ok());
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("dialerd.yaml:4:7: trunk 'carrier': proxy must be a sip: URI, got "
                          "'127.0.0.1:5070'",
                          "dialerd.yaml:5:7: duplicate trunk name 'carrier'",
                          "dialerd.yaml:5:63: sip.trunks[1].transport: 'sctp' is not one of udp, "
                          "tcp",
                          "dialerd.yaml:8:5: duplicate agent user 'a1'",
                          "dialerd.yaml:10:3: compliance.national_dnc_file needs national_dnc_date "
                          "(DNC-02)",
                          "dialerd.yaml:11:22: national_dnc_date: expected YYYY-MM-DD, got "
                          "'30/11/2026'"));
}

}  // namespace
}  // namespace dialer::config
