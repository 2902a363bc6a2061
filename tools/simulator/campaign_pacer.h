// The simulator paces with the engine's pacer factory (dialer/engine/campaign_pacer.h).
#pragma once

#include "dialer/engine/campaign_pacer.h"

namespace dialer::sim {

using engine::make_campaign_pacer;
using engine::SiteLimits;

}  // namespace dialer::sim
