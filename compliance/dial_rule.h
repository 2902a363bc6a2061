// DialRule: one small compliance rule of the dial gate's chain (style rule 7).
// A rule reads the context and its own state, and answers Allow, Deny{reason} or
// Defer{until, reason}; it may add the inputs it used to the trace. Rules are called from the
// engine thread only (the gate is not thread-safe).
#pragma once

#include <string_view>

#include "compliance/decision.h"
#include "compliance/dial_request.h"
#include "compliance/e164.h"
#include "compliance/timezone_resolver.h"

namespace dialer::compliance {

// What the gate works out once per request and hands to every rule.
struct DialContext {
  const DialRequest& request;
  const CampaignPolicy& policy;
  PhoneKey number;
  const TzResolution& tz;
  DecisionTrace& trace;
};

class DialRule {
 public:
  virtual ~DialRule() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  virtual RuleOutcome evaluate(const DialContext& ctx) = 0;
  // Called once the gate allowed the request (the attempt is then counted by rules that cap).
  virtual void on_allowed(const DialContext& /*ctx*/) {}
};

}  // namespace dialer::compliance
