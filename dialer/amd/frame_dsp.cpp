#include "dialer/amd/frame_dsp.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "dialer/amd/amd_types.h"

namespace dialer::amd {

double mean_abs(std::span<const std::int16_t> samples) {
  if (samples.empty()) return 0;
  long total = 0;
  for (std::int16_t s : samples) total += s < 0 ? -static_cast<long>(s) : s;
  return static_cast<double>(total) / static_cast<double>(samples.size());
}

double level_db(double sum_squares, std::size_t count) {
  if (count == 0) return 0;
  return 10.0 * std::log10(1.0 + sum_squares / static_cast<double>(count));
}

double estimate_frequency_hz(std::span<const float> block) {
  double num = 0;
  double den = 0;
  for (std::size_t n = 1; n + 1 < block.size(); ++n) {
    num += static_cast<double>(block[n]) * (block[n - 1] + block[n + 1]);
    den += 2.0 * static_cast<double>(block[n]) * block[n];
  }
  if (den <= 0) return 0;
  double c = std::clamp(num / den, -1.0, 1.0);
  return std::acos(c) * kSampleRate / (2.0 * std::numbers::pi);
}

double tone_purity(std::span<const float> block, double hz, double sum_squares) {
  if (sum_squares <= 0 || block.empty()) return 0;
  const double coeff = 2.0 * std::cos(2.0 * std::numbers::pi * hz / kSampleRate);
  double s1 = 0;
  double s2 = 0;
  for (float x : block) {
    double s0 = x + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  return 2.0 * power / (static_cast<double>(block.size()) * sum_squares);
}

}  // namespace dialer::amd
