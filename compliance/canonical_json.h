// Canonical JSON output for compliance records (reference REC-06): keys in byte order, no
// insignificant whitespace, UTF-8 passed through, control characters escaped. A value writer,
// not a parser: the record types list their fields in sorted order and write them here.
// Not thread-safe; one writer per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::compliance {

// Appends `t` as RFC 3339 UTC with milliseconds ("2026-11-22T14:03:07.250Z"), like format_utc().
void append_utc(std::string& out, TimePoint t);

// Appends `s` as a JSON string literal (with quotes) to `out`.
void append_json_string(std::string& out, std::string_view s);

// The sink every record field is written to; JSON and CSV implement it.
class ValueSink {
 public:
  virtual ~ValueSink() = default;
  virtual void null() = 0;
  virtual void text(std::string_view s) = 0;
  virtual void integer(std::int64_t v) = 0;
  virtual void boolean(bool b) = 0;
  virtual void time(TimePoint t) = 0;  // RFC 3339 UTC with milliseconds
  virtual void text_list(const std::vector<std::string>& v) = 0;

  void value(const std::string& s) { text(s); }
  void value(std::int64_t v) { integer(v); }
  void value(bool b) { boolean(b); }
  void value(TimePoint t) { time(t); }
  void value(const std::vector<std::string>& v) { text_list(v); }
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) {
      value(*v);
    } else {
      null();
    }
  }
};

// Writes `"key":value` pairs into one JSON object.
class JsonObjectWriter final : public ValueSink {
 public:
  explicit JsonObjectWriter(std::string& out) : out_(out) {}
  void begin() {
    out_.push_back('{');
    first_ = true;
  }
  void end() { out_.push_back('}'); }
  void key(std::string_view k);
  // A key already encoded as `,"key":` (precomputed by record types for speed).
  void encoded_key(std::string_view comma_key_colon);

  void null() override { out_.append("null"); }
  void text(std::string_view s) override { append_json_string(out_, s); }
  void integer(std::int64_t v) override;
  void boolean(bool b) override { out_.append(b ? "true" : "false"); }
  void time(TimePoint t) override;
  void text_list(const std::vector<std::string>& v) override;
  [[nodiscard]] std::size_t size() const { return out_.size(); }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace dialer::compliance
