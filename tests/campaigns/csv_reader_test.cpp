#include "campaigns/csv_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "dialer/common/random.h"

namespace dialer {
namespace {

struct Row {
  std::int64_t line;
  std::vector<std::string> fields;
  bool valid_utf8;
  bool count_ok;
  bool unterminated;
};

std::vector<Row> read_all(const std::string& text, CsvReaderOptions options = {}) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  CsvRecord record;
  std::vector<Row> rows;
  while (reader.next(record)) {
    rows.push_back(Row{record.line,
                       {record.fields.begin(), record.fields.end()},
                       record.valid_utf8,
                       record.field_count_matches,
                       record.unterminated_quote});
  }
  return rows;
}

using Fields = std::vector<std::string>;

TEST(CsvReaderTest, SplitsPlainFieldsOnCommas) {
  auto rows = read_all("a,b,c\n1,,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(rows[1].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReaderTest, UnescapesQuotedFieldsWithCommasAndDoubledQuotes) {
  auto rows = read_all("name,note\n\"Smith, John\",\"say \"\"hi\"\"\"\n\"\",x\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (Fields{"Smith, John", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields, (Fields{"", "x"}));
}

TEST(CsvReaderTest, QuotedNewlineSpansLinesAndReportsTheStartingLine) {
  auto rows = read_all("a,b\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n3,x\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[1].fields[1], "two\nlines");
  EXPECT_EQ(rows[2].line, 4);
  EXPECT_EQ(rows[2].fields[1], "three\r\nmore\nlines");
  EXPECT_EQ(rows[3].line, 7);
}

TEST(CsvReaderTest, CrLfLineEndingsAreNotPartOfFields) {
  auto rows = read_all("a,b\r\n1,2\r\n\"q\",3\r\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(rows[2].fields, (Fields{"q", "3"}));
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReaderTest, LoneCarriageReturnEndsARecordLikeOldMacExports) {
  auto rows = read_all("a,b\r1,2\r3,4");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(rows[2].line, 3);
}

TEST(CsvReaderTest, StripsLeadingUtf8Bom) {
  auto rows = read_all("\xEF\xBB\xBFphone,name\n1,x\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].fields[0], "phone");
  EXPECT_TRUE(rows[0].valid_utf8);
}

TEST(CsvReaderTest, ReadsLastLineWithoutNewline) {
  auto rows = read_all("a,b\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"1", "2"}));
  auto trailing_comma = read_all("a,b\n1,");
  ASSERT_EQ(trailing_comma.size(), 2u);
  EXPECT_EQ(trailing_comma[1].fields, (Fields{"1", ""}));
}

TEST(CsvReaderTest, SkipsBlankLinesButKeepsLineNumbers) {
  auto rows = read_all("a,b\n\n1,2\r\n\r\n\n3,4\n\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[2].line, 6);
}

TEST(CsvReaderTest, FlagsRecordsWithWrongFieldCount) {
  auto rows = read_all("a,b,c\n1,2,3\n1,2\n1,2,3,4\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[1].count_ok);
  EXPECT_FALSE(rows[2].count_ok);
  EXPECT_FALSE(rows[3].count_ok);
}

TEST(CsvReaderTest, FlagsInvalidUtf8PerRecord) {
  auto rows = read_all(
      "a,b\nJos\xC3\xA9,ok\nbad\xFF,x\n\xC0\xAF,overlong\n\xED\xA0\x80,surrogate\n"
      "\xE2\x82,truncated\n\xF0\x9F\x98\x80,emoji\n");
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_TRUE(rows[1].valid_utf8);
  EXPECT_FALSE(rows[2].valid_utf8);
  EXPECT_FALSE(rows[3].valid_utf8);
  EXPECT_FALSE(rows[4].valid_utf8);
  EXPECT_FALSE(rows[5].valid_utf8);
  EXPECT_TRUE(rows[6].valid_utf8);
}

TEST(CsvReaderTest, FlagsUnterminatedQuoteAtEndOfInput) {
  auto rows = read_all("a,b\n1,\"never closed\n2,3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[1].unterminated);
  EXPECT_EQ(rows[1].line, 2);
}

TEST(CsvReaderTest, KeepsStrayQuotesAsText) {
  auto rows = read_all("a,b\n5\" disk,\"x\"y\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].fields, (Fields{"5\" disk", "xy"}));
}

TEST(CsvReaderTest, RecordsSpanningChunkBoundariesAreIntact) {
  std::string text = "id,text\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) {
    std::string value = "v" + std::to_string(i) + std::string(static_cast<std::size_t>(i % 7), 'x');
    expected.push_back(value);
    text += std::to_string(i) + ",\"" + value + "\"\r\n";
  }
  auto rows = read_all(text, CsvReaderOptions{.chunk_bytes = 16, .max_record_bytes = 1024});
  ASSERT_EQ(rows.size(), 201u);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(rows[static_cast<std::size_t>(i) + 1].fields[1],
              expected[static_cast<std::size_t>(i)]);
    EXPECT_EQ(rows[static_cast<std::size_t>(i) + 1].line, i + 2);
  }
}

TEST(CsvReaderTest, FlagsRecordsLongerThanTheLimitAndCarriesOn) {
  std::string text = "a,b\n1,\"" + std::string(100, 'z') + "\"\n2,ok\n";
  std::istringstream in(text);
  CsvReader reader(in, CsvReaderOptions{.chunk_bytes = 16, .max_record_bytes = 50});
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.too_long);
  ASSERT_TRUE(reader.next(record));
  EXPECT_FALSE(record.too_long);
  EXPECT_EQ(record.fields[1], "ok");
  EXPECT_EQ(record.line, 3);
  EXPECT_FALSE(reader.next(record));
  EXPECT_EQ(reader.bytes_read(), static_cast<std::int64_t>(text.size()));
}

// Random records (quoted or not, with commas, quotes, LF and CRLF inside, blank lines between)
// must come back field for field with the right start line, whatever the read size.
TEST(CsvReaderTest, RandomRecordsRoundTripForEveryChunkSize) {
  SeededRandom rng(3);
  const char* pieces[] = {"a", "Smith", ",", "\"", "\n", "\r\n", " ", "\xC3\xA9", "x,y"};
  std::string text;
  std::vector<Row> expected;
  for (int r = 0; r < 300; ++r) {
    if (rng.bernoulli(0.1)) text += rng.bernoulli(0.5) ? "\n" : "\r\n";
    Row row{1 + std::count(text.begin(), text.end(), '\n'), {}, true, true, false};
    for (int f = 0; f < 4; ++f) {
      std::string value;
      const auto length = rng.uniform_int(0, 4);
      for (std::int64_t k = 0; k < length; ++k) value += pieces[rng.uniform_int(0, 8)];
      const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string::npos;
      if (f > 0) text += ",";
      if (needs_quotes || rng.bernoulli(0.3)) {
        text += "\"";
        for (char c : value) text += c == '"' ? std::string("\"\"") : std::string(1, c);
        text += "\"";
      } else {
        text += value;
      }
      row.fields.push_back(value);
    }
    text += rng.bernoulli(0.5) ? "\n" : "\r\n";
    expected.push_back(row);
  }
  for (std::size_t chunk : {16u, 17u, 61u, 65536u}) {
    auto rows = read_all(text, CsvReaderOptions{.chunk_bytes = chunk, .max_record_bytes = 4096});
    ASSERT_EQ(rows.size(), expected.size()) << "chunk " << chunk;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].fields, expected[i].fields) << "record " << i << " chunk " << chunk;
      ASSERT_EQ(rows[i].line, expected[i].line) << "record " << i << " chunk " << chunk;
      ASSERT_TRUE(rows[i].valid_utf8);
    }
  }
}

TEST(CsvReaderTest, FlagsRecordsWithTooManyFields) {
  std::string text = "a,b\n" + std::string(50, ',') + "\n1,2\n";
  std::istringstream in(text);
  CsvReader reader(in,
                   CsvReaderOptions{.chunk_bytes = 64, .max_record_bytes = 1024, .max_fields = 8});
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  EXPECT_TRUE(record.too_long);
  EXPECT_EQ(record.fields.size(), 8u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_FALSE(record.too_long);
  EXPECT_EQ(record.line, 3);
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  EXPECT_TRUE(read_all("").empty());
  EXPECT_TRUE(read_all("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(read_all("\n\r\n").empty());
}

}  // namespace
}  // namespace dialer
