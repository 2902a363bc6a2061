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
  // Autocorrelation at lags 0..2. For one sinusoid r1/r0 = cos(w), but white noise inflates r0
  // and biases that ratio by about cot(w) times the noise share: tens of Hz near 440 Hz at 20 dB
  // SNR. Lags 1 and 2 carry no white-noise term, and cos(2w) = 2cos(w)^2 - 1 gives cos(w) from
  // rho = r2/r1; that form is ill-conditioned only near 2 kHz, where the first one is accurate.
  double r0 = 0;
  double r1 = 0;
  double r2 = 0;
  const std::size_t n = block.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double x = block[i];
    r0 += x * x;
    if (i >= 1) r1 += x * block[i - 1];
    if (i >= 2) r2 += x * block[i - 2];
  }
  if (r0 <= 0) return 0;
  double c = r1 / r0;
  if (c > 0.5) {
    const double rho = r2 / r1;
    c = (rho + std::sqrt(rho * rho + 8)) / 4;
  }
  c = std::clamp(c, -1.0, 1.0);
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
