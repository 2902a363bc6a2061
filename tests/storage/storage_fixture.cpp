#include "tests/storage/storage_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dialer::testing {
namespace {

std::string read_first_line(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

void StorageTest::SetUp() {
  const char* url_file = std::getenv("DIALER_TEST_MYSQL_URL_FILE");
  if (url_file == nullptr || *url_file == '\0') {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const auto path =
        std::filesystem::current_path() /
        ("storage_test_" + std::string(info->test_suite_name()) + "_" + info->name() + ".db");
    sqlite_path_ = path.string();
    TearDown();  // a leftover from an interrupted run must not leak into this one
    url_ = "sqlite:" + sqlite_path_;
    return;
  }
  const std::filesystem::path file(url_file);
  mysql_dir_ = file.parent_path().string();
  if (std::filesystem::exists(file.parent_path() / "skip")) {
    GTEST_SKIP() << "\n*** MariaDB contract tests SKIPPED: "
                 << read_first_line(file.parent_path() / "skip") << " ***";
  }
  ASSERT_TRUE(std::filesystem::exists(file))
      << "the MariaDB fixture did not start a server (no " << file
      << "); see the output of the storage_mariadb_start test";
  url_ = read_first_line(file);
  ASSERT_FALSE(url_.empty()) << file << " is empty";
  drop_database_behind_its_back();
}

void StorageTest::drop_database_behind_its_back() {
  ASSERT_TRUE(is_mysql());
  const std::string reset = "'" + (std::filesystem::path(mysql_dir_) / "reset").string() + "'";
  ASSERT_EQ(std::system(reset.c_str()), 0) << "could not recreate the test database";
}

void StorageTest::TearDown() {
  if (sqlite_path_.empty()) return;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(sqlite_path_ + suffix);
  }
}

std::unique_ptr<Database> StorageTest::open() { return open(schema_migrations()); }

std::unique_ptr<Database> StorageTest::open(std::span<const Migration> migrations) {
  auto db = open_database(url_, migrations);
  EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message);
  if (!db) return nullptr;
  EXPECT_EQ((*db)->backend(), is_mysql() ? "mysql" : "sqlite");
  return std::move(*db);
}

CampaignRecord campaign_record(std::int64_t id, const std::string& tenant,
                               const std::string& name) {
  return CampaignRecord{CampaignId{id},
                        tenant,
                        name,
                        DialMode::predictive,
                        "id: " + std::to_string(id) + "\nname: " + name + "\n",
                        from_unix_ms(1'790'000'000'000 + id)};
}

ListId StorageTest::make_campaign(Database& db, std::int64_t id, const std::string& tenant) {
  EXPECT_TRUE(db.campaigns().upsert(campaign_record(id, tenant, "Campaign " + std::to_string(id))));
  auto list = db.leads().ensure_list(tenant, CampaignId{id}, "main");
  EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().message);
  return list.ok() ? list->id : ListId{};
}

Lead sample_lead(const std::string& tenant, CampaignId campaign, ListId list, int n) {
  Lead lead;
  lead.tenant = tenant;
  lead.campaign = campaign;
  lead.list = list;
  lead.phone = "+1212555" + std::to_string(1'000'000 + n).substr(1);
  lead.alt_phones = {"+13125550100", "+442079460018"};
  lead.first_name = "Ann" + std::to_string(n);
  lead.last_name = "O'Neil";
  lead.address = "1 Main St, Apt 2";
  lead.city = "New York";
  lead.state = "NY";
  lead.postal_code = "10001";
  lead.timezone = "America/New_York";
  lead.email = "ann" + std::to_string(n) + "@example.com";
  lead.custom_fields = {{"plan", "gold"}, {"note", "call after 5, \"not\" before"}};
  lead.status = LeadState::fresh;
  lead.attempts = 0;
  lead.source_line = n + 2;
  return lead;
}

std::vector<Lead> sample_leads(const std::string& tenant, CampaignId campaign, ListId list,
                               int count, int first) {
  std::vector<Lead> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out.push_back(sample_lead(tenant, campaign, list, first + i));
  return out;
}

void expect_same_lead(const Lead& expected, const Lead& actual) {
  EXPECT_EQ(actual.tenant, expected.tenant);
  EXPECT_EQ(actual.campaign, expected.campaign);
  EXPECT_EQ(actual.list, expected.list);
  EXPECT_EQ(actual.phone, expected.phone);
  EXPECT_EQ(actual.alt_phones, expected.alt_phones);
  EXPECT_EQ(actual.first_name, expected.first_name);
  EXPECT_EQ(actual.last_name, expected.last_name);
  EXPECT_EQ(actual.address, expected.address);
  EXPECT_EQ(actual.city, expected.city);
  EXPECT_EQ(actual.state, expected.state);
  EXPECT_EQ(actual.postal_code, expected.postal_code);
  EXPECT_EQ(actual.timezone, expected.timezone);
  EXPECT_EQ(actual.email, expected.email);
  EXPECT_EQ(actual.custom_fields, expected.custom_fields);
  EXPECT_EQ(actual.status, expected.status);
  EXPECT_EQ(actual.attempts, expected.attempts);
  EXPECT_EQ(actual.next_attempt_at, expected.next_attempt_at);
  EXPECT_EQ(actual.source_line, expected.source_line);
}

}  // namespace dialer::testing
