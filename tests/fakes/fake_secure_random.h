// Deterministic SecureRandom for unit tests: byte i of the stream is (seed + i) mod 256, so
// every fill differs from the last; repeat(true) makes every fill return the same bytes (a
// broken generator); fail(true) makes fill fail.
#pragma once

#include <cstdint>
#include <span>

#include "dialer/api/auth/secure_random.h"

namespace dialer::fakes {

class FakeSecureRandom final : public auth::SecureRandom {
 public:
  explicit FakeSecureRandom(std::uint8_t seed = 0) : seed_(seed) {}
  void repeat(bool on) { repeat_ = on; }
  void fail(bool on) { fail_ = on; }

  Status fill(std::span<std::uint8_t> out) override {
    if (fail_) return Error{ErrorCode::internal, "fake random: failing on purpose"};
    std::uint8_t next = repeat_ ? seed_ : static_cast<std::uint8_t>(seed_ + counter_);
    for (auto& b : out) b = next++;
    if (!repeat_) counter_ += out.size();
    return ok_status();
  }

 private:
  std::uint8_t seed_;
  std::size_t counter_ = 0;
  bool repeat_ = false;
  bool fail_ = false;
};

}  // namespace dialer::fakes
