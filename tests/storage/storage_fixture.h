// Shared fixture of the storage contract suite. The same test bodies run on SQLite (default: a
// temporary file in the working directory, removed afterwards) and on MariaDB when
// DIALER_TEST_MYSQL_URL_FILE names the URL file written by tests/support/mariadb.sh.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "dialer/storage/database.h"

namespace dialer::testing {

class StorageTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Opens the test database (applying migrations) and fails the test if that does not work.
  std::unique_ptr<Database> open();
  std::unique_ptr<Database> open(std::span<const Migration> migrations);

  bool is_mysql() const { return !mysql_dir_.empty(); }
  // MariaDB only: drops and recreates the database under an open connection.
  void drop_database_behind_its_back();

  // Campaign `id` of tenant `tenant`, stored, with list "main"; returns the list id.
  ListId make_campaign(Database& db, std::int64_t id, const std::string& tenant = "acme");

  std::string url_;

 private:
  std::string mysql_dir_;
  std::string sqlite_path_;
};

CampaignRecord campaign_record(std::int64_t id, const std::string& tenant, const std::string& name);

// A lead with every field filled; `n` makes phone and names unique.
Lead sample_lead(const std::string& tenant, CampaignId campaign, ListId list, int n);

std::vector<Lead> sample_leads(const std::string& tenant, CampaignId campaign, ListId list,
                               int count, int first = 0);

// Field-by-field comparison, ignoring the storage-assigned id.
void expect_same_lead(const Lead& expected, const Lead& actual);

}  // namespace dialer::testing
