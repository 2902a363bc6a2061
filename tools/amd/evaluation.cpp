#include "tools/amd/evaluation.h"

#include <time.h>

#include <algorithm>
#include <cmath>

namespace dialer::amd::eval {
namespace {

std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

constexpr double kBeepMatchMs = 300;
constexpr double kShortBeepS = 0.2;

void score_beeps(const FileOutcome& o, DetectorReport& r, std::vector<double>& onset_errors) {
  const auto& e = *o.entry;
  bool matched = false;
  for (const auto& b : o.beeps) {
    const double onset_ms = static_cast<double>(b.onset.count());
    if (e.beep_on && !matched && std::abs(onset_ms - *e.beep_on * 1000) <= kBeepMatchMs) {
      matched = true;
      onset_errors.push_back(std::abs(onset_ms - *e.beep_on * 1000));
      continue;
    }
    ++r.false_beeps;
    if (e.human) ++r.false_beeps_speech_or_ringback;
    r.errors.push_back(e.id + " " + e.scenario +
                       " false beep onset=" + std::to_string(b.onset.count()) +
                       "ms f=" + std::to_string(static_cast<int>(b.frequency_hz)) + "Hz");
  }
  if (!e.beep_on) return;
  if (!matched) r.errors.push_back(e.id + " " + e.scenario + " missed beep");
  const bool short_beep = e.beep_off && *e.beep_off - *e.beep_on < kShortBeepS - 1e-6;
  if (short_beep) {
    ++r.beeps_short_total;
    r.beeps_short_hit += matched ? 1 : 0;
  } else {
    ++r.beeps_total;
    r.beeps_hit += matched ? 1 : 0;
  }
}

}  // namespace

FileOutcome run_file(AmdDetector& detector, const CorpusEntry& entry,
                     const std::vector<std::int16_t>& samples) {
  FileOutcome out;
  out.entry = &entry;
  const std::int64_t start = thread_cpu_ns();
  for (std::size_t i = 0; i + kFrameSamples <= samples.size(); i += kFrameSamples) {
    AudioFrame frame{Duration{static_cast<std::int64_t>(i / 8)},
                     std::span<const std::int16_t>(samples.data() + i, kFrameSamples)};
    AmdStep step = detector.feed(frame);
    if (step.tone && step.tone->kind == ToneKind::kBeep) out.beeps.push_back(*step.tone);
    ++out.frames;
  }
  if (!detector.decision()) detector.advance(detector.deadline());
  out.cpu_ns = thread_cpu_ns() - start;
  out.decision = *detector.decision();
  return out;
}

Interval wilson(std::size_t errors, std::size_t total) {
  if (total == 0) return {};
  const double z = 1.959964;
  const double n = static_cast<double>(total);
  const double p = static_cast<double>(errors) / n;
  const double denom = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
  return {p, std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Percentiles percentiles(std::vector<double> v) {
  Percentiles p;
  p.count = v.size();
  if (v.empty()) return p;
  std::sort(v.begin(), v.end());
  auto at = [&v](double q) {
    // nearest rank, so the reported value is one that was observed
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
    return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
  };
  p.median_ms = at(0.5);
  p.p95_ms = at(0.95);
  p.max_ms = v.back();
  return p;
}

DetectorReport summarize(std::string name, const std::vector<FileOutcome>& outcomes,
                         bool has_beep_detector) {
  DetectorReport r;
  r.name = std::move(name);
  r.has_beep_detector = has_beep_detector;
  std::vector<double> human_lat, machine_lat, after, onset_errors;
  std::size_t frames = 0;
  std::int64_t cpu = 0;
  for (const auto& o : outcomes) {
    const auto& e = *o.entry;
    const auto v = static_cast<std::size_t>(o.decision.verdict);
    const double at_ms = static_cast<double>(o.decision.decided_at.count());
    r.confusion[e.human ? 0 : 1][v]++;
    r.by_scenario[e.scenario.empty() ? "-" : e.scenario][v]++;
    r.causes[std::string(to_string(o.decision.cause))]++;
    (e.human ? human_lat : machine_lat).push_back(at_ms);
    if (e.human && o.decision.verdict != AmdVerdict::kMachine && e.first_speech_off) {
      after.push_back(at_ms - *e.first_speech_off * 1000);
    }
    // NOTSURE is listed too: not an error for a person (an agent takes it), but worth reading.
    const bool wrong = (e.human && o.decision.verdict != AmdVerdict::kHuman) ||
                       (!e.human && o.decision.verdict != AmdVerdict::kMachine);
    if (wrong) {
      r.errors.push_back(e.id + " " + e.scenario + " " + (e.human ? "HUMAN" : "MACHINE") + " -> " +
                         o.decision.describe());
    }
    if (has_beep_detector) score_beeps(o, r, onset_errors);
    frames += o.frames;
    cpu += o.cpu_ns;
  }
  const std::size_t humans = r.confusion[0][0] + r.confusion[0][1] + r.confusion[0][2];
  const std::size_t machines = r.confusion[1][0] + r.confusion[1][1] + r.confusion[1][2];
  r.human_as_machine = wilson(r.confusion[0][1], humans);
  r.machine_as_human = wilson(r.confusion[1][0], machines);
  r.notsure = wilson(r.confusion[0][2] + r.confusion[1][2], humans + machines);
  r.human_latency = percentiles(human_lat);
  r.machine_latency = percentiles(machine_lat);
  r.human_after_utterance = percentiles(after);
  if (!after.empty()) {
    auto over = std::count_if(after.begin(), after.end(), [](double x) { return x > 1000; });
    r.human_after_utterance_over_1s = static_cast<double>(over) / static_cast<double>(after.size());
  }
  r.beep_onset_error = percentiles(onset_errors);
  r.cpu_ns_per_frame = frames ? static_cast<double>(cpu) / static_cast<double>(frames) : 0;
  return r;
}

}  // namespace dialer::amd::eval
