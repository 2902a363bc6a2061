#include "compliance/dial_request.h"

namespace dialer::compliance {

std::string_view to_string(RndAnswer a) {
  switch (a) {
    case RndAnswer::yes:
      return "yes";
    case RndAnswer::no:
      return "no";
    case RndAnswer::no_data:
      return "no_data";
  }
  return "?";
}

std::string_view to_string(DialKind k) {
  switch (k) {
    case DialKind::predictive:
      return "PREDICTIVE";
    case DialKind::progressive:
      return "PROGRESSIVE";
    case DialKind::preview:
      return "PREVIEW";
    case DialKind::callback:
      return "CALLBACK";
    case DialKind::manual:
      return "MANUAL";
  }
  return "?";
}

std::string_view to_string(JurisdictionProfile p) {
  return p == JurisdictionProfile::uk ? "UK" : "US";
}

DialRequest make_dial_request(const Lead& lead, DialKind kind, bool agent_reserved, TimePoint now,
                              std::string number) {
  DialRequest r;
  r.lead = lead.id;
  r.number = number.empty() ? lead.phone : std::move(number);
  r.campaign = lead.campaign;
  r.kind = kind;
  r.agent_reserved = agent_reserved;
  r.now = now;
  r.explicit_timezone = lead.timezone;
  r.postal_code = lead.postal_code;
  r.state = lead.state;
  r.lead_attempts = lead.attempts;
  return r;
}

}  // namespace dialer::compliance
