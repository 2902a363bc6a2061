// Sample-rate conversion for prompts: a windowed-sinc (Blackman) interpolator with an
// anti-aliasing cut-off below the lower of the two Nyquist frequencies, plus channel down-mixing
// and float <-> 16-bit conversion. Meant to run once per prompt at load time, not per frame.
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace dialer::media {

struct ResamplerConfig {
  int zero_crossings = 16;     // kernel half-width in zero crossings of the cut-off sinc
  double cutoff_ratio = 0.92;  // cut-off as a fraction of the lower Nyquist frequency
};

// Averages interleaved channels into one.
std::vector<float> downmix_to_mono(std::span<const float> interleaved, int channels);

// Resamples mono audio from `in_rate` to `out_rate` (both > 0). Same rate returns a copy.
std::vector<float> resample(std::span<const float> in, int in_rate, int out_rate,
                            const ResamplerConfig& config = {});

// Float in [-1, 1] to 16-bit with rounding and clipping.
std::vector<std::int16_t> to_pcm16(std::span<const float> in);

}  // namespace dialer::media
