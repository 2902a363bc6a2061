// Contract: migrations and connection failures, identical on every backend.
#include <gtest/gtest.h>

#include <vector>

#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using SchemaTest = StorageTest;

std::vector<Migration> with_extra_migration() {
  std::vector<Migration> list(schema_migrations().begin(), schema_migrations().end());
  const int next = latest_version(schema_migrations()) + 1;
  // SQLite has no prefix indexes, so the second step differs per dialect.
  list.push_back(Migration{next,
                           "test table from a later module",
                           {{"CREATE TABLE later_module (id INTEGER PRIMARY KEY, note TEXT)",
                             "CREATE TABLE later_module (id BIGINT PRIMARY KEY, note TEXT)"},
                            {"CREATE INDEX later_module_note ON later_module (note)",
                             "CREATE INDEX later_module_note ON later_module (note(20))"}}});
  return list;
}

TEST_F(SchemaTest, FreshDatabaseIsMigratedToTheLatestVersion) {
  auto db = open();
  ASSERT_TRUE(db);
  EXPECT_EQ(db->schema_version(), latest_version(schema_migrations()));
  EXPECT_GE(db->schema_version(), 1);
}

TEST_F(SchemaTest, ReopeningKeepsDataAndAppliesNothingTwice) {
  {
    auto db = open();
    ASSERT_TRUE(db);
    make_campaign(*db, 9);
  }
  for (int i = 0; i < 2; ++i) {
    auto db = open();
    ASSERT_TRUE(db);
    EXPECT_EQ(db->schema_version(), latest_version(schema_migrations()));
    auto found = db->campaigns().find(CampaignId{9});
    ASSERT_TRUE(found.ok() && found->has_value());
  }
}

TEST_F(SchemaTest, AppendedMigrationIsAppliedOnTheNextOpen) {
  { ASSERT_TRUE(open()); }
  const auto extended = with_extra_migration();
  auto db = open(extended);
  ASSERT_TRUE(db);
  EXPECT_EQ(db->schema_version(), latest_version(extended));
  db.reset();
  db = open(extended);  // and only once
  ASSERT_TRUE(db);
  EXPECT_EQ(db->schema_version(), latest_version(extended));
}

TEST_F(SchemaTest, DatabaseNewerThanTheCodeIsRefused) {
  const auto extended = with_extra_migration();
  { ASSERT_TRUE(open(extended)); }
  auto refused = open_database(url_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::unsupported);
  EXPECT_NE(refused.error().message.find("version " + std::to_string(latest_version(extended))),
            std::string::npos)
      << refused.error().message;
}

TEST_F(SchemaTest, MigrationsOutOfOrderAreRejected) {
  std::vector<Migration> list = with_extra_migration();
  std::swap(list.front(), list.back());
  auto db = open_database(url_, list);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::internal);
}

TEST_F(SchemaTest, UnreachableDatabaseIsStorageUnavailableWithoutPassword) {
  std::string bad;
  if (is_mysql()) {
    auto parsed = parse_database_url(url_);
    ASSERT_TRUE(parsed.ok());
    bad = "mysql://" + parsed->user + ":Wr0ngS3cret-zz@127.0.0.1:" + std::to_string(parsed->port) +
          "/" + parsed->database;
  } else {
    bad = "sqlite:/nonexistent-dir-for-dialer-tests/sub/x.db";
  }
  auto db = open_database(bad);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::storage_unavailable);
  EXPECT_EQ(db.error().message.find("Wr0ngS3cret"), std::string::npos) << db.error().message;
}

TEST_F(SchemaTest, WritesToAVanishedSchemaAreStorageUnavailableWithContext) {
  if (!is_mysql()) GTEST_SKIP() << "needs a server whose database can be dropped under a session";
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  drop_database_behind_its_back();
  auto failed = db->leads().insert_batch(sample_leads("acme", CampaignId{1}, list, 3));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::storage_unavailable);
  EXPECT_EQ(failed.error().message.rfind("leads: insert batch failed: ", 0), 0u)
      << failed.error().message;
  auto listed = db->campaigns().list();
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error().code, ErrorCode::storage_unavailable);
  EXPECT_EQ(listed.error().message.rfind("campaigns: list: ", 0), 0u) << listed.error().message;
}

}  // namespace
}  // namespace dialer::testing
