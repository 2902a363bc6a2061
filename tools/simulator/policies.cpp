// Policies of the simulator (the campaign's own pacers and the VICIdial baselines) and the wait
// histogram of connected calls.
#include <algorithm>
#include <cmath>

#include "tools/simulator/campaign_pacer.h"
#include "tools/simulator/sim_calendar.h"
#include "tools/simulator/simulation.h"
#include "tools/simulator/vicidial_adapt.h"

namespace dialer::sim {
namespace {

Duration secs(double s) { return Duration{static_cast<std::int64_t>(std::llround(s * 1000.0))}; }

}  // namespace

void WaitHistogram::add(Duration wait) {
  const auto bin =
      std::clamp<std::int64_t>(wait.count() / 10, 0, static_cast<std::int64_t>(bins_.size()) - 1);
  ++bins_[static_cast<std::size_t>(bin)];
  ++count_;
}

void WaitHistogram::merge(const WaitHistogram& other) {
  for (std::size_t i = 0; i < bins_.size(); ++i) bins_[i] += other.bins_[i];
  count_ += other.count_;
}

double WaitHistogram::quantile_seconds(double q) const {
  if (count_ == 0) return 0.0;
  const auto target = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < bins_.size(); ++i) {
    seen += bins_[i];
    if (seen >= std::max<std::uint64_t>(1, target)) return static_cast<double>(i) * 0.01;
  }
  return static_cast<double>(bins_.size()) * 0.01;
}

Campaign campaign_for(const Scenario& s, DialMode mode) {
  Campaign c;
  c.id = CampaignId{1};
  c.name = s.name;
  c.dial_mode = mode;
  c.abandon_target = s.pacer_target;
  c.abandon_ceiling = s.abandon_target;
  c.max_lines_per_agent = s.max_lines_per_agent;
  return c;
}

std::unique_ptr<pacing::Pacer> make_pacer(const Scenario& s, const PolicySpec& policy) {
  if (policy.name == "vicidial_adapt_hard_limit" || policy.name == "vicidial_adapt_tapered") {
    VicidialConfig v;
    v.tapered = policy.name == "vicidial_adapt_tapered";
    v.drop_limit = s.abandon_target;
    v.latest_hhmm = s.vicidial_latest_hhmm;
    v.caps.max_lines_per_agent = s.max_lines_per_agent;
    v.caps.max_calls_per_second = s.max_calls_per_second;
    v.caps.trunk_channels = s.trunk_channels;
    if (auto calendar = SimCalendar::make(s)) v.server_utc_offset = calendar->utc_offset(0);
    return std::make_unique<VicidialAdaptPacer>(v);
  }
  const DialMode mode = policy.name == "progressive" ? DialMode::progressive
                        : policy.name == "ratio"     ? DialMode::power
                                                     : DialMode::predictive;
  return make_campaign_pacer(campaign_for(s, mode),
                             SiteLimits{s.max_calls_per_second, s.trunk_channels}, policy.ratio,
                             secs(s.abandon_after));
}

}  // namespace dialer::sim
