#include "dialer/amd/voice_activity.h"

#include <algorithm>

namespace dialer::amd {

double VoiceActivity::floor_db() const {
  double floor = current_frames_ > 0 ? current_min_ : 1e9;
  for (std::size_t i = 0; i < blocks_filled_; ++i) floor = std::min(floor, block_min_[i]);
  return floor > 1e8 ? 0 : floor;
}

void VoiceActivity::enter(double level) {
  current_min_ = std::min(current_min_, level);
  if (++current_frames_ == kBlockFrames) {
    block_min_[next_block_] = current_min_;
    next_block_ = (next_block_ + 1) % kBlocks;
    blocks_filled_ = std::min(blocks_filled_ + 1, kBlocks);
    current_min_ = 1e9;
    current_frames_ = 0;
  }
}

void VoiceActivity::seed_floor(double level_db) {
  block_min_.fill(level_db);
  blocks_filled_ = kBlocks;
}

bool VoiceActivity::classify(double level, bool tone) {
  if (tone) return false;
  if (level <= 0.5) {
    if (++zero_run_ >= 3) enter(0);  // three lost frames in a row: the line itself is silent
    return false;
  }
  zero_run_ = 0;
  const bool voiced = level >= floor_db() + snr_db_ && level >= min_db_;
  enter(level);
  return voiced;
}

}  // namespace dialer::amd
