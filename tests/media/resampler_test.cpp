#include "dialer/media/codec/resampler.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace dialer::media {
namespace {

std::vector<float> sine(double freq, int rate, double seconds, double amp = 0.5) {
  std::vector<float> v(static_cast<std::size_t>(rate * seconds));
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = static_cast<float>(amp * std::sin(2 * std::numbers::pi * freq * i / rate));
  }
  return v;
}

// Amplitude of `freq` in the middle part of `x` (edges skipped), by correlation.
double tone_amplitude(const std::vector<float>& x, double freq, int rate) {
  const std::size_t skip = x.size() / 10;
  double re = 0, im = 0;
  std::size_t n = 0;
  for (std::size_t i = skip; i + skip < x.size(); ++i, ++n) {
    re += x[i] * std::cos(2 * std::numbers::pi * freq * i / rate);
    im += x[i] * std::sin(2 * std::numbers::pi * freq * i / rate);
  }
  return 2 * std::sqrt(re * re + im * im) / static_cast<double>(n);
}

TEST(ResamplerTest, From16kHzKeepsA1kHzToneAndTheDuration) {
  const auto in = sine(1000, 16000, 1.0);
  const auto out = resample(in, 16000, 8000);
  EXPECT_EQ(out.size(), 8000u);
  EXPECT_NEAR(tone_amplitude(out, 1000, 8000), 0.5, 0.01);
}

TEST(ResamplerTest, From22050HzKeepsA440HzToneAndTheDuration) {
  const auto in = sine(440, 22050, 1.0);
  const auto out = resample(in, 22050, 8000);
  EXPECT_NEAR(static_cast<double>(out.size()), 8000.0, 1.0);
  EXPECT_NEAR(tone_amplitude(out, 440, 8000), 0.5, 0.01);
  EXPECT_NEAR(tone_amplitude(out, 1000, 8000), 0.0, 0.01);
}

TEST(ResamplerTest, ToneAboveTheNewNyquistIsFilteredNotAliased) {
  // 6 kHz at 16 kHz would alias to 2 kHz at 8 kHz without the low-pass.
  const auto out = resample(sine(6000, 16000, 1.0), 16000, 8000);
  EXPECT_LT(tone_amplitude(out, 2000, 8000), 0.005);
  const auto out22 = resample(sine(5000, 22050, 1.0), 22050, 8000);
  EXPECT_LT(tone_amplitude(out22, 3000, 8000), 0.005);
}

TEST(ResamplerTest, UpsamplingFromLowerRateWorksToo) {
  const auto out = resample(sine(500, 6000, 1.0), 6000, 8000);
  EXPECT_EQ(out.size(), 8000u);
  EXPECT_NEAR(tone_amplitude(out, 500, 8000), 0.5, 0.01);
}

TEST(ResamplerTest, DownmixAveragesChannelsAndPcmConversionClips) {
  const std::vector<float> stereo{1.0f, 0.0f, -0.5f, 0.5f, 0.25f, 0.75f};
  EXPECT_EQ(downmix_to_mono(stereo, 2), (std::vector<float>{0.5f, 0.0f, 0.5f}));
  const std::vector<float> f{0.0f, 1.0f, -1.0f, 2.0f, 0.5f};
  EXPECT_EQ(to_pcm16(f), (std::vector<std::int16_t>{0, 32767, -32767, 32767, 16384}));
  EXPECT_TRUE(resample({}, 8000, 16000).empty());
  EXPECT_EQ(resample(f, 8000, 8000), f);
}

}  // namespace
}  // namespace dialer::media
