#include "campaigns/lead_columns.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace dialer {
namespace {

Result<LeadColumnLayout> map(std::vector<std::string_view> header, const LeadColumnMap& m = {}) {
  return map_lead_columns(header, m);
}

TEST(LeadColumnsTest, MapsDefaultNamesCaseInsensitivelyAfterTrimming) {
  auto layout = map({" First_Name", "PHONE ", "alt_phone_10", "Email", "Loyalty Tier"});
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  ASSERT_EQ(layout->columns.size(), 5u);
  EXPECT_EQ(layout->columns[0].field, LeadField::first_name);
  EXPECT_EQ(layout->columns[1].field, LeadField::phone);
  EXPECT_EQ(layout->phone_column, 1u);
  EXPECT_EQ(layout->columns[2].field, LeadField::alt_phone);
  EXPECT_EQ(layout->columns[2].alt_index, 9u);
  EXPECT_EQ(layout->columns[3].field, LeadField::email);
  EXPECT_EQ(layout->columns[4].field, LeadField::custom);
  EXPECT_EQ(layout->columns[4].header, "Loyalty Tier");
  EXPECT_EQ(layout->custom_count, 1u);
}

TEST(LeadColumnsTest, MissingPhoneColumnIsAFileLevelError) {
  auto layout = map({"first_name", "telephone"});
  ASSERT_FALSE(layout.ok());
  EXPECT_EQ(layout.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(layout.error().message, "no phone column (expected a column named 'phone')");
}

TEST(LeadColumnsTest, RepeatedNamedColumnIsAnError) {
  auto layout = map({"phone", "city", "City"});
  ASSERT_FALSE(layout.ok());
  EXPECT_EQ(layout.error().message, "column 'City' appears more than once");
}

TEST(LeadColumnsTest, ConfiguredNamesReplaceTheDefaults) {
  LeadColumnMap m;
  m.phone = "Telephone";
  m.first_name = "Given Name";
  m.alt_phones = {"Mobile", "Work"};
  auto layout = map({"telephone", "given name", "work", "phone", "alt_phone_1"}, m);
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  EXPECT_EQ(layout->columns[0].field, LeadField::phone);
  EXPECT_EQ(layout->columns[1].field, LeadField::first_name);
  EXPECT_EQ(layout->columns[2].field, LeadField::alt_phone);
  EXPECT_EQ(layout->columns[2].alt_index, 1u);
  EXPECT_EQ(layout->columns[3].field, LeadField::custom);  // "phone" is no longer the phone
  EXPECT_EQ(layout->columns[4].field, LeadField::custom);
  EXPECT_EQ(layout->custom_count, 2u);
}

}  // namespace
}  // namespace dialer
