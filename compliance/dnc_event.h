// DncEvent: one do-not-call request or list change as recorded for dnc_events.jsonl (reference
// 6.3), chained like call records (its own log, "dnc_events"). Value type.
#pragma once

#include <string>

#include "compliance/call_record.h"

namespace dialer::compliance {

struct DncEvent {
  std::string dnc_request_id;
  std::int64_t seq = 0;
  std::string prev_hash;
  std::string record_hash;
  std::string number;  // E.164
  OptText name;
  std::string list = "INTERNAL";  // INTERNAL or CAMPAIGN
  OptText campaign_id;            // CAMPAIGN lists
  std::string seller_scope = "SELLER_ALL";
  std::string channel;  // ABANDON_MSG_IVR, INBOUND_IVR, AGENT, WEB, EMAIL, SMS_KEYWORD, LETTER
  OptText wording;      // the consumer's words or DTMF
  TimePoint received_at;
  TimePoint effective_at;  // when dialing was blocked
  OptTime retained_until;  // received_at + 5 years at least
  std::string actor;       // agent id, "ivr", "api:<user>"
};

inline const std::string kDncLogId = "dnc_events";

std::string canonical_without_hash(const DncEvent& e, std::size_t* record_hash_at = nullptr);
std::string canonical_line(const DncEvent& e);
// The inverse of canonical_line(DncEvent); parse_error when a field is missing or mistyped.
Result<DncEvent> parse_dnc_event_line(std::string_view line);

}  // namespace dialer::compliance
