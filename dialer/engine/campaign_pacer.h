// Builds the pacer a campaign's settings call for (dial mode, abandonment target and ceiling,
// lines per agent): dialerd and the simulator pace a Campaign with the same pacer. Pure.
// Trunk and calls-per-second limits belong to the site, not the campaign, and come separately.
#pragma once

#include <memory>

#include "campaigns/campaign.h"
#include "dialer/pacing/pacer.h"

namespace dialer::engine {

struct SiteLimits {
  double max_calls_per_second = 0;  // 0: unlimited
  int trunk_channels = 0;           // 0: unlimited
};

// `power_ratio` is used by power mode only; `abandon_after` is the allowance of the campaign's
// jurisdiction (2 s in the US).
std::unique_ptr<pacing::Pacer> make_campaign_pacer(const Campaign& campaign, const SiteLimits& site,
                                                   double power_ratio, Duration abandon_after);

}  // namespace dialer::engine
