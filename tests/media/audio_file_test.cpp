#include "dialer/media/audio_file.h"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <numbers>
#include <vector>

#include "dialer/media/sample_fifo.h"

namespace dialer::media {
namespace {

namespace fs = std::filesystem;

class AudioFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("media_audio_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes a tone as a WAV of the given rate and channel count (every channel the same).
  std::string write_tone(const std::string& name, int rate, int channels, double freq,
                         double seconds) {
    const auto path = (dir_ / name).string();
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    EXPECT_NE(f, nullptr);
    const auto frames = static_cast<std::size_t>(rate * seconds);
    std::vector<short> data(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < frames; ++i) {
      const double v = 0.5 * std::sin(2 * std::numbers::pi * freq * i / rate);
      for (int c = 0; c < channels; ++c) {
        data[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
            static_cast<short>(std::lround(v * 32767));
      }
    }
    sf_writef_short(f, data.data(), static_cast<sf_count_t>(frames));
    sf_close(f);
    return path;
  }

  static double amplitude_at(const std::vector<std::int16_t>& x, double freq) {
    double re = 0, im = 0;
    const std::size_t skip = x.size() / 10;
    std::size_t n = 0;
    for (std::size_t i = skip; i + skip < x.size(); ++i, ++n) {
      re += x[i] * std::cos(2 * std::numbers::pi * freq * i / 8000.0);
      im += x[i] * std::sin(2 * std::numbers::pi * freq * i / 8000.0);
    }
    return 2 * std::sqrt(re * re + im * im) / static_cast<double>(n) / 32767.0;
  }

  fs::path dir_;
};

TEST_F(AudioFileTest, LoadsA16kHzMonoPromptAs8kHz) {
  const auto p = load_prompt(write_tone("a.wav", 16000, 1, 1000, 0.5), "greeting");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ((*p)->name, "greeting");
  EXPECT_EQ((*p)->samples.size(), 4000u);
  EXPECT_NEAR(amplitude_at((*p)->samples, 1000), 0.5, 0.01);
}

TEST_F(AudioFileTest, LoadsA22050HzStereoPromptAs8kHzMono) {
  const auto p = load_prompt(write_tone("b.wav", 22050, 2, 440, 0.5));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_NEAR(static_cast<double>((*p)->samples.size()), 4000.0, 1.0);
  EXPECT_NEAR(amplitude_at((*p)->samples, 440), 0.5, 0.01);
}

TEST_F(AudioFileTest, MissingOrInvalidFileIsAnError) {
  EXPECT_FALSE(load_prompt((dir_ / "nope.wav").string()));
  const auto junk = dir_ / "junk.wav";
  {
    std::FILE* f = std::fopen(junk.c_str(), "w");
    std::fputs("not audio", f);
    std::fclose(f);
  }
  const auto r = load_prompt(junk.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::io_error);
}

TEST_F(AudioFileTest, RecorderWritesStereoWavReadableByLibsndfile) {
  const auto path = (dir_ / "rec.wav").string();
  auto rec = WavRecorder::open(path);
  ASSERT_TRUE(rec) << rec.error().message;
  std::vector<std::int16_t> left(160, 1000);
  std::vector<std::int16_t> right(160, -2000);
  for (int i = 0; i < 10; ++i) ASSERT_TRUE((*rec)->write(left, right));
  ASSERT_TRUE((*rec)->write(left, {}));  // missing side padded with silence
  EXPECT_EQ((*rec)->frames_written(), 1760u);
  (*rec)->close();

  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(info.channels, 2);
  EXPECT_EQ(info.samplerate, 8000);
  EXPECT_EQ(info.frames, 1760);
  std::vector<short> data(static_cast<std::size_t>(info.frames) * 2);
  sf_readf_short(f, data.data(), info.frames);
  sf_close(f);
  EXPECT_EQ(data[0], 1000);
  EXPECT_EQ(data[1], -2000);
  EXPECT_EQ(data[2 * 1700], 1000);
  EXPECT_EQ(data[2 * 1700 + 1], 0);
}

TEST_F(AudioFileTest, RecorderOpenFailureIsAnError) {
  EXPECT_FALSE(WavRecorder::open((dir_ / "no_such_dir" / "x.wav").string()));
}

TEST(SampleFifoTest, PrimesThenPassesAudioInOrder) {
  SampleFifo fifo(800, 160);
  std::vector<std::int16_t> in(160);
  for (std::size_t i = 0; i < in.size(); ++i) in[i] = static_cast<std::int16_t>(i);
  std::vector<std::int16_t> out(160);
  fifo.push(in);
  EXPECT_FALSE(fifo.pop(out));  // one frame is not enough cushion
  fifo.push(in);
  ASSERT_TRUE(fifo.pop(out));
  EXPECT_EQ(out, in);
  ASSERT_TRUE(fifo.pop(out));   // primed: plays down to empty
  EXPECT_FALSE(fifo.pop(out));  // underrun: primes again
  fifo.push(in);
  EXPECT_FALSE(fifo.pop(out));
}

TEST(SampleFifoTest, OverflowDropsOldestAndReportsIt) {
  SampleFifo fifo(320, 0);
  std::vector<std::int16_t> a(160, 1), b(160, 2), c(160, 3);
  EXPECT_EQ(fifo.push(a), 0u);
  EXPECT_EQ(fifo.push(b), 0u);
  EXPECT_EQ(fifo.push(c), 160u);
  std::vector<std::int16_t> out(160);
  ASSERT_TRUE(fifo.pop(out));
  EXPECT_EQ(out, b);
  ASSERT_TRUE(fifo.pop(out));
  EXPECT_EQ(out, c);
}

}  // namespace
}  // namespace dialer::media
