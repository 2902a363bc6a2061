// DialRequest: everything the dial gate needs to judge one dial, as a value built by the caller
// (engine, pacing, agent preview, callback scheduler, manual dial). CampaignPolicy: the
// compliance settings of one campaign. Value types; no references to live state.
#pragma once

#include <date/date.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "campaigns/campaign.h"
#include "campaigns/lead.h"
#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

enum class DialKind : std::uint8_t { predictive, progressive, preview, callback, manual };
std::string_view to_string(DialKind k);

// The Reassigned Numbers Database answer for this number (reference DNC-06).
enum class RndAnswer : std::uint8_t { yes, no, no_data };
std::string_view to_string(RndAnswer a);  // "yes", "no", "no_data"
struct RndCheck {
  date::sys_days queried_on;         // when the RND was asked
  date::sys_days consent_date_sent;  // the consent date D sent with the query
  RndAnswer answer = RndAnswer::no_data;
};

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
  // The lead's own calling window in its local time (WIN-02), intersected with the others.
  std::optional<DailyWindow> lead_window;
  std::optional<RndCheck> rnd;  // the latest RND answer for this number, when one was obtained
  std::string debt_id;          // collections: the debt the call is about (FRQ-04)
};

// The request for dialing `number` of `lead` (its main phone when `number` is empty).
DialRequest make_dial_request(const Lead& lead, DialKind kind, bool agent_reserved, TimePoint now,
                              std::string number = {});

enum class JurisdictionProfile : std::uint8_t { us, uk };
std::string_view to_string(JurisdictionProfile p);

// Revocation scope (reference DNC-04): the conservative default blocks every campaign.
enum class RevokeScope : std::uint8_t { campaign, seller_all };

// Per-number caps of a prerecorded-message campaign under a TRACED Act exemption (FRQ-03);
// 0 = no cap. Rolling windows of 24 h, 7 days and 30 days.
struct PrerecordedCaps {
  int per_day = 0;
  int per_week = 0;
  int per_30_days = 3;
  static PrerecordedCaps hipaa() { return {1, 3, 0}; }
};

struct CampaignPolicy {
  std::shared_ptr<const Campaign> campaign;
  JurisdictionProfile profile = JurisdictionProfile::us;
  bool telemarketing = true;  // national-registry scrub and TSR rules apply
  std::string seller = "default";
  std::string subject_matter = "default";             // same-subject caps (FL/OK/MD)
  Duration window_margin = std::chrono::seconds{30};  // stop starting calls ring + margin early
  TimePoint started_at;                               // legal abandonment periods start here
  // Consent-based dialing checks the Reassigned Numbers Database (DNC-06).
  bool rnd_required = false;
  int rnd_max_age_days = 30;
  bool prerecorded = false;                        // artificial or prerecorded voice messages
  std::optional<PrerecordedCaps> prerecorded_caps;  // TRACED Act exemption caps (FRQ-03)
  bool collections = false;                         // debt collection caps (FRQ-04)
};

}  // namespace dialer::compliance
