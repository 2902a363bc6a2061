#include "compliance/decision.h"

namespace dialer::compliance {
namespace {
constexpr std::array<std::string_view, kDecisionReasonCount> kReasonNames{
    "ALLOWED",
    "UNKNOWN_CAMPAIGN",
    "INVALID_NUMBER",
    "UNKNOWN_TZ",
    "OUTSIDE_WINDOW",
    "WINDOW_CLOSING",
    "STATE_BLACKOUT_DAY",
    "HOLIDAY",
    "INTERNAL_DNC",
    "CAMPAIGN_DNC",
    "NATIONAL_DNC",
    "DNC_DATA_STALE",
    "CONSENT_REVOKED",
    "FREQ_CAP_NUMBER_24H",
    "FREQ_CAP_SAME_SUBJECT_24H",
    "FREQ_CAP_CAMPAIGN_24H",
    "FREQ_CAP_LEAD_LIFETIME",
    "UK_72H_LOCKOUT",
    "UK_AMD_24H_LOCKOUT",
    "ABANDON_CAP_GATED",
    "TPS_REGISTERED",
    "TPS_DATA_STALE",
    "CANADA_DNCL",
    "CANADA_DNCL_DATA_STALE",
    "ADAD_NEEDS_EXPRESS_CONSENT",
    "RND_REASSIGNED",
    "RND_MISSING",
    "FREQ_CAP_PRERECORDED",
    "COLLECTION_CAP_7_IN_7",
    "COLLECTION_CONVERSATION_LOCKOUT"};
static_assert(static_cast<std::size_t>(DecisionReason::collection_conversation_lockout) + 1 ==
              kDecisionReasonCount);
}  // namespace

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::allow:
      return "ALLOW";
    case Verdict::deny:
      return "DENY";
    case Verdict::defer:
      return "DEFER";
  }
  return "?";
}

std::string_view to_string(DecisionReason r) {
  return kReasonNames.at(static_cast<std::size_t>(r));
}

std::string_view to_string(TzSource s) {
  switch (s) {
    case TzSource::explicit_zone:
      return "EXPLICIT";
    case TzSource::postal:
      return "POSTAL";
    case TzSource::state:
      return "STATE";
    case TzSource::npa_nxx:
      return "NPA_NXX";
    case TzSource::npa:
      return "NPA";
    case TzSource::country:
      return "COUNTRY";
    case TzSource::campaign_default:
      return "CAMPAIGN_DEFAULT";
  }
  return "?";
}

void DecisionTrace::clear() {
  tz_candidates.clear();
  tz_source = TzSource::campaign_default;
  jurisdictions.clear();
  windows_applied.clear();
  reasons.clear();
  dnc_snapshot_id.reset();
  dnc_snapshot_day.reset();
}

}  // namespace dialer::compliance
