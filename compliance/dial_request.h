// DialRequest: everything the dial gate needs to judge one dial, as a value built by the caller
// (engine, pacing, agent preview, callback scheduler, manual dial). CampaignPolicy: the
// compliance settings of one campaign. Value types; no references to live state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "campaigns/campaign.h"
#include "campaigns/lead.h"
#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

enum class DialKind : std::uint8_t { predictive, progressive, preview, callback, manual };
std::string_view to_string(DialKind k);

struct DialRequest {
  LeadId lead;
  std::string number;  // E.164, the number about to be dialed (main or alternate phone)
  CampaignId campaign;
  DialKind kind = DialKind::predictive;
  bool agent_reserved = false;  // a free agent is reserved for this call before dialing
  TimePoint now;
  // Location signals from the lead, in the order they are trusted (reference 2.2).
  std::string explicit_timezone;
  std::string postal_code;
  std::string state;
  std::int32_t lead_attempts = 0;  // attempts already made on this lead, lifetime
};

// The request for dialing `number` of `lead` (its main phone when `number` is empty).
DialRequest make_dial_request(const Lead& lead, DialKind kind, bool agent_reserved, TimePoint now,
                              std::string number = {});

enum class JurisdictionProfile : std::uint8_t { us, uk };
std::string_view to_string(JurisdictionProfile p);

// Revocation scope (reference DNC-04): the conservative default blocks every campaign.
enum class RevokeScope : std::uint8_t { campaign, seller_all };

struct CampaignPolicy {
  std::shared_ptr<const Campaign> campaign;
  JurisdictionProfile profile = JurisdictionProfile::us;
  bool telemarketing = true;  // national-registry scrub and TSR rules apply
  std::string seller = "default";
  std::string subject_matter = "default";             // same-subject caps (FL/OK/MD)
  Duration window_margin = std::chrono::seconds{30};  // stop starting calls ring + margin early
  TimePoint started_at;                               // legal abandonment periods start here
};

}  // namespace dialer::compliance
