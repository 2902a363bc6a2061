#include "campaigns/csv_reader.h"

#include <algorithm>
#include <cstring>

namespace dialer {
namespace {

constexpr unsigned char kBom[] = {0xEF, 0xBB, 0xBF};

bool is_newline(char c) { return c == '\n' || c == '\r'; }

// Bytes that end a run of plain text outside quotes.
struct UnquotedStops {
  bool stop[256] = {};
  constexpr UnquotedStops() {
    stop[static_cast<unsigned char>(',')] = true;
    stop[static_cast<unsigned char>('\n')] = true;
    stop[static_cast<unsigned char>('\r')] = true;
  }
};
constexpr UnquotedStops kUnquotedStops;

bool utf8_sequence_ok(const unsigned char* p, std::size_t available, std::size_t& length) {
  const unsigned char c = p[0];
  std::uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    if (c < 0xC2) return false;  // overlong two-byte form
    length = 2;
    cp = c & 0x1Fu;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3;
    cp = c & 0x0Fu;
  } else if ((c & 0xF8) == 0xF0) {
    if (c > 0xF4) return false;
    length = 4;
    cp = c & 0x07u;
  } else {
    return false;  // stray continuation byte or 0xF8..0xFF
  }
  if (length > available) return false;
  for (std::size_t k = 1; k < length; ++k) {
    if ((p[k] & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (p[k] & 0x3Fu);
  }
  if (length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
  if (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
  return true;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {  // most lead files are ASCII: test eight bytes at a time
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    if (!utf8_sequence_ok(p + i, n - i, length)) return false;
    i += length;
  }
  return true;
}

CsvReader::CsvReader(std::istream& in, CsvReaderOptions options)
    : in_(in), options_(options), chunk_(std::max<std::size_t>(options.chunk_bytes, 16)) {
  record_.reserve(1024);
  field_ends_.reserve(32);
  views_.reserve(32);
}

bool CsvReader::refill() {
  if (eof_) return false;
  in_.read(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
  const auto n = static_cast<std::size_t>(in_.gcount());
  if (in_.bad()) stream_failed_ = true;
  if (!in_) eof_ = true;
  bytes_read_ += static_cast<std::int64_t>(n);
  pos_ = 0;
  end_ = n;
  if (at_start_) {
    at_start_ = false;
    if (n >= 3 && std::memcmp(chunk_.data(), kBom, 3) == 0) pos_ = 3;
  }
  return pos_ < end_;
}

void CsvReader::append(const char* data, std::size_t n) {
  const std::size_t room =
      options_.max_record_bytes - std::min(record_.size(), options_.max_record_bytes);
  if (n > room) {
    too_long_ = true;
    n = room;
  }
  record_.append(data, n);
}

void CsvReader::end_field() {
  if (field_ends_.size() >= options_.max_fields) {
    too_long_ = true;
    return;
  }
  field_ends_.push_back(record_.size());
}

void CsvReader::end_record_at_newline() {
  const char c = chunk_[pos_];
  ++pos_;
  end_field();
  ++line_;
  skip_lf_ = c == '\r';
}

void CsvReader::scan_unquoted() {
  const char* data = chunk_.data();
  std::size_t i = pos_ + 1;  // the current byte is known to be plain text
  while (i < end_ && !kUnquotedStops.stop[static_cast<unsigned char>(data[i])]) ++i;
  append(data + pos_, i - pos_);
  pos_ = i;
}

void CsvReader::scan_quoted() {
  const char* data = chunk_.data();
  const void* quote = std::memchr(data + pos_, '"', end_ - pos_);
  const std::size_t stop =
      quote == nullptr ? end_ : static_cast<std::size_t>(static_cast<const char*>(quote) - data);
  line_ += std::count(data + pos_, data + stop, '\n');
  append(data + pos_, stop - pos_);
  pos_ = stop;
}

bool CsvReader::consume_chunk() {
  while (pos_ < end_) {
    const char c = chunk_[pos_];
    if (skip_lf_) {
      skip_lf_ = false;
      if (c == '\n') {
        ++pos_;
        continue;
      }
    }
    if (state_ == State::quoted) {
      if (c == '"') {
        state_ = State::quote_in_quoted;
        ++pos_;
      } else {
        scan_quoted();
      }
      continue;
    }
    if (is_newline(c)) {
      end_record_at_newline();
      return true;
    }
    record_empty_ = false;
    if (c == ',') {
      end_field();
      state_ = State::field_start;
      ++pos_;
    } else if (c == '"' && state_ == State::field_start) {
      state_ = State::quoted;
      ++pos_;
    } else if (c == '"' && state_ == State::quote_in_quoted) {  // doubled quote
      append("\"", 1);
      state_ = State::quoted;
      ++pos_;
    } else {
      // Plain text, a stray quote inside an unquoted field, or text after a closing quote:
      // kept as written rather than rejected, as spreadsheets do.
      state_ = State::unquoted;
      scan_unquoted();
    }
  }
  return false;
}

void CsvReader::reset_record() {
  state_ = State::field_start;
  record_empty_ = true;
  too_long_ = false;
  record_line_ = line_;
  record_.clear();
  field_ends_.clear();
}

void CsvReader::finish_record(CsvRecord& record) {
  views_.clear();
  std::size_t begin = 0;
  for (std::size_t end : field_ends_) {
    views_.emplace_back(record_.data() + begin, end - begin);
    begin = end;
  }
  if (expected_fields_ == 0) expected_fields_ = views_.size();
  record.line = record_line_;
  record.fields = views_;
  record.valid_utf8 = is_valid_utf8(record_);
  record.field_count_matches = views_.size() == expected_fields_;
  record.unterminated_quote = false;
  record.too_long = too_long_;
}

bool CsvReader::next(CsvRecord& record) {
  reset_record();  // the previous record's views die here, as documented
  for (;;) {
    if (pos_ == end_ && !refill()) {
      if (record_empty_ && state_ == State::field_start && field_ends_.empty()) return false;
      if (stream_failed_) return false;  // a record cut by a read error is not a record
      const bool unterminated = state_ == State::quoted;
      end_field();  // the last line had no newline
      finish_record(record);
      record.unterminated_quote = unterminated;
      return true;
    }
    if (!consume_chunk()) continue;
    if (record_empty_) {  // a blank line
      reset_record();
      continue;
    }
    finish_record(record);
    return true;
  }
}

}  // namespace dialer
