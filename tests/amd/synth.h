// Synthetic 8 kHz audio for AMD tests: silence, tones, seeded noise and speech-like bursts
// (a gliding harmonic complex, not a single tone), plus helpers that feed a detector.
#pragma once

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <numbers>
#include <optional>
#include <vector>

#include "dialer/amd/amd_detector.h"

namespace dialer::amd::test {

using Pcm = std::vector<std::int16_t>;

inline Pcm silence(int ms) { return Pcm(static_cast<std::size_t>(ms * 8), 0); }

inline Pcm tone(std::initializer_list<double> hz, int ms, double dbfs = -12) {
  Pcm out(static_cast<std::size_t>(ms * 8));
  const double amp = 32767 * std::pow(10, dbfs / 20) / static_cast<double>(hz.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    double v = 0;
    for (double f : hz) v += std::sin(2 * std::numbers::pi * f * static_cast<double>(i) / 8000);
    out[i] = static_cast<std::int16_t>(std::lround(amp * v));
  }
  return out;
}

// Speech-like: harmonics 2..18 of a gliding 120-160 Hz pitch, syllable envelope every 200 ms.
inline Pcm speech(int ms, double dbfs = -12, double pitch = 140) {
  Pcm out(static_cast<std::size_t>(ms * 8));
  const double amp = 32767 * std::pow(10, dbfs / 20) / 4;
  double phase = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double t = static_cast<double>(i) / 8000;
    phase += 2 * std::numbers::pi * (pitch + 20 * std::sin(2 * std::numbers::pi * 3 * t)) / 8000;
    double v = 0;
    for (int k = 2; k <= 18; ++k) v += std::sin(k * phase + k * k) / std::sqrt(k);
    const double env = 0.7 + 0.3 * std::sin(2 * std::numbers::pi * 5 * t);
    out[i] = static_cast<std::int16_t>(std::clamp(amp * env * v, -32767.0, 32767.0));
  }
  return out;
}

// Adds seeded white noise at `dbfs` RMS.
inline Pcm with_noise(Pcm pcm, double dbfs, unsigned seed = 1) {
  const double sigma = 32767 * std::pow(10, dbfs / 20) * std::sqrt(3.0);
  std::uint32_t state = seed;
  for (auto& s : pcm) {
    state = state * 1664525U + 1013904223U;
    const double u = (static_cast<double>(state >> 8) / 16777216.0) * 2 - 1;
    s = static_cast<std::int16_t>(std::clamp(s + sigma * u, -32767.0, 32767.0));
  }
  return pcm;
}

inline Pcm concat(std::initializer_list<Pcm> parts) {
  Pcm out;
  for (const auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

struct Run {
  std::optional<AmdDecision> decision;
  std::vector<ToneEvent> tones;
};

// Feeds every 20 ms frame of `pcm` from media time 0, then lets the analysis limit pass.
inline Run run(AmdDetector& detector, const Pcm& pcm) {
  Run r;
  for (std::size_t i = 0; i + kFrameSamples <= pcm.size(); i += kFrameSamples) {
    AmdStep step = detector.feed({Duration{static_cast<std::int64_t>(i / 8)},
                                  std::span<const std::int16_t>(pcm.data() + i, kFrameSamples)});
    if (step.tone) r.tones.push_back(*step.tone);
  }
  detector.advance(detector.deadline());
  r.decision = detector.decision();
  return r;
}

inline std::vector<ToneEvent> tones_of(const Pcm& pcm) {
  ToneDetector detector;
  std::vector<ToneEvent> out;
  for (std::size_t i = 0; i + kFrameSamples <= pcm.size(); i += kFrameSamples) {
    auto e = detector.feed(Duration{static_cast<std::int64_t>(i / 8)},
                           std::span<const std::int16_t>(pcm.data() + i, kFrameSamples));
    if (e) out.push_back(*e);
  }
  return out;
}

}  // namespace dialer::amd::test
