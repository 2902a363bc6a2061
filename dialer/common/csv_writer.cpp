#include "dialer/common/csv_writer.h"

namespace dialer {
namespace {

bool starts_like_formula(std::string_view v) {
  if (v.empty()) return false;
  switch (v.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
    default: return false;
  }
}

bool needs_quotes(std::string_view v) {
  return v.find_first_of(",\"\r\n") != std::string_view::npos;
}

}  // namespace

std::string csv_text_field(std::string_view value) {
  std::string text;
  text.reserve(value.size() + 3);
  if (starts_like_formula(value)) text.push_back('\'');
  text.append(value);
  if (!needs_quotes(text)) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void CsvWriter::separator() {
  if (row_started_) out_.put(',');
  row_started_ = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  separator();
  out_ << csv_text_field(text);
  return *this;
}

CsvWriter& CsvWriter::raw_field(std::string_view value) {
  separator();
  out_ << value;
  return *this;
}

void CsvWriter::end_row() {
  out_ << "\r\n";
  row_started_ = false;
}

}  // namespace dialer
