// Requests that arrive on the SIP thread: new INVITEs (trunk or forbidden), re-INVITEs, BYE,
// and the engine's answers to them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sofia-sip/msg_addr.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/url.h>

#include "dialer/sip/sofia_agent.h"

namespace dialer::sip {
namespace {

std::string payload_of(sip_t const* sip) {
  if (sip == nullptr || sip->sip_payload == nullptr) return {};
  return std::string(sip->sip_payload->pl_data, sip->sip_payload->pl_len);
}

struct HostPort {
  std::string host;
  int port = 5060;
};

// "sip:1.2.3.4:5070;transport=tcp" -> {1.2.3.4, 5070}. Trunks are configured by IP address.
HostPort parse_hostport(const std::string& uri) {
  std::string rest = uri.substr(uri.find(':') + 1);
  rest = rest.substr(0, rest.find(';'));
  if (const auto at = rest.find('@'); at != std::string::npos) rest = rest.substr(at + 1);
  HostPort hp;
  const auto colon = rest.rfind(':');
  if (colon == std::string::npos) {
    hp.host = rest;
  } else {
    hp.host = rest.substr(0, colon);
    hp.port = std::atoi(rest.c_str() + colon + 1);
  }
  return hp;
}

const char* phrase_for(int status) {
  const char* phrase = sip_status_phrase(status);
  return phrase != nullptr ? phrase : "Rejected";
}

}  // namespace

bool SofiaAgent::from_trunk(const TrunkConfig*& trunk) const {
  msg_t* msg = nua_current_request(nua_);
  su_addrinfo_t* ai = msg != nullptr ? msg_addrinfo(msg) : nullptr;
  if (ai == nullptr || ai->ai_addr == nullptr || ai->ai_family != AF_INET) return false;
  const auto* sin = reinterpret_cast<const sockaddr_in*>(ai->ai_addr);
  char ip[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof ip);
  const int port = ntohs(sin->sin_port);
  for (const TrunkConfig& t : config_.trunks) {
    const HostPort hp = parse_hostport(t.proxy_uri);
    // Over TCP the source port is ephemeral, so only the address identifies the trunk.
    const bool port_ok = t.transport == Transport::tcp || hp.port == port;
    if (hp.host == ip && port_ok) {
      trunk = &t;
      return true;
    }
  }
  return false;
}

void SofiaAgent::on_incoming_invite(nua_handle_t* nh, sip_t const* sip) {
  const TrunkConfig* trunk = nullptr;
  if (!from_trunk(trunk)) {
    // No open relay: only the configured trunk may send us calls.
    ++counters_.inbound_forbidden;
    nua_respond(nh, SIP_403_FORBIDDEN, NUTAG_WITH_THIS(nua_), TAG_END());
    nua_handle_destroy(nh);
    return;
  }
  auto record = std::make_unique<CallRecord>();
  record->id = CallId{next_inbound_id_--};
  record->nh = nh;
  record->inbound = true;
  record->trunk = trunk->name;
  record->agent = this;
  calls::InboundCall event{record->id, {}, {}, payload_of(sip)};
  if (sip != nullptr && sip->sip_from != nullptr) {
    char* from = url_as_string(home_, sip->sip_from->a_url);
    event.from = from != nullptr ? from : "";
    su_free(home_, from);
  }
  if (sip != nullptr && sip->sip_to != nullptr) {
    char* to = url_as_string(home_, sip->sip_to->a_url);
    event.to = to != nullptr ? to : "";
    su_free(home_, to);
  }
  by_handle_.emplace(nh, record->id);
  calls_.emplace(record->id, std::move(record));
  emit(event);
}

void SofiaAgent::answer_reinvite(const calls::AnswerReinvite& cmd) {
  CallRecord* call = find(cmd.call_id);
  if (call == nullptr || !call->reinvite_pending) return;
  call->reinvite_pending = false;
  nua_respond(call->nh, SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
              SIPTAG_PAYLOAD_STR(cmd.sdp_answer.c_str()), TAG_END());
}

void SofiaAgent::answer_inbound(const calls::AnswerInbound& cmd) {
  CallRecord* call = find(cmd.call_id);
  if (call == nullptr || !call->inbound || call->inbound_answered) return;
  call->inbound_answered = true;
  call->outcome_reported = true;
  nua_respond(call->nh, SIP_200_OK, SIPTAG_CONTENT_TYPE_STR("application/sdp"),
              SIPTAG_PAYLOAD_STR(cmd.sdp_answer.c_str()), TAG_END());
}

void SofiaAgent::reject(const calls::Reject& cmd) {
  CallRecord* call = find(cmd.call_id);
  if (call == nullptr) return;
  const int status = cmd.sip_status >= 400 && cmd.sip_status <= 699 ? cmd.sip_status : 488;
  if (call->reinvite_pending) {
    call->reinvite_pending = false;
    nua_respond(call->nh, status, phrase_for(status), TAG_END());
    return;
  }
  if (call->inbound && !call->inbound_answered && !call->ended_reported) {
    call->outcome_reported = true;
    call->ended_reported = true;
    nua_respond(call->nh, status, phrase_for(status), TAG_END());
  }
}

void SofiaAgent::on_bye(CallRecord& call) {
  if (call.ended_reported) return;
  call.ended_reported = true;
  call.outcome_reported = true;
  call.machine.ended();
  emit(calls::RemoteHangup{call.id});
}

void SofiaAgent::on_state(CallRecord& call, tagi_t tags[]) {
  int state = nua_callstate_init;
  tl_gets(tags, NUTAG_CALLSTATE_REF(state), TAG_END());
  if (state == nua_callstate_calling && !call.inbound && !call.trying_reported) {
    // nua never passes "100 Trying" up; the INVITE leaving the stack is the closest fact.
    call.trying_reported = true;
    emit(calls::Trying{call.id});
    return;
  }
  if (state != nua_callstate_terminated) return;
  if (!call.outcome_reported && !call.inbound) {
    // nua ended the call without a final response we saw (e.g. transport failure).
    call.outcome_reported = true;
    call.ended_reported = true;
    fail(call.id, 0, calls::FailureCause::sip_response, calls::SystemDisposition::system_failure);
  } else if (!call.ended_reported) {
    call.ended_reported = true;
    emit(calls::RemoteHangup{call.id});
  }
  forget(call);
}

}  // namespace dialer::sip
