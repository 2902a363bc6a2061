// SampleFifo: the hand-over of decoded audio from one leg to another across strands (bridging).
// Thread-safe: one producer strand and one consumer strand, guarded by a short mutex.
// Bounded: on overflow the oldest samples go (latency stays bounded); after an underrun the
// consumer waits for a small cushion before taking again, so jitter does not cause stutter.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

namespace dialer::media {

class SampleFifo {
 public:
  SampleFifo(std::size_t capacity, std::size_t cushion);

  // Returns how many old samples were dropped to make room.
  std::size_t push(std::span<const std::int16_t> samples);
  // Fills `out` completely and returns true, or leaves it untouched and returns false (underrun
  // or still priming).
  bool pop(std::span<std::int16_t> out);
  [[nodiscard]] std::size_t level() const;

 private:
  mutable std::mutex mu_;
  std::vector<std::int16_t> ring_;
  std::size_t head_ = 0;  // next to read
  std::size_t size_ = 0;
  std::size_t cushion_;
  bool priming_ = true;
};

}  // namespace dialer::media
