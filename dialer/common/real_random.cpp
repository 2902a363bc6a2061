// The one place that draws entropy from the operating system.
#include <random>

#include "dialer/common/random.h"

namespace dialer {

std::uint64_t entropy_seed() {
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

}  // namespace dialer
