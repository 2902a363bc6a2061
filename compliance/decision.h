// The dial gate's answer: Allow, Deny{reason} or Defer{until, reason}, with the inputs that decided
// (time zones, windows, DNC snapshot) so that the attempt record can prove why.
// Value types. DecisionTrace holds string_views into the gate's immutable tables and the tz
// database: valid while the DialGate that produced it is alive.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::compliance {

enum class Verdict : std::uint8_t { allow, deny, defer };

// Names follow the export schema's refusal_reasons (reference 6.1), plus a few finer ones.
enum class DecisionReason : std::uint8_t {
  allowed,
  unknown_campaign,
  invalid_number,
  unknown_tz,
  outside_window,
  window_closing,  // open now, but a call started now could still ring at the window's end
  state_blackout_day,
  holiday,
  internal_dnc,
  campaign_dnc,
  national_dnc,
  dnc_data_stale,
  consent_revoked,
  freq_cap_number_24h,
  freq_cap_same_subject_24h,
  freq_cap_campaign_24h,
  freq_cap_lead_lifetime,
  uk_72h_lockout,
  uk_amd_same_day_lockout,
  abandon_cap_gated,
  tps_registered,          // UK: number on TPS/CTPS without specific consent (DNC-07)
  tps_data_stale,          // UK: no TPS screening within 28 days (DNC-07)
  canada_dncl,             // Canada: number on the National DNCL without consent (DNC-08)
  canada_dncl_data_stale,  // Canada: DNCL snapshot older than 31 days (DNC-08)
  adad_needs_express_consent,  // Canada: prerecorded telemarketing without express consent
  rnd_reassigned,          // the Reassigned Numbers Database answered yes (DNC-06)
  rnd_missing,             // no RND answer, or one older than the maximum age (DNC-06)
  freq_cap_prerecorded,    // TRACED Act exemption caps (FRQ-03)
  collection_cap_7_in_7,   // debt collection: 7 calls per debt in 7 days (FRQ-04)
  collection_conversation_lockout,  // debt collection: 7 days after a conversation (FRQ-04)
};
inline constexpr std::size_t kDecisionReasonCount = 30;

std::string_view to_string(Verdict v);
std::string_view to_string(DecisionReason r);  // upper case, e.g. "INTERNAL_DNC"

// Where a candidate time zone came from (reference 6.1 tz_sources).
enum class TzSource : std::uint8_t {
  explicit_zone,
  postal,
  state,
  npa_nxx,
  npa,
  country,
  campaign_default
};
std::string_view to_string(TzSource s);

struct DecisionTrace {
  std::vector<std::string_view> tz_candidates;
  TzSource tz_source = TzSource::campaign_default;
  std::vector<std::string_view> jurisdictions;    // "US", "FL", ...
  std::vector<std::string_view> windows_applied;  // rule names, e.g. "US_FED_08_21"
  std::vector<DecisionReason> reasons;            // every refusing rule, in chain order
  std::optional<std::string_view> dnc_snapshot_id;
  std::optional<std::int32_t> dnc_snapshot_day;  // days since 1970-01-01
  void clear();
};

struct GateDecision {
  Verdict verdict = Verdict::allow;
  DecisionReason reason = DecisionReason::allowed;  // the first refusing rule's reason
  std::optional<TimePoint> until;                   // Defer: ask again at this time
  DecisionTrace trace;

  [[nodiscard]] bool allowed() const { return verdict == Verdict::allow; }
};

// One rule's answer.
struct RuleOutcome {
  Verdict verdict = Verdict::allow;
  DecisionReason reason = DecisionReason::allowed;
  std::optional<TimePoint> until;

  static RuleOutcome allow() { return {}; }
  static RuleOutcome deny(DecisionReason r) { return {Verdict::deny, r, std::nullopt}; }
  static RuleOutcome defer(DecisionReason r, TimePoint until) { return {Verdict::defer, r, until}; }
};

using ReasonCounters = std::array<std::uint64_t, kDecisionReasonCount>;

}  // namespace dialer::compliance
