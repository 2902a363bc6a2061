#include "dialer/common/csv_writer.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dialer {
namespace {

TEST(CsvWriterTest, DefusesSpreadsheetFormulaPrefixes) {
  EXPECT_EQ(csv_text_field("=SUM(A1:A9)"), "'=SUM(A1:A9)");
  EXPECT_EQ(csv_text_field("+1 555"), "'+1 555");
  EXPECT_EQ(csv_text_field("-2"), "'-2");
  EXPECT_EQ(csv_text_field("@cmd"), "'@cmd");
  EXPECT_EQ(csv_text_field("\tx"), "'\tx");
  EXPECT_EQ(csv_text_field("Smith"), "Smith");
  EXPECT_EQ(csv_text_field(""), "");
}

TEST(CsvWriterTest, QuotesSeparatorsQuotesAndNewlines) {
  EXPECT_EQ(csv_text_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_text_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_text_field("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(csv_text_field("=1,2"), "\"'=1,2\"");
}

TEST(CsvWriterTest, WritesRowsWithCrlfAndRawFieldsUntouched) {
  std::ostringstream out;
  CsvWriter w{out};
  w.raw_field("+12125550199").field("=evil").field("O'Hara").end_row();
  w.raw_field("2").end_row();
  EXPECT_EQ(out.str(), "+12125550199,'=evil,O'Hara\r\n2\r\n");
}

}  // namespace
}  // namespace dialer
