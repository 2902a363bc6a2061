// What an attempt's disposition does to its lead: closes it, or schedules the next attempt
// after the catalog's retry delay, within the campaign's lifetime attempt limit. Pure.
#pragma once

#include <string_view>

#include "campaigns/campaign.h"
#include "campaigns/lead.h"

namespace dialer::engine {

struct LeadOutcome {
  Lead lead;  // with its new state and next attempt time
  bool add_to_dnc = false;
};

// `lead` as it was when dialed (attempts already counted). Unknown codes close the lead.
LeadOutcome lead_after_attempt(Lead lead, const Campaign& campaign, std::string_view code,
                               TimePoint now);

}  // namespace dialer::engine
