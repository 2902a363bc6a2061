// Streaming RFC 4180 record reader over a caller-opened std::istream, in constant memory.
// Handles quoted fields (doubled quotes, embedded commas and newlines), CRLF or LF, a leading
// UTF-8 BOM, blank lines (skipped) and a last line without a newline. It never fails on content:
// problems (invalid UTF-8, wrong field count, unterminated quote, oversized record) are flags on
// the record, so the caller can report them by line. Not thread-safe; one reader per stream.
#pragma once

#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dialer {

struct CsvRecord {
  std::int64_t line = 0;                     // 1-based line where the record starts
  std::span<const std::string_view> fields;  // valid until the next call to CsvReader::next
  bool valid_utf8 = true;
  bool field_count_matches = true;  // same number of fields as the first record (the header)
  bool unterminated_quote = false;  // input ended inside a quoted field
  bool too_long = false;  // exceeded max_record_bytes or max_fields; the fields are truncated
};

struct CsvReaderOptions {
  std::size_t chunk_bytes = 64 * 1024;         // read size; the input buffer never grows
  std::size_t max_record_bytes = 1024 * 1024;  // bounds memory for a runaway quoted field
  std::size_t max_fields = 10'000;             // and for a line of nothing but commas
};

class CsvReader {
 public:
  explicit CsvReader(std::istream& in, CsvReaderOptions options = {});

  // Fills `record` with the next non-blank record; false at the end of the input.
  bool next(CsvRecord& record);

  [[nodiscard]] std::int64_t bytes_read() const { return bytes_read_; }
  // True when the stream reported a read error (not just end of file). next() then returns
  // false, without the record the error cut short.
  [[nodiscard]] bool stream_failed() const { return stream_failed_; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted };

  bool refill();
  bool consume_chunk();  // true when a record ended inside the current chunk
  void scan_unquoted();
  void scan_quoted();
  void end_field();
  void end_record_at_newline();
  void append(const char* data, std::size_t n);
  void finish_record(CsvRecord& record);
  void reset_record();

  std::istream& in_;
  CsvReaderOptions options_;
  std::vector<char> chunk_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool stream_failed_ = false;
  bool at_start_ = true;  // the BOM check is still pending
  std::int64_t bytes_read_ = 0;

  State state_ = State::field_start;
  bool skip_lf_ = false;      // a CR ended the last record; a following LF belongs to it
  bool record_empty_ = true;  // no byte of the current record seen yet (blank-line test)
  bool too_long_ = false;
  std::int64_t line_ = 1;         // line of the next byte
  std::int64_t record_line_ = 1;  // line where the current record started
  std::string record_;            // unescaped field contents, back to back
  std::vector<std::size_t> field_ends_;
  std::vector<std::string_view> views_;
  std::size_t expected_fields_ = 0;  // 0 until the first record
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

}  // namespace dialer
