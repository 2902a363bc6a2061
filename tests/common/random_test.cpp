#include "dialer/common/random.h"

#include <gtest/gtest.h>

#include <cmath>

namespace dialer {
namespace {

TEST(SeededRandomTest, SameSeedGivesSameSequence) {
  SeededRandom a{42}, b{42}, c{43};
  for (int i = 0; i < 100; ++i) {
    const auto x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    EXPECT_NE(x, c.next_u64());
  }
}

TEST(SeededRandomTest, UniformIntStaysInRangeAndCoversIt) {
  SeededRandom r{1};
  int seen[6] = {};
  for (int i = 0; i < 6000; ++i) {
    const auto v = r.uniform_int(1, 6);
    ASSERT_GE(v, 1);
    ASSERT_LE(v, 6);
    ++seen[v - 1];
  }
  for (int count : seen) EXPECT_GT(count, 800);
}

TEST(SeededRandomTest, DistributionsHaveTheirMeans) {
  SeededRandom r{7};
  const int n = 200000;
  double sum_exp = 0, sum_norm = 0, sum_logn = 0, sum_u = 0;
  for (int i = 0; i < n; ++i) {
    sum_exp += r.exponential(120.0);
    sum_norm += r.normal(5.0, 2.0);
    sum_logn += r.lognormal(100.0, 50.0);
    sum_u += r.uniform01();
  }
  EXPECT_NEAR(sum_exp / n, 120.0, 1.5);
  EXPECT_NEAR(sum_norm / n, 5.0, 0.03);
  EXPECT_NEAR(sum_logn / n, 100.0, 1.0);
  EXPECT_NEAR(sum_u / n, 0.5, 0.005);
}

}  // namespace
}  // namespace dialer
