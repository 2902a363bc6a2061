// Builds the write-ahead CallRecord of a dial decision from the request, the campaign's policy
// and the gate's decision (reference 6.1, WIN-09): the evidence of why a call was allowed or
// refused. Pure.
#pragma once

#include <string>

#include "compliance/call_record.h"
#include "compliance/decision.h"
#include "compliance/dial_request.h"
#include "dialer/common/random.h"

namespace dialer::compliance {

// Per-node facts copied into every record.
struct RecordContext {
  std::string tenant_id = "default";
  std::string telemarketer_id;
  std::string dialer_node_id;
  std::string engine_version;
  std::string config_version;
  std::string tzdata_version;
  std::optional<std::string> caller_id;
};

// A random (version 4) UUID drawn from `random`.
std::string make_attempt_id(Random& random);

CallRecord make_decision_record(std::string attempt_id, const DialRequest& request,
                                const CampaignPolicy& policy, const GateDecision& decision,
                                const RecordContext& context);

// "2026-06-10T08:00:00.000-04:00": `t` in `zone_name`'s local time with its UTC offset.
std::optional<std::string> format_local(TimePoint t, std::string_view zone_name);

}  // namespace dialer::compliance
