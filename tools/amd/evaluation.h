// Runs AMD detectors over a labelled corpus and computes the figures a campaign manager reads:
// confusion matrix, error rates with Wilson 95 % intervals, NOTSURE rate, decision latencies,
// beep hit rate and onset error, false beeps, CPU per frame. Tool-side, single-threaded.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dialer/amd/amd_detector.h"
#include "tools/amd/corpus.h"

namespace dialer::amd::eval {

struct FileOutcome {
  const CorpusEntry* entry = nullptr;
  AmdDecision decision;
  std::vector<ToneEvent> beeps;  // beep events, in order
  std::size_t frames = 0;
  std::int64_t cpu_ns = 0;
};

// Feeds the whole file frame by frame (tones are tracked after the verdict too).
FileOutcome run_file(AmdDetector& detector, const CorpusEntry& entry,
                     const std::vector<std::int16_t>& samples);

struct Interval {
  double rate = 0;
  double low = 0;
  double high = 0;
};
Interval wilson(std::size_t errors, std::size_t total);

struct Percentiles {
  std::size_t count = 0;
  double median_ms = 0;
  double p95_ms = 0;
  double max_ms = 0;
};
Percentiles percentiles(std::vector<double> values_ms);

struct DetectorReport {
  std::string name;
  // confusion[truth][verdict]: truth 0 = HUMAN, 1 = MACHINE; verdict by AmdVerdict order
  std::array<std::array<std::size_t, 3>, 2> confusion{};
  Interval human_as_machine;
  Interval machine_as_human;
  Interval notsure;
  Percentiles human_latency;  // from the answer
  Percentiles machine_latency;
  Percentiles human_after_utterance;  // HUMAN or NOTSURE verdicts, after first_speech_off
  double human_after_utterance_over_1s = 0;
  bool has_beep_detector = false;
  std::size_t beeps_total = 0;  // true beeps >= 200 ms
  std::size_t beeps_hit = 0;
  std::size_t beeps_short_total = 0;  // true beeps < 200 ms
  std::size_t beeps_short_hit = 0;
  Percentiles beep_onset_error;                    // |detected - true| over hits
  std::size_t false_beeps = 0;                     // beep events with no true beep near them
  std::size_t false_beeps_speech_or_ringback = 0;  // of which on human calls
  double cpu_ns_per_frame = 0;
  std::map<std::string, std::size_t> causes;
  std::map<std::string, std::array<std::size_t, 3>> by_scenario;  // verdict counts
  std::vector<std::string> errors;                                // "id scenario truth -> decision"
};

DetectorReport summarize(std::string name, const std::vector<FileOutcome>& outcomes,
                         bool has_beep_detector);

}  // namespace dialer::amd::eval
