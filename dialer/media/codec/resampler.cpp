#include "dialer/media/codec/resampler.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dialer::media {

std::vector<float> downmix_to_mono(std::span<const float> interleaved, int channels) {
  if (channels <= 1) return {interleaved.begin(), interleaved.end()};
  const auto ch = static_cast<std::size_t>(channels);
  std::vector<float> out(interleaved.size() / ch);
  for (std::size_t i = 0; i < out.size(); ++i) {
    float sum = 0;
    for (std::size_t c = 0; c < ch; ++c) sum += interleaved[i * ch + c];
    out[i] = sum / static_cast<float>(channels);
  }
  return out;
}

std::vector<float> resample(std::span<const float> in, int in_rate, int out_rate,
                            const ResamplerConfig& config) {
  if (in_rate <= 0 || out_rate <= 0 || in.empty()) return {};
  if (in_rate == out_rate) return {in.begin(), in.end()};
  const double step = static_cast<double>(in_rate) / out_rate;  // input samples per output
  // Cut-off in cycles per input sample.
  const double fc = config.cutoff_ratio * 0.5 * std::min(in_rate, out_rate) / in_rate;
  const double half_width = config.zero_crossings / (2.0 * fc);
  const auto out_len =
      static_cast<std::size_t>(std::floor(static_cast<double>(in.size()) * out_rate / in_rate));
  const auto n_in = static_cast<std::int64_t>(in.size());
  std::vector<float> out(out_len);
  for (std::size_t n = 0; n < out_len; ++n) {
    const double t = static_cast<double>(n) * step;
    const auto first =
        std::max<std::int64_t>(0, static_cast<std::int64_t>(std::ceil(t - half_width)));
    const auto last =
        std::min<std::int64_t>(n_in - 1, static_cast<std::int64_t>(std::floor(t + half_width)));
    double acc = 0;
    double weight_sum = 0;
    for (std::int64_t k = first; k <= last; ++k) {
      const double x = static_cast<double>(k) - t;
      const double arg = 2.0 * fc * x;
      const double sinc =
          std::abs(arg) < 1e-12 ? 1.0 : std::sin(std::numbers::pi * arg) / (std::numbers::pi * arg);
      const double w = 0.42 + 0.5 * std::cos(std::numbers::pi * x / half_width) +
                       0.08 * std::cos(2 * std::numbers::pi * x / half_width);
      const double h = sinc * w;
      acc += h * in[static_cast<std::size_t>(k)];
      weight_sum += h;
    }
    // Normalising by the kernel sum keeps unity gain at DC, including near the edges.
    out[n] = weight_sum != 0 ? static_cast<float>(acc / weight_sum) : 0.0f;
  }
  return out;
}

std::vector<std::int16_t> to_pcm16(std::span<const float> in) {
  std::vector<std::int16_t> out(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const float v = std::clamp(in[i], -1.0f, 1.0f) * 32767.0f;
    out[i] = static_cast<std::int16_t>(std::lround(v));
  }
  return out;
}

}  // namespace dialer::media
