// The reference file data/bad_rows.csv holds one row of every bad-input kind (see the comments in
// the expectations below), with a BOM, CRLF and LF line endings, quoted newlines, a blank line
// and a last line without a newline.
#include <gtest/gtest.h>

#include <fstream>
#include <utility>
#include <vector>

#include "campaigns/lead_import.h"
#include "tests/fakes/in_memory_lead_repository.h"

namespace dialer {
namespace {

using Entry = std::pair<std::int64_t, std::string>;

std::vector<Entry> entries(const std::vector<ImportRowError>& rows) {
  std::vector<Entry> out;
  for (const auto& r : rows) out.emplace_back(r.line, r.reason);
  return out;
}

class LeadImportBadRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Lead existing;
    existing.campaign = CampaignId{3};
    existing.phone = "+12062345678";  // line 22 repeats it
    ASSERT_TRUE(repo_.insert_batch(std::span<const Lead>(&existing, 1)).ok());
    std::ifstream file(DIALER_CAMPAIGNS_TEST_DATA "/bad_rows.csv", std::ios::binary);
    ASSERT_TRUE(file.is_open());
    ImportOptions options;
    options.campaign = CampaignId{3};
    options.batch_size = 4;
    auto result = import_leads(file, options, repo_);
    ASSERT_TRUE(result.ok()) << result.error().message;
    summary_ = std::move(*result);
  }

  fakes::InMemoryLeadRepository repo_;
  ImportSummary summary_;
};

TEST_F(LeadImportBadRowsTest, CountsEveryRowExactlyOnce) {
  EXPECT_EQ(summary_.rows, 19);
  EXPECT_EQ(summary_.loaded, 7);
  EXPECT_EQ(summary_.duplicates, 3);
  EXPECT_EQ(summary_.invalid, 9);
  EXPECT_EQ(summary_.rows, summary_.loaded + summary_.duplicates + summary_.invalid);
  EXPECT_FALSE(summary_.aborted.has_value());
  EXPECT_EQ(repo_.leads().size(), 1u + 7u);
}

TEST_F(LeadImportBadRowsTest, ReportsEachBadRowWithItsLineAndReason) {
  const std::vector<Entry> expected = {
      {7, "missing_phone"},
      {8, "invalid_phone: fictional_555"},
      {9, "premium_rate_phone"},   // NPA 900
      {10, "premium_rate_phone"},  // exchange 976
      {11, "invalid_phone: n11_code"},
      {12, "invalid_phone: not_a_number"},
      {13, "wrong_field_count: 5 fields, header has 8"},
      {14, "wrong_field_count: 9 fields, header has 8"},
      {15, "invalid_utf8"},  // Latin-1 e-acute
      {17, "duplicate"},     // same number as line 2, other spelling
      {18, "duplicate"},     // and again with +1
      {22, "duplicate"},     // already in the campaign
  };
  EXPECT_EQ(entries(summary_.errors), expected);
}

TEST_F(LeadImportBadRowsTest, DropsBadAlternateNumbersWithAWarningAndKeepsTheLead) {
  const std::vector<Entry> expected = {
      {20, "alt_phone_dropped: alt_phone_1 premium_rate"},
      {21, "alt_phone_dropped: alt_phone_1 too_short"},
  };
  EXPECT_EQ(entries(summary_.warnings), expected);
  EXPECT_EQ(summary_.count(ImportIssue::alt_phone_dropped), 2);
  EXPECT_EQ(summary_.count(ImportIssue::duplicate), 3);
  EXPECT_EQ(summary_.count(ImportIssue::premium_rate_phone), 2);
  EXPECT_EQ(summary_.count(ImportIssue::wrong_field_count), 2);
}

TEST_F(LeadImportBadRowsTest, LoadsGoodRowsWithTheirLinesAndValuesAsGiven) {
  const auto& leads = repo_.leads();
  ASSERT_EQ(leads.size(), 8u);
  std::vector<std::pair<std::int64_t, std::string>> loaded;
  for (std::size_t i = 1; i < leads.size(); ++i) {
    loaded.emplace_back(leads[i].source_line, leads[i].phone);
  }
  const std::vector<std::pair<std::int64_t, std::string>> expected = {
      {2, "+12122345678"},  {3, "+13122345678"},  {4, "+14152345678"}, {19, "+13052345678"},
      {20, "+14042345678"}, {21, "+16022345678"}, {23, "+15032345678"}};
  EXPECT_EQ(loaded, expected);
  EXPECT_EQ(leads[2].first_name, "Bob \"Bobby\"");
  EXPECT_EQ(leads[2].alt_phones, std::vector<std::string>{"+13122340000"});
  EXPECT_EQ(leads[3].first_name, "Multi\nline");
  EXPECT_EQ(leads[3].city, "San\r\nFrancisco");
  EXPECT_EQ(leads[4].first_name, "=HYPERLINK(\"http://x.example/\",\"click\")");
  EXPECT_TRUE(leads[5].alt_phones.empty());
  EXPECT_EQ(leads[7].last_name, "Line");
  ASSERT_EQ(leads[7].custom_fields.size(), 1u);
  EXPECT_EQ(leads[7].custom_fields[0].first, "Account Ref");
  EXPECT_EQ(leads[7].custom_fields[0].second, "A-19");
}

}  // namespace
}  // namespace dialer
