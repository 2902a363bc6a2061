#include "dialer/media/sample_fifo.h"

#include <algorithm>

namespace dialer::media {

SampleFifo::SampleFifo(std::size_t capacity, std::size_t cushion)
    : ring_(std::max<std::size_t>(capacity, 1)), cushion_(std::min(cushion, capacity)) {}

std::size_t SampleFifo::push(std::span<const std::int16_t> samples) {
  std::lock_guard lock(mu_);
  std::size_t dropped = 0;
  if (samples.size() > ring_.size()) {
    dropped = samples.size() - ring_.size();
    samples = samples.subspan(dropped);
  }
  const std::size_t overflow =
      size_ + samples.size() > ring_.size() ? size_ + samples.size() - ring_.size() : 0;
  head_ = (head_ + overflow) % ring_.size();
  size_ -= overflow;
  dropped += overflow;
  std::size_t tail = (head_ + size_) % ring_.size();
  for (const auto s : samples) {
    ring_[tail] = s;
    tail = tail + 1 == ring_.size() ? 0 : tail + 1;
  }
  size_ += samples.size();
  return dropped;
}

bool SampleFifo::pop(std::span<std::int16_t> out) {
  std::lock_guard lock(mu_);
  if (priming_ && size_ < out.size() + cushion_) return false;
  if (size_ < out.size()) {
    priming_ = true;
    return false;
  }
  priming_ = false;
  for (auto& s : out) {
    s = ring_[head_];
    head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
  }
  size_ -= out.size();
  return true;
}

std::size_t SampleFifo::level() const {
  std::lock_guard lock(mu_);
  return size_;
}

}  // namespace dialer::media
