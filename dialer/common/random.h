// Random: the only source of randomness for the core and the simulator.
// SeededRandom is deterministic for a seed on every platform (own distributions, not <random>'s,
// whose output differs between standard libraries). Not thread-safe: one instance per thread.
#pragma once

#include <cstdint>

namespace dialer {

class Random {
 public:
  virtual ~Random() = default;
  virtual std::uint64_t next_u64() = 0;

  // Uniform in [0, 1).
  double uniform01();
  // Uniform in [lo, hi).
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
  // Uniform integer in [lo, hi], inclusive.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  bool bernoulli(double p) { return uniform01() < p; }
  double exponential(double mean);
  double normal(double mean, double sd);
  // Log-normal with the given mean and standard deviation of the variable itself.
  double lognormal(double mean, double sd);
};

// xoshiro256** seeded through splitmix64.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed);
  std::uint64_t next_u64() override;

 private:
  std::uint64_t s_[4];
};

// A seed from the operating system's entropy, for production use (see real_random.cpp).
std::uint64_t entropy_seed();

}  // namespace dialer
