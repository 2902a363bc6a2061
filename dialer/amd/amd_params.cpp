#include "dialer/amd/amd_params.h"

#include <charconv>
#include <cstdio>
#include <functional>
#include <map>
#include <type_traits>

namespace dialer::amd {
namespace {

struct Param {
  std::function<double(const AmdConfig&)> get;
  std::function<void(AmdConfig&, double)> set;
};

template <typename Field>
Param field(Field AmdConfig::*group, auto member) {
  return Param{[group, member](const AmdConfig& c) -> double {
                 const auto& v = (c.*group).*member;
                 if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Duration>) {
                   return static_cast<double>(v.count());
                 } else {
                   return static_cast<double>(v);
                 }
               },
               [group, member](AmdConfig& c, double x) {
                 auto& v = (c.*group).*member;
                 if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Duration>) {
                   v = Duration{static_cast<std::int64_t>(x)};
                 } else {
                   v = static_cast<std::decay_t<decltype(v)>>(x);
                 }
               }};
}

const std::map<std::string, Param, std::less<>>& params() {
  static const std::map<std::string, Param, std::less<>> table{
      {"max_analysis", Param{[](const AmdConfig& c) { return double(c.max_analysis.count()); },
                             [](AmdConfig& c, double x) {
                               c.max_analysis = Duration{static_cast<std::int64_t>(x)};
                             }}},
      {"classic.initial_silence", field(&AmdConfig::classic, &ClassicParams::initial_silence)},
      {"classic.greeting", field(&AmdConfig::classic, &ClassicParams::greeting)},
      {"classic.after_greeting_silence",
       field(&AmdConfig::classic, &ClassicParams::after_greeting_silence)},
      {"classic.total_analysis", field(&AmdConfig::classic, &ClassicParams::total_analysis)},
      {"classic.min_word_length", field(&AmdConfig::classic, &ClassicParams::min_word_length)},
      {"classic.between_words_silence",
       field(&AmdConfig::classic, &ClassicParams::between_words_silence)},
      {"classic.max_words", field(&AmdConfig::classic, &ClassicParams::max_words)},
      {"classic.silence_threshold", field(&AmdConfig::classic, &ClassicParams::silence_threshold)},
      {"classic.max_word_length", field(&AmdConfig::classic, &ClassicParams::max_word_length)},
      {"cadence.speech_snr_db", field(&AmdConfig::cadence, &CadenceParams::speech_snr_db)},
      {"cadence.min_speech_db", field(&AmdConfig::cadence, &CadenceParams::min_speech_db)},
      {"cadence.onset_frames", field(&AmdConfig::cadence, &CadenceParams::onset_frames)},
      {"cadence.short_greeting", field(&AmdConfig::cadence, &CadenceParams::short_greeting)},
      {"cadence.short_silence", field(&AmdConfig::cadence, &CadenceParams::short_silence)},
      {"cadence.human_greeting", field(&AmdConfig::cadence, &CadenceParams::human_greeting)},
      {"cadence.human_silence", field(&AmdConfig::cadence, &CadenceParams::human_silence)},
      {"cadence.ended_silence", field(&AmdConfig::cadence, &CadenceParams::ended_silence)},
      {"cadence.long_greeting", field(&AmdConfig::cadence, &CadenceParams::long_greeting)},
      {"cadence.limit_greeting", field(&AmdConfig::cadence, &CadenceParams::limit_greeting)},
      {"cadence.still_talking", field(&AmdConfig::cadence, &CadenceParams::still_talking)},
      {"cadence.sentence_pause", field(&AmdConfig::cadence, &CadenceParams::sentence_pause)},
      {"cadence.unbroken_greeting", field(&AmdConfig::cadence, &CadenceParams::unbroken_greeting)},
      {"cadence.limit_silence", field(&AmdConfig::cadence, &CadenceParams::limit_silence)},
      {"cadence.late_onset", field(&AmdConfig::cadence, &CadenceParams::late_onset)},
  };
  return table;
}

}  // namespace

Status apply_param(AmdConfig& config, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) {
    return Error{ErrorCode::invalid_argument,
                 "expected name=value, got '" + std::string(assignment) + "'"};
  }
  const auto name = assignment.substr(0, eq);
  const auto text = assignment.substr(eq + 1);
  auto it = params().find(name);
  if (it == params().end()) {
    return Error{ErrorCode::invalid_argument, "unknown AMD parameter '" + std::string(name) + "'"};
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error{ErrorCode::invalid_argument,
                 std::string(name) + ": not a number: '" + std::string(text) + "'"};
  }
  it->second.set(config, value);
  return ok_status();
}

std::vector<std::string> describe_params(const AmdConfig& config) {
  std::vector<std::string> out;
  for (const auto& [name, p] : params()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p.get(config));
    out.push_back(name + "=" + buf);
  }
  return out;
}

}  // namespace dialer::amd
