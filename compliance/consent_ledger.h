// ConsentLedger: consents and revocations per number (reference DNC-02, DNC-04, F16, F21).
// A revocation from any channel is effective from its timestamp for every later decision, and
// ends consents and established business relationships for that number. Not thread-safe.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compliance/dial_request.h"
#include "compliance/e164.h"
#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

enum class ConsentType : std::uint8_t { pewc, pec, ebr_purchase, ebr_inquiry };
std::string_view to_string(ConsentType t);

struct ConsentEvent {
  std::string consent_id;
  PhoneKey number = 0;
  ConsentType type = ConsentType::pewc;
  TimePoint captured_at;
  std::string source;  // web form snapshot id, recording id, ...
};

struct RevocationEvent {
  PhoneKey number = 0;
  TimePoint at;
  std::string channel;  // ABANDON_MSG_IVR, INBOUND_IVR, AGENT, WEB, EMAIL, SMS_KEYWORD, ...
  std::string wording;  // the consumer's words or DTMF
  RevokeScope scope = RevokeScope::seller_all;
  CampaignId campaign;  // used when scope == campaign
};

class ConsentLedger {
 public:
  void record_consent(ConsentEvent e);
  void record_revocation(RevocationEvent e);

  [[nodiscard]] bool revoked(PhoneKey number, CampaignId campaign, TimePoint now) const;
  // A consent or relationship that exempts a call to a registry-listed number at `now`
  // (PEWC; EBR purchase within 18 months; inquiry within 3 months), or nullptr.
  [[nodiscard]] const ConsentEvent* registry_exemption(PhoneKey number, TimePoint now) const;
  // Express consent only (PEWC or PEC, not ended by a revocation): what overrides a TPS
  // registration (DNC-07) or the Canadian DNCL and ADAD rules (DNC-08). nullptr when none.
  [[nodiscard]] const ConsentEvent* express_consent(PhoneKey number, TimePoint now) const;

 private:
  [[nodiscard]] bool registry_exemption_of(const ConsentEvent& c, PhoneKey number,
                                           TimePoint now) const;
  std::unordered_map<PhoneKey, std::vector<ConsentEvent>> consents_;
  std::unordered_map<PhoneKey, std::vector<RevocationEvent>> revocations_;
};

}  // namespace dialer::compliance
