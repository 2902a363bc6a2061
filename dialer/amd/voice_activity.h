// Frame voice-activity decision against an adaptive noise floor: a frame is voiced when it
// stands speech_snr_db above the floor and above an absolute minimum. The floor is the minimum
// frame level seen over the last ~3 s (minimum statistics), so it follows noise up and down
// without being pulled up by speech. Tonal frames and isolated all-zero frames (packet loss)
// neither count as voice nor enter the floor; a run of zero frames is a digitally silent line
// (G.711 idle) and sets the floor to zero. Not thread-safe.
#pragma once

#include <array>
#include <cstddef>

namespace dialer::amd {

class VoiceActivity {
 public:
  VoiceActivity(double speech_snr_db, double min_speech_db)
      : snr_db_(speech_snr_db), min_db_(min_speech_db) {}

  // `level` from level_db(); `tone` when the tone detector claimed the frame.
  bool classify(double level, bool tone);
  [[nodiscard]] double floor_db() const;
  // Starts from a floor measured elsewhere (e.g. by the detector before the verdict), held for
  // the whole memory unless quieter frames arrive.
  void seed_floor(double level_db);

 private:
  static constexpr int kBlockFrames = 25;  // 0.5 s
  static constexpr std::size_t kBlocks = 6;

  double snr_db_;
  double min_db_;
  std::array<double, kBlocks> block_min_{};
  std::size_t blocks_filled_ = 0;
  std::size_t next_block_ = 0;
  double current_min_ = 1e9;
  int current_frames_ = 0;
  int zero_run_ = 0;

  void enter(double level);
};

}  // namespace dialer::amd
