// Lead: one person to call, as loaded from a list. Value type, owned by whoever holds it.
// Phone numbers are E.164 strings ("+12125550199"); custom fields keep the CSV's extra columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "campaigns/lead_state.h"
#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer {

using TenantSlug = std::string;  // a tenant is named by a short slug, e.g. "acme"

struct Lead {
  LeadId id;  // assigned by storage
  TenantSlug tenant;
  CampaignId campaign;
  ListId list;
  std::string phone;                    // E.164
  std::vector<std::string> alt_phones;  // E.164, at most 10
  std::string first_name;
  std::string last_name;
  std::string address;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string timezone;  // IANA zone when the list gives one
  std::string email;
  std::vector<std::pair<std::string, std::string>> custom_fields;
  LeadState status = LeadState::fresh;
  std::int32_t attempts = 0;
  std::optional<TimePoint> next_attempt_at;
  std::int64_t source_line = 0;  // line of the CSV it came from
};

}  // namespace dialer
