// validate_legal_floors(): the configuration checks that keep a campaign within the legal floors
// (reference 5, RNG-01, ABN-04, ABN-08): ring timeout >= 15 s; an abandonment ceiling <= 3 % for
// US campaigns; predictive and power campaigns need a valid abandoned-call message (seller name,
// an E.164 opt-out number that is not premium-rate, a key-press opt-out). Pure.
#pragma once

#include <string>
#include <vector>

#include "campaigns/campaign.h"

namespace dialer::compliance {

struct LegalFloorViolation {
  std::string field;  // e.g. "ring_timeout", "abandoned_message.seller_name"
  std::string message;
};

std::vector<LegalFloorViolation> validate_legal_floors(const Campaign& campaign);

}  // namespace dialer::compliance
