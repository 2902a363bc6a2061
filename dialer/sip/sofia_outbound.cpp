// Outbound calls on the SIP thread: INVITE, provisional and final responses, CANCEL, BYE.
#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/url.h>

#include <algorithm>

#include "dialer/sip/sofia_agent.h"

namespace dialer::sip {
namespace {

using calls::FailureCause;
using calls::SystemDisposition;

std::string payload_of(sip_t const* sip) {
  if (sip == nullptr || sip->sip_payload == nullptr) return {};
  return std::string(sip->sip_payload->pl_data, sip->sip_payload->pl_len);
}

bool is_uri(const std::string& s) {
  return s.starts_with("sip:") || s.starts_with("sips:") || s.starts_with("tel:");
}

// "sip:host:port;params" -> "host:port"
std::string hostport_of(const std::string& uri) {
  std::string rest = uri.substr(uri.find(':') + 1);
  return rest.substr(0, rest.find(';'));
}

}  // namespace

std::optional<FailureCause> SofiaAgent::resolve_target(const calls::Originate& cmd,
                                                       std::string& uri, std::string& route,
                                                       const TrunkConfig*& trunk) {
  if (!cmd.agent.empty()) {
    auto contact = registry_.lookup(cmd.agent, monotonic_now());
    if (!contact) return FailureCause::agent_not_registered;
    uri = *contact;
    return std::nullopt;
  }
  if (!cmd.trunk.empty()) {
    trunk = trunk_named(cmd.trunk);
    if (trunk == nullptr) return FailureCause::unknown_trunk;
    if (cmd.target.empty()) return FailureCause::bad_request;
    const bool tcp = trunk->transport == Transport::tcp;
    const std::string transport = tcp ? ";transport=tcp" : "";
    uri = is_uri(cmd.target)
              ? cmd.target
              : "sip:" + cmd.target + "@" + hostport_of(trunk->proxy_uri) + transport;
    const bool has_transport = trunk->proxy_uri.find("transport=") != std::string::npos;
    route = "<" + trunk->proxy_uri + (has_transport ? "" : transport) + ";lr>";
    return std::nullopt;
  }
  if (!is_uri(cmd.target)) return FailureCause::bad_request;
  uri = cmd.target;
  return std::nullopt;
}

void SofiaAgent::fail(CallId id, int status, FailureCause cause, SystemDisposition disposition) {
  emit(calls::Failed{id, status, disposition, cause, {}});
}

void SofiaAgent::originate(const calls::Originate& cmd) {
  if (cmd.call_id.value() <= 0 || find(cmd.call_id) != nullptr) {
    fail(cmd.call_id, 0, FailureCause::bad_request, SystemDisposition::system_failure);
    return;
  }
  std::string uri;
  std::string route;
  const TrunkConfig* trunk = nullptr;
  if (auto cause = resolve_target(cmd, uri, route, trunk)) {
    fail(cmd.call_id, 0, *cause, SystemDisposition::system_failure);
    return;
  }
  // The channel and CPS limits are the carrier's contract: calls to agent phones do not count.
  const bool limited = cmd.agent.empty();
  const TimePoint now = monotonic_now();
  if (limited) {
    if (auto refused = limiter_.admit(now)) {
      fail(cmd.call_id, 0, *refused, SystemDisposition::system_failure);
      return;
    }
  }
  nua_handle_t* nh =
      nua_handle(nua_, nullptr, SIPTAG_TO_STR(uri.c_str()),
                 TAG_IF(!cmd.from.empty(), SIPTAG_FROM_STR(cmd.from.c_str())), TAG_END());
  auto record = std::make_unique<CallRecord>();
  record->id = cmd.call_id;
  record->nh = nh;
  record->machine = calls::OutboundCall{cmd.ring_timeout};
  record->admitted = limited;
  record->trunk = trunk != nullptr ? trunk->name : std::string{};
  record->agent = this;
  CallRecord& call = *record;
  calls_.emplace(cmd.call_id, std::move(record));
  by_handle_.emplace(nh, cmd.call_id);

  const std::string pai = "P-Asserted-Identity: " + cmd.asserted_identity;
  nua_invite(nh, TAG_IF(!cmd.asserted_identity.empty(), SIPTAG_HEADER_STR(pai.c_str())),
             TAG_IF(!route.empty(), SIPTAG_ROUTE_STR(route.c_str())),
             SIPTAG_CONTENT_TYPE_STR("application/sdp"), SIPTAG_PAYLOAD_STR(cmd.sdp_offer.c_str()),
             TAG_END());
  call.machine.invite_sent(now);
  arm_cancel_timer(call, call.machine.cancel_not_before());
}

void SofiaAgent::on_invite_response(CallRecord& call, int status, sip_t const* sip) {
  if (call.inbound) return;
  if (status < 200) {
    const std::string sdp = payload_of(sip);
    call.machine.provisional(status, !sdp.empty(), monotonic_now());
    if (status >= 180) {
      calls::Ringing ringing{call.id, status, !sdp.empty(), std::nullopt};
      if (!sdp.empty()) ringing.sdp = sdp;
      emit(ringing);
    } else if (status >= 100 && !call.trying_reported) {
      call.trying_reported = true;
      emit(calls::Trying{call.id});
    }
    return;
  }
  if ((status == 401 || status == 407) &&
      try_authenticate(call, call.nh, trunk_named(call.trunk), sip)) {
    return;
  }
  on_final_response(call, status, sip);
  // After an unanswered challenge nua keeps the request waiting for credentials and never
  // reports "terminated": release the handle (and the channel) here.
  if (status == 401 || status == 407) forget(call);
}

void SofiaAgent::on_final_response(CallRecord& call, int status, sip_t const* sip) {
  if (call.outcome_reported) return;
  const calls::FinalOutcome outcome = call.machine.final_response(status);
  call.outcome_reported = true;
  // The ring timer has done its job: an answered call must not be ended by it.
  if (call.cancel_timer != nullptr) su_timer_reset(call.cancel_timer);
  if (outcome.answered) {
    emit(calls::Answered{call.id, payload_of(sip)});
    return;
  }
  calls::Failed failed{call.id, status, outcome.disposition, outcome.cause, {}};
  if (status >= 300 && status < 400 && sip != nullptr) {
    for (sip_contact_t const* m = sip->sip_contact; m != nullptr; m = m->m_next) {
      char* text = url_as_string(home_, m->m_url);
      if (text != nullptr) failed.redirect_contacts.emplace_back(text);
      su_free(home_, text);
    }
  }
  call.ended_reported = true;
  emit(failed);
  if (outcome.send_bye) nua_bye(call.nh, TAG_END());
}

bool SofiaAgent::try_authenticate(CallRecord& call, nua_handle_t* nh, const TrunkConfig* trunk,
                                  sip_t const* sip) {
  if (call.auth_tried || trunk == nullptr || trunk->username.empty() || sip == nullptr) {
    return false;
  }
  msg_auth_t const* challenge = sip->sip_www_authenticate != nullptr ? sip->sip_www_authenticate
                                                                     : sip->sip_proxy_authenticate;
  if (challenge == nullptr) return false;
  char const* realm = msg_params_find(challenge->au_params, "realm=");
  if (realm == nullptr) return false;
  const std::string auth = std::string(challenge->au_scheme) + ":" + realm + ":" + trunk->username +
                           ":" + trunk->password;
  call.auth_tried = true;
  nua_authenticate(nh, NUTAG_AUTH(auth.c_str()), TAG_END());
  return true;
}

void SofiaAgent::arm_cancel_timer(CallRecord& call, TimePoint at) {
  if (call.cancel_timer == nullptr) call.cancel_timer = su_timer_create(su_root_task(root_), 0);
  su_timer_reset(call.cancel_timer);
  const auto delay = std::max<std::int64_t>(0, (at - monotonic_now()).count());
  su_timer_set_interval(call.cancel_timer, &SofiaAgent::on_cancel_timer, &call,
                        static_cast<su_duration_t>(delay));
}

void SofiaAgent::on_cancel_timer(su_root_magic_t* /*magic*/, su_timer_t* /*timer*/,
                                 su_timer_arg_t* arg) {
  auto* call = static_cast<CallRecord*>(arg);
  // A timer fired by the floor after the engine's Cancel keeps the engine as the cause.
  call->agent->apply_cancel(
      *call, call->machine.request_cancel(calls::CancelCause::ring_timeout, monotonic_now()));
}

void SofiaAgent::apply_cancel(CallRecord& call, calls::CancelDecision decision) {
  using Action = calls::CancelDecision::Action;
  switch (decision.action) {
    case Action::send_cancel:
      nua_cancel(call.nh, TAG_END());
      break;
    case Action::wait_until:
      arm_cancel_timer(call, decision.not_before);
      break;
    case Action::send_bye:
      nua_bye(call.nh, TAG_END());
      break;
    case Action::nothing:
      break;
  }
}

void SofiaAgent::cancel(CallId id, calls::CancelCause cause) {
  CallRecord* call = find(id);
  if (call == nullptr) return;
  if (call->inbound) {
    reject(calls::Reject{id, 480});
    return;
  }
  apply_cancel(*call, call->machine.request_cancel(cause, monotonic_now()));
}

void SofiaAgent::hangup(const calls::Hangup& cmd) {
  CallRecord* call = find(cmd.call_id);
  if (call == nullptr) return;
  const bool answered =
      call->inbound ? call->inbound_answered : call->machine.state() == calls::CallState::answered;
  if (!answered) {
    cancel(cmd.call_id, calls::CancelCause::engine);
    return;
  }
  std::string text = cmd.reason;
  std::erase_if(text, [](char ch) { return ch == '"' || ch == '\r' || ch == '\n'; });
  const std::string reason = "Reason: SIP;cause=200;text=\"" + text + "\"";
  nua_bye(call->nh, TAG_IF(!cmd.reason.empty(), SIPTAG_HEADER_STR(reason.c_str())), TAG_END());
}

}  // namespace dialer::sip
