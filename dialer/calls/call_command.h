// Commands the engine sends to the SIP adapter. Value types: copied across threads.
// A command names its call by CallId only; the adapter owns every SIP handle.
// Invariant: outbound CallIds are positive and chosen by the engine.
#pragma once

#include <string>
#include <variant>

#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::calls {

// Place an outbound call. Exactly one of `target` / `agent` names the callee:
// `target` is a SIP URI ("sip:+15551230000@carrier") or, with a trunk, a bare number that the
// adapter turns into sip:<number>@<trunk host>; `agent` is the user name of a registered
// agent phone, resolved to its current contact binding.
struct Originate {
  CallId call_id;
  std::string target;
  std::string agent;
  std::string from;               // From URI or name-addr (the campaign caller id)
  std::string asserted_identity;  // P-Asserted-Identity value; empty = no header
  std::string sdp_offer;          // SDP text from the media adapter
  Duration ring_timeout{30'000};  // from the INVITE; never below the 15 s floor
  std::string trunk;              // trunk name from the SIP config; empty = direct
};

// Stop a call that has not been answered. Before the ring floor the adapter defers the CANCEL
// until the floor; after an answer it behaves as Hangup.
struct Cancel {
  CallId call_id;
};

// End an answered call with BYE (or CANCEL it if still unanswered, respecting the floor).
struct Hangup {
  CallId call_id;
  std::string reason;  // free text, sent in a Reason header
};

// Answer a re-INVITE (e.g. hold) received on an established call with 200 and this SDP.
struct AnswerReinvite {
  CallId call_id;
  std::string sdp_answer;
};

// Answer an inbound call (InboundCall event) with 200 and this SDP.
struct AnswerInbound {
  CallId call_id;
  std::string sdp_answer;
};

// Refuse a pending request: an inbound INVITE or a re-INVITE (status 4xx-6xx).
struct Reject {
  CallId call_id;
  int sip_status = 486;
};

using CallCommand = std::variant<Originate, Cancel, Hangup, AnswerReinvite, AnswerInbound, Reject>;

CallId call_id_of(const CallCommand& command);

}  // namespace dialer::calls
