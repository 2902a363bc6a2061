#include "tools/amd/amd_eval.h"

#include <cstdio>
#include <sstream>

namespace dialer::amd::eval {
namespace {

std::string pct(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100 * x);
  return buf;
}

std::string pct_ci(const Interval& i) {
  return pct(i.rate) + " [" + pct(i.low) + ", " + pct(i.high) + "]";
}

std::string lat(const Percentiles& p) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "median %.0f ms, p95 %.0f ms, max %.0f ms (n=%zu)", p.median_ms,
                p.p95_ms, p.max_ms, p.count);
  return buf;
}

nlohmann::json interval_json(const Interval& i) {
  return {{"rate", i.rate}, {"low95", i.low}, {"high95", i.high}};
}

nlohmann::json pct_json(const Percentiles& p) {
  return {
      {"count", p.count}, {"median_ms", p.median_ms}, {"p95_ms", p.p95_ms}, {"max_ms", p.max_ms}};
}

}  // namespace

Result<std::vector<DetectorReport>> evaluate_corpus(const std::filesystem::path& dir,
                                                    const std::vector<AmdConfig>& configs) {
  auto entries = load_labels(dir);
  if (!entries) return entries.error();
  std::vector<std::vector<FileOutcome>> outcomes(configs.size());
  std::vector<std::string> names(configs.size());
  for (const auto& entry : *entries) {
    auto samples = read_wav(dir / (entry.id + ".wav"));
    if (!samples) return samples.error();
    for (std::size_t d = 0; d < configs.size(); ++d) {
      auto detector = make_detector(configs[d]);
      if (!detector) return detector.error();
      names[d] = std::string((*detector)->name());
      outcomes[d].push_back(run_file(**detector, entry, *samples));
    }
  }
  std::vector<DetectorReport> reports;
  for (std::size_t d = 0; d < configs.size(); ++d) {
    reports.push_back(
        summarize(names[d], outcomes[d], configs[d].algorithm == AmdAlgorithm::kCadence));
  }
  return reports;
}

nlohmann::json to_json(const std::filesystem::path& dir,
                       const std::vector<DetectorReport>& reports) {
  nlohmann::json out{{"corpus", dir.string()}, {"detectors", nlohmann::json::array()}};
  for (const auto& r : reports) {
    nlohmann::json d{
        {"name", r.name},
        {"confusion", {{"HUMAN", r.confusion[0]}, {"MACHINE", r.confusion[1]}}},
        {"human_as_machine", r.human_as_machine.rate},
        {"human_as_machine_ci95", interval_json(r.human_as_machine)},
        {"machine_as_human", r.machine_as_human.rate},
        {"machine_as_human_ci95", interval_json(r.machine_as_human)},
        {"notsure", r.notsure.rate},
        {"human_latency", pct_json(r.human_latency)},
        {"machine_latency", pct_json(r.machine_latency)},
        {"human_after_utterance", pct_json(r.human_after_utterance)},
        {"human_after_utterance_p95_ms", r.human_after_utterance.p95_ms},
        {"human_after_utterance_over_1s", r.human_after_utterance_over_1s},
        {"cpu_ns_per_frame", r.cpu_ns_per_frame},
        {"causes", r.causes},
        {"by_scenario", nlohmann::json::object()},
    };
    for (const auto& [scenario, n] : r.by_scenario) {
      d["by_scenario"][scenario] = {{"HUMAN", n[0]}, {"MACHINE", n[1]}, {"NOTSURE", n[2]}};
    }
    if (r.has_beep_detector) {
      d["beep"] = {
          {"tones_ge_200ms", r.beeps_total},
          {"hit_rate", r.beeps_total ? double(r.beeps_hit) / double(r.beeps_total) : 0.0},
          {"tones_lt_200ms", r.beeps_short_total},
          {"short_hit_rate",
           r.beeps_short_total ? double(r.beeps_short_hit) / double(r.beeps_short_total) : 0.0},
          {"onset_error", pct_json(r.beep_onset_error)},
          {"false_beeps", r.false_beeps},
          {"false_beeps_on_human_calls", r.false_beeps_speech_or_ringback}};
    } else {
      d["beep"] = nullptr;
    }
    out["detectors"].push_back(std::move(d));
  }
  return out;
}

std::string to_text(const std::filesystem::path& dir, const std::vector<DetectorReport>& reports,
                    bool list_errors) {
  std::ostringstream o;
  o << "corpus " << dir.string() << "\n";
  for (const auto& r : reports) {
    const auto& c = r.confusion;
    o << "\n== detector " << r.name << "\n"
      << "truth \\ verdict    HUMAN  MACHINE  NOTSURE\n";
    char row[96];
    std::snprintf(row, sizeof row, "HUMAN          %9zu %8zu %8zu\nMACHINE        %9zu %8zu %8zu\n",
                  c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2]);
    o << row;
    o << "human as machine        " << pct_ci(r.human_as_machine) << "\n"
      << "machine as human        " << pct_ci(r.machine_as_human) << "\n"
      << "NOTSURE                 " << pct_ci(r.notsure) << "\n"
      << "latency, humans         " << lat(r.human_latency) << "\n"
      << "latency, machines       " << lat(r.machine_latency) << "\n"
      << "after first utterance   " << lat(r.human_after_utterance) << ", over 1 s "
      << pct(r.human_after_utterance_over_1s) << "\n";
    if (r.has_beep_detector) {
      o << "beep hit (>=200 ms)     " << r.beeps_hit << "/" << r.beeps_total << "; short tones "
        << r.beeps_short_hit << "/" << r.beeps_short_total << "\n"
        << "beep onset error        " << lat(r.beep_onset_error) << "\n"
        << "false beeps             " << r.false_beeps
        << " (on human calls: " << r.false_beeps_speech_or_ringback << ")\n";
    } else {
      o << "beep                    no beep detector\n";
    }
    char cpu[64];
    std::snprintf(cpu, sizeof cpu, "%.0f ns", r.cpu_ns_per_frame);
    o << "CPU per 20 ms frame     " << cpu << "\ncauses                 ";
    for (const auto& [cause, n] : r.causes) o << " " << cause << "=" << n;
    o << "\nby scenario (H/M/N)    ";
    for (const auto& [s, n] : r.by_scenario)
      o << " " << s << "=" << n[0] << "/" << n[1] << "/" << n[2];
    o << "\n";
    if (list_errors) {
      for (const auto& e : r.errors) o << "  wrong: " << e << "\n";
    }
  }
  return o.str();
}

}  // namespace dialer::amd::eval
