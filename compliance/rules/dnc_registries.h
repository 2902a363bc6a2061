// The do-not-call registries outside the US national one, and the Reassigned Numbers Database,
// as checks the DNC rule runs after the internal and campaign lists:
// - UK (DNC-07): a telemarketing call to a +44 number needs TPS/CTPS screening data no older
//   than 28 days; a registered number needs a specific (express) consent.
// - Canada (DNC-08): a telemarketing call to a Canadian number needs a National DNCL snapshot
//   no older than 31 days; a registered number needs express consent; prerecorded (ADAD)
//   telemarketing always needs express consent.
// - RND (DNC-06): a campaign that relies on consent refuses when the RND answered "yes" for the
//   consent date, and treats an answer older than the campaign's maximum age as missing.
// Pure functions of the context and the lists.
#pragma once

#include "compliance/consent_ledger.h"
#include "compliance/dial_rule.h"
#include "compliance/dnc_lists.h"

namespace dialer::compliance {

inline constexpr int kTpsMaxAgeDays = 28;
inline constexpr int kDnclMaxAgeDays = 31;

bool is_uk_number(PhoneKey number);
bool is_canadian_number(const DialContext& ctx);

RuleOutcome check_uk_tps(const DialContext& ctx, const DncLists& lists,
                         const ConsentLedger& consents);
RuleOutcome check_canada_dncl(const DialContext& ctx, const DncLists& lists,
                              const ConsentLedger& consents);
RuleOutcome check_reassigned_number(const DialContext& ctx);

}  // namespace dialer::compliance
