#include "campaigns/campaign.h"

#include <array>

namespace dialer {
namespace {
constexpr std::array<std::string_view, 4> kDialModeNames{"preview", "progressive", "power",
                                                         "predictive"};
constexpr std::array<std::string_view, 5> kCampaignTypeNames{"telemarketing", "informational",
                                                             "collections", "survey", "callback"};
}  // namespace

std::string_view to_string(DialMode m) { return kDialModeNames.at(static_cast<std::size_t>(m)); }

std::optional<DialMode> dial_mode_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kDialModeNames.size(); ++i) {
    if (kDialModeNames[i] == s) return static_cast<DialMode>(i);
  }
  return std::nullopt;
}

std::string_view to_string(CampaignType t) {
  return kCampaignTypeNames.at(static_cast<std::size_t>(t));
}

std::optional<CampaignType> campaign_type_from_string(std::string_view s) {
  for (std::size_t i = 0; i < kCampaignTypeNames.size(); ++i) {
    if (kCampaignTypeNames[i] == s) return static_cast<CampaignType>(i);
  }
  return std::nullopt;
}

}  // namespace dialer

namespace dialer {

std::string_view to_string(MachineAction a) {
  return a == MachineAction::hang_up ? "hang_up" : "leave_message";
}

}  // namespace dialer
