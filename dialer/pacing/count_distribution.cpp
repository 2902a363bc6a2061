#include "dialer/pacing/count_distribution.h"

#include <algorithm>
#include <cmath>

namespace dialer::pacing {
namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace

double risk_of(double mean, double var, double third) {
  if (var <= 1e-12) return mean <= 0.5 ? 1.0 : 0.0;
  const double sd = std::sqrt(var);
  const double x = (0.5 - mean) / sd;
  const double skew = third / (var * sd);
  const double density = std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI);
  return std::clamp(normal_cdf(x) + skew * (1.0 - x * x) * density / 6.0, 0.0, 1.0);
}

double expected_shortfall(double mean, double var) {
  const double sd = std::sqrt(std::max(var, 1e-12));
  const double m = -mean;
  const double e =
      sd * std::exp(-0.5 * (m / sd) * (m / sd)) / std::sqrt(2 * M_PI) + m * normal_cdf(m / sd);
  return std::max(0.0, e);
}

void CountPmf::add_bernoulli(double q, int sign) {
  if (q <= 0) return;
  const double up = sign > 0 ? q : 1.0 - q;  // weight of the higher value
  pmf.push_back(0.0);
  for (std::size_t j = pmf.size() - 1; j > 0; --j) pmf[j] = pmf[j] * (1.0 - up) + pmf[j - 1] * up;
  pmf[0] *= 1.0 - up;
  if (sign < 0) --offset;
}

void CountPmf::subtract_poisson(double mean) {
  if (mean <= 1e-9) return;
  const int kmax = static_cast<int>(mean + 6.0 * std::sqrt(mean) + 2.0);
  std::vector<double> pois(static_cast<std::size_t>(kmax + 1));
  double term = std::exp(-mean);
  for (int k = 0; k <= kmax; ++k) {
    pois[static_cast<std::size_t>(k)] = term;
    term *= mean / (k + 1);
  }
  std::vector<double> out(pmf.size() + static_cast<std::size_t>(kmax), 0.0);
  for (std::size_t i = 0; i < pmf.size(); ++i) {
    for (int k = 0; k <= kmax; ++k) {
      out[i + static_cast<std::size_t>(kmax - k)] += pmf[i] * pois[static_cast<std::size_t>(k)];
    }
  }
  offset -= kmax;
  pmf.swap(out);
}

double CountPmf::p_at_most_zero() const {
  double p = 0;
  for (std::size_t i = 0; i < pmf.size() && offset + static_cast<int>(i) <= 0; ++i) p += pmf[i];
  return p;
}

double CountPmf::expected_negative_part() const {
  double e = 0;
  for (std::size_t i = 0; i < pmf.size() && offset + static_cast<int>(i) < 0; ++i) {
    e += pmf[i] * -(offset + static_cast<int>(i));
  }
  return e;
}

}  // namespace dialer::pacing
