// Agent-phone registrar (REGISTER with digest authentication) and our own trunk registrations.
#include <openssl/rand.h>
#include <sofia-sip/msg_header.h>
#include <sofia-sip/sip_header.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/url.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>

#include "dialer/sip/sofia_agent.h"

namespace dialer::sip {
namespace {

std::string random_hex() {
  std::array<unsigned char, 16> bytes{};
  RAND_bytes(bytes.data(), static_cast<int>(bytes.size()));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0f]);
  }
  return out;
}

DigestCredentials credentials_of(msg_auth_t const* auth) {
  std::map<std::string, std::string> params;
  for (msg_param_t const* p = auth->au_params; p != nullptr && *p != nullptr; ++p) {
    if (auto kv = split_param(*p)) params.insert(std::move(*kv));
  }
  return parse_digest_params(params);
}

int requested_expiry(sip_t const* sip, int max_expires) {
  long expires = 3600;
  if (sip->sip_contact != nullptr) {
    if (char const* e = msg_params_find(sip->sip_contact->m_params, "expires=")) {
      expires = std::atol(e);
    } else if (sip->sip_expires != nullptr) {
      expires = static_cast<long>(sip->sip_expires->ex_delta);
    }
  }
  return static_cast<int>(std::clamp<long>(expires, 0, max_expires));
}

}  // namespace

void SofiaAgent::challenge(nua_handle_t* nh, bool stale) {
  ++counters_.auth_challenges;
  const std::string nonce = registry_.issue_nonce(random_hex(), monotonic_now());
  const std::string header = "Digest realm=\"" + registry_.realm() + "\", nonce=\"" + nonce +
                             "\", algorithm=MD5, qop=\"auth\"" + (stale ? ", stale=true" : "");
  nua_respond(nh, SIP_401_UNAUTHORIZED, NUTAG_WITH_THIS(nua_),
              SIPTAG_WWW_AUTHENTICATE_STR(header.c_str()), TAG_END());
  nua_handle_destroy(nh);
}

void SofiaAgent::on_register_request(nua_handle_t* nh, sip_t const* sip) {
  if (sip == nullptr || sip->sip_authorization == nullptr) {
    challenge(nh, false);
    return;
  }
  const TimePoint now = monotonic_now();
  const DigestCredentials creds = credentials_of(sip->sip_authorization);
  const AuthVerdict verdict = registry_.check(creds, "REGISTER", now);
  if (verdict == AuthVerdict::stale_nonce) {
    challenge(nh, true);
    return;
  }
  // An agent may only bind its own address of record.
  const bool own_aor = sip->sip_to != nullptr && sip->sip_to->a_url->url_user != nullptr &&
                       creds.username == sip->sip_to->a_url->url_user;
  if (verdict != AuthVerdict::ok || !own_aor) {
    ++counters_.auth_failures;
    nua_respond(nh, SIP_403_FORBIDDEN, NUTAG_WITH_THIS(nua_), TAG_END());
    nua_handle_destroy(nh);
    return;
  }
  const int expires = requested_expiry(sip, config_.max_register_expires_s);
  sip_contact_t const* m = sip->sip_contact;
  if (m == nullptr) {  // a query: answer with the current binding
    nua_respond(nh, SIP_200_OK, NUTAG_WITH_THIS(nua_), TAG_END());
    nua_handle_destroy(nh);
    return;
  }
  if (expires == 0 || m->m_url->url_type == url_any) {
    if (registry_.remove(creds.username)) {
      emit(calls::Unregistered{creds.username, calls::UnregisterCause::removed});
    }
    nua_respond(nh, SIP_200_OK, NUTAG_WITH_THIS(nua_), TAG_END());
    nua_handle_destroy(nh);
    return;
  }
  char* text = url_as_string(home_, m->m_url);
  const std::string contact = text != nullptr ? text : "";
  su_free(home_, text);
  registry_.bind(creds.username, contact, now + std::chrono::seconds{expires});
  ++counters_.registrations;
  const std::string reply = "<" + contact + ">;expires=" + std::to_string(expires);
  nua_respond(nh, SIP_200_OK, NUTAG_WITH_THIS(nua_), SIPTAG_CONTACT_STR(reply.c_str()), TAG_END());
  nua_handle_destroy(nh);
  emit(calls::Registered{creds.username, contact, wall_now() + std::chrono::seconds{expires}});
}

void SofiaAgent::register_trunks() {
  for (const TrunkConfig& t : config_.trunks) {
    if (!t.register_enabled) continue;
    std::string host = t.proxy_uri.substr(t.proxy_uri.find(':') + 1);
    host = host.substr(0, host.find(';'));
    const std::string aor = "sip:" + t.username + "@" + host;
    nua_handle_t* nh = nua_handle(nua_, nullptr, SIPTAG_TO_STR(aor.c_str()),
                                  SIPTAG_FROM_STR(aor.c_str()), TAG_END());
    trunk_registrations_[nh] = t.name;
    const std::string expires = std::to_string(t.register_expires_s);
    nua_register(nh, NUTAG_REGISTRAR(t.proxy_uri.c_str()), SIPTAG_EXPIRES_STR(expires.c_str()),
                 TAG_END());
  }
}

void SofiaAgent::on_register_response(nua_handle_t* nh, int status, sip_t const* sip) {
  const auto it = trunk_registrations_.find(nh);
  if (it == trunk_registrations_.end() || status < 200) return;
  const TrunkConfig* trunk = trunk_named(it->second);
  if ((status == 401 || status == 407) && trunk != nullptr && !trunk_reg_auth_tried_[nh] &&
      sip != nullptr) {
    msg_auth_t const* ch = sip->sip_www_authenticate != nullptr ? sip->sip_www_authenticate
                                                                : sip->sip_proxy_authenticate;
    char const* realm = ch != nullptr ? msg_params_find(ch->au_params, "realm=") : nullptr;
    if (realm != nullptr) {
      trunk_reg_auth_tried_[nh] = true;
      const std::string auth =
          std::string(ch->au_scheme) + ":" + realm + ":" + trunk->username + ":" + trunk->password;
      nua_authenticate(nh, NUTAG_AUTH(auth.c_str()), TAG_END());
      return;
    }
  }
  if (status < 300) trunk_reg_auth_tried_[nh] = false;  // the next refresh may be challenged
  emit(calls::TrunkRegistration{it->second, status, status < 300});
}

void SofiaAgent::start_expiry_sweep() {
  sweep_timer_ = su_timer_create(su_root_task(root_), 1000);
  su_timer_set_for_ever(sweep_timer_, &SofiaAgent::on_expiry_sweep, this);
}

void SofiaAgent::on_expiry_sweep(su_root_magic_t* /*magic*/, su_timer_t* /*timer*/,
                                 su_timer_arg_t* arg) {
  auto* self = static_cast<SofiaAgent*>(arg);
  for (const std::string& agent : self->registry_.expire(monotonic_now())) {
    self->emit(calls::Unregistered{agent, calls::UnregisterCause::expired});
  }
}

}  // namespace dialer::sip
