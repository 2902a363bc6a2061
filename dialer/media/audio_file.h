// WAV files through libsndfile: loading a prompt at any rate and channel count, converted once to
// 8 kHz mono 16-bit, and a stereo recorder (left: what the leg received, i.e. the customer on a
// customer leg; right: what it sent, i.e. the agent or prompt). Does file I/O: adapters only.
// A WavRecorder is not thread-safe: it belongs to one leg's strand.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "dialer/common/result.h"
#include "dialer/media/media_types.h"

namespace dialer::media {

Result<PromptPtr> load_prompt(const std::string& path, const std::string& name = {});

class WavRecorder {
 public:
  static Result<std::unique_ptr<WavRecorder>> open(const std::string& path);
  ~WavRecorder();
  WavRecorder(const WavRecorder&) = delete;
  WavRecorder& operator=(const WavRecorder&) = delete;

  // Writes max(left, right) stereo frames; the shorter side is padded with silence.
  Status write(std::span<const std::int16_t> left, std::span<const std::int16_t> right);
  void close();
  [[nodiscard]] std::uint64_t frames_written() const { return frames_; }

 private:
  explicit WavRecorder(void* handle) : handle_(handle) {}
  void* handle_ = nullptr;  // SNDFILE*, kept opaque so users need not include sndfile.h
  std::uint64_t frames_ = 0;
};

}  // namespace dialer::media
