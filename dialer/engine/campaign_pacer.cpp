#include "dialer/engine/campaign_pacer.h"

#include "dialer/pacing/predictive_pacer.h"

namespace dialer::engine {

std::unique_ptr<pacing::Pacer> make_campaign_pacer(const Campaign& campaign, const SiteLimits& site,
                                                   double power_ratio, Duration abandon_after) {
  pacing::CapsConfig caps;
  caps.max_lines_per_agent = campaign.max_lines_per_agent;
  caps.max_calls_per_second = site.max_calls_per_second;
  caps.trunk_channels = site.trunk_channels;
  switch (campaign.dial_mode) {
    case DialMode::preview:
      return std::make_unique<pacing::PreviewPacer>(caps);
    case DialMode::progressive:
      return std::make_unique<pacing::ProgressivePacer>(caps);
    case DialMode::power:
      return std::make_unique<pacing::PowerPacer>(power_ratio, caps);
    case DialMode::predictive:
      break;
  }
  pacing::PredictiveConfig config;
  config.abandon_target = campaign.abandon_target;
  config.abandon_ceiling = campaign.abandon_ceiling;
  config.availability.abandon_after = abandon_after;
  config.caps = caps;
  return std::make_unique<pacing::PredictivePacer>(config);
}

}  // namespace dialer::engine
