#include "dialer/media/audio_file.h"

#include <sndfile.h>

#include <algorithm>
#include <vector>

#include "dialer/media/codec/resampler.h"

namespace dialer::media {

Result<PromptPtr> load_prompt(const std::string& path, const std::string& name) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f) {
    return Error{ErrorCode::io_error, "prompt " + path + ": " + sf_strerror(nullptr)};
  }
  if (info.channels <= 0 || info.samplerate <= 0) {
    sf_close(f);
    return Error{ErrorCode::parse_error, "prompt " + path + ": no audio"};
  }
  std::vector<float> interleaved(static_cast<std::size_t>(info.frames) *
                                 static_cast<std::size_t>(info.channels));
  const sf_count_t got = sf_readf_float(f, interleaved.data(), info.frames);
  sf_close(f);
  interleaved.resize(static_cast<std::size_t>(std::max<sf_count_t>(got, 0)) *
                     static_cast<std::size_t>(info.channels));
  const auto mono = downmix_to_mono(interleaved, info.channels);
  const auto at_8k = resample(mono, info.samplerate, 8000);
  auto p = std::make_shared<PromptAudio>();
  p->name = name.empty() ? path : name;
  p->samples = to_pcm16(at_8k);
  return PromptPtr(std::move(p));
}

Result<std::unique_ptr<WavRecorder>> WavRecorder::open(const std::string& path) {
  SF_INFO info{};
  info.samplerate = 8000;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!f) return Error{ErrorCode::io_error, "recording " + path + ": " + sf_strerror(nullptr)};
  return std::unique_ptr<WavRecorder>(new WavRecorder(f));
}

WavRecorder::~WavRecorder() { close(); }

void WavRecorder::close() {
  if (handle_) sf_close(static_cast<SNDFILE*>(handle_));
  handle_ = nullptr;
}

Status WavRecorder::write(std::span<const std::int16_t> left, std::span<const std::int16_t> right) {
  if (!handle_) return Error{ErrorCode::io_error, "recording closed"};
  const std::size_t n = std::max(left.size(), right.size());
  std::vector<std::int16_t> frames(n * 2, 0);
  for (std::size_t i = 0; i < left.size(); ++i) frames[2 * i] = left[i];
  for (std::size_t i = 0; i < right.size(); ++i) frames[2 * i + 1] = right[i];
  const auto wrote =
      sf_writef_short(static_cast<SNDFILE*>(handle_), frames.data(), static_cast<sf_count_t>(n));
  if (wrote != static_cast<sf_count_t>(n)) {
    return Error{ErrorCode::io_error,
                 std::string("recording write: ") + sf_strerror(static_cast<SNDFILE*>(handle_))};
  }
  frames_ += n;
  return ok_status();
}

}  // namespace dialer::media
