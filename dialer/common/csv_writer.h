// CSV output shared by every exporter (leads, call records, reports).
// Quotes fields per RFC 4180 and neutralises spreadsheet formulas: a text field that starts with
// '=', '+', '-', '@', TAB or CR is prefixed with a single quote, so that opening the file in a
// spreadsheet never executes it. Numeric fields (E.164 numbers, counts) go through
// write_raw_field() unescaped. Not thread-safe; one writer per output stream.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace dialer {

// The text of one field as it must appear in a CSV file (quoted when needed, formulas defused).
std::string csv_text_field(std::string_view value);

class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  CsvWriter& field(std::string_view text);      // escaped, formula-safe
  CsvWriter& raw_field(std::string_view value);  // trusted: numbers, ids, E.164, timestamps
  void end_row();

 private:
  void separator();
  std::ostream& out_;
  bool row_started_ = false;
};

}  // namespace dialer
