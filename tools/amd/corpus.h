// Reading an AMD corpus: DIR/labels.csv (id,label,first_speech_on,first_speech_off,beep_on and
// optional extra columns) and DIR/<id>.wav (8 kHz, 16-bit, mono). Tool-side I/O, not pure.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dialer/common/result.h"

namespace dialer::amd::eval {

struct CorpusEntry {
  std::string id;
  bool human = false;
  std::optional<double> first_speech_on;  // seconds from the answer
  std::optional<double> first_speech_off;
  std::optional<double> beep_on;
  std::optional<double> beep_off;  // optional column
  std::string scenario;            // optional column, "" when absent
};

Result<std::vector<CorpusEntry>> load_labels(const std::filesystem::path& dir);

// Samples of an 8 kHz mono 16-bit WAV file.
Result<std::vector<std::int16_t>> read_wav(const std::filesystem::path& file);

}  // namespace dialer::amd::eval
