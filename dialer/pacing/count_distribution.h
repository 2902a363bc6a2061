// Distributions of the random counts behind a pacing decision: agents free in time minus live
// answers competing for them. Exact (CountPmf, a Poisson-binomial with Poisson terms, for small
// teams) or by its first three cumulants (risk_of, for large ones). Pure value code.
#pragma once

#include <cstddef>
#include <vector>

namespace dialer::pacing {

inline double bernoulli_third(double q) { return q * (1 - q) * (1 - 2 * q); }  // third cumulant

// P(Z <= 0) for a sum of independent Bernoulli and Poisson terms with the given mean, variance
// and third cumulant: the refined normal approximation (Volkova 1996), i.e. the continuity-
// corrected normal plus a skewness term. Live answers at low answer rates are a right-skewed
// count, which the plain normal misjudges in the tail the pacer cares about.
double risk_of(double mean, double var, double third);
// E[max(0, -Z)] for a normal Z with that mean and variance.
double expected_shortfall(double mean, double var);

// Distribution of an integer random variable on [offset, offset + pmf.size()). In place, so that
// a decision allocates nothing once the buffers have grown.
struct CountPmf {
  int offset = 0;
  std::vector<double> pmf{1.0};

  void reset(int at) {
    offset = at;
    pmf.assign(1, 1.0);
  }
  void add_bernoulli(double q, int sign);  // sign +1: adds Bern(q); -1: subtracts it
  void subtract_poisson(double mean);
  [[nodiscard]] double p_at_most_zero() const;
  [[nodiscard]] double expected_negative_part() const;  // E[max(0, -Z)]
};

}  // namespace dialer::pacing
