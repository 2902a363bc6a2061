#include "dialer/sip/sofia_agent.h"

#include <sofia-sip/nta_tag.h>

#include <type_traits>
#include <variant>

#include "dialer/calls/sdp_direction.h"

namespace dialer::sip {
namespace {

void nua_callback(nua_event_t event, int status, char const* phrase, nua_t* /*nua*/,
                  nua_magic_t* magic, nua_handle_t* nh, nua_hmagic_t* /*hmagic*/, sip_t const* sip,
                  tagi_t tags[]) {
  static_cast<SofiaAgent*>(magic)->on_event(event, status, phrase, nh, sip, tags);
}

std::string bind_url(const SipConfig& config) {
  const std::string port = config.port == 0 ? "*" : std::to_string(config.port);
  return "sip:" + config.bind_address + ":" + port;
}

}  // namespace

TimePoint monotonic_now() {
  return TimePoint{
      std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now().time_since_epoch())};
}

TimePoint wall_now() {
  return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
}

SofiaAgent::SofiaAgent(const SipConfig& config, SipEvents& events, AtomicCounters& counters,
                       su_root_t* root)
    : config_(config),
      events_(events),
      counters_(counters),
      root_(root),
      limiter_(config.limits),
      registry_(config.agent_credentials, config.realm) {
  su_home_init(home_);
}

SofiaAgent::~SofiaAgent() {
  for (auto& [id, call] : calls_) {
    if (call->cancel_timer != nullptr) su_timer_destroy(call->cancel_timer);
  }
  if (sweep_timer_ != nullptr) su_timer_destroy(sweep_timer_);
  // nua may only be destroyed once its shutdown completed; otherwise it is left to the process.
  if (nua_ != nullptr && shut_down_) nua_destroy(nua_);
  su_home_deinit(home_);
}

bool SofiaAgent::create() {
  const std::string url = bind_url(config_);
  // NUTAG_RETRY_COUNT(1): one automatic restart per request. Digest authentication needs it
  // (nua counts the authenticated resend as a retry); the price is that nua may also follow a
  // single 302/305 or a short 503 Retry-After by itself. Anything beyond is reported.
  nua_ = nua_create(root_, nua_callback, this, NUTAG_URL(url.c_str()),
                    NUTAG_USER_AGENT(config_.user_agent.c_str()), NUTAG_MEDIA_ENABLE(0),
                    NUTAG_AUTOANSWER(0), NUTAG_AUTOACK(1), NUTAG_ALLOW("REGISTER"),
                    NUTAG_APPL_METHOD("REGISTER"), NUTAG_RETRY_COUNT(1), TAG_END());
  if (nua_ == nullptr) return false;
  nua_get_params(nua_, TAG_ANY(), TAG_END());
  start_expiry_sweep();
  register_trunks();
  return true;
}

void SofiaAgent::handle(calls::CallCommand command) {
  std::visit(
      [this](auto&& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, calls::Originate>) {
          originate(c);
        } else if constexpr (std::is_same_v<T, calls::Cancel>) {
          cancel(c.call_id, calls::CancelCause::engine);
        } else if constexpr (std::is_same_v<T, calls::Hangup>) {
          hangup(c);
        } else if constexpr (std::is_same_v<T, calls::AnswerReinvite>) {
          answer_reinvite(c);
        } else if constexpr (std::is_same_v<T, calls::AnswerInbound>) {
          answer_inbound(c);
        } else if constexpr (std::is_same_v<T, calls::Reject>) {
          reject(c);
        }
      },
      command);
}

void SofiaAgent::shutdown() {
  if (nua_ == nullptr) {
    shut_down_ = true;
    su_root_break(root_);
    return;
  }
  nua_shutdown(nua_);
}

void SofiaAgent::on_event(nua_event_t event, int status, char const* /*phrase*/, nua_handle_t* nh,
                          sip_t const* sip, tagi_t tags[]) {
  CallRecord* call = nh != nullptr ? find(nh) : nullptr;
  switch (event) {
    case nua_r_get_params: {
      sip_contact_t const* contact = nullptr;
      tl_gets(tags, NTATAG_CONTACT_REF(contact), TAG_END());
      if (contact != nullptr && contact->m_url->url_port != nullptr) {
        bound_port_ = static_cast<std::uint16_t>(std::stoi(contact->m_url->url_port));
      }
      break;
    }
    case nua_r_shutdown:
      if (status >= 200) {
        shut_down_ = true;
        su_root_break(root_);
      }
      break;
    case nua_r_invite:
      if (call != nullptr) on_invite_response(*call, status, sip);
      break;
    case nua_i_invite:
      if (call != nullptr) {
        call->reinvite_pending = true;
        const std::string sdp =
            sip != nullptr && sip->sip_payload != nullptr
                ? std::string(sip->sip_payload->pl_data, sip->sip_payload->pl_len)
                : std::string{};
        emit(calls::ReinviteReceived{call->id, sdp, calls::is_hold_offer(sdp)});
      } else {
        on_incoming_invite(nh, sip);
      }
      break;
    case nua_i_state:
      if (call != nullptr) on_state(*call, tags);
      break;
    case nua_i_bye:
    case nua_i_cancel:
      if (call != nullptr) on_bye(*call);
      break;
    case nua_r_bye:
      if (call != nullptr && status >= 200 && !call->ended_reported) {
        call->ended_reported = true;
        emit(calls::LocalHangupDone{call->id, status});
      }
      break;
    case nua_i_register:
      on_register_request(nh, sip);
      break;
    case nua_r_register:
    case nua_r_unregister:
      on_register_response(nh, status, sip);
      break;
    default:
      break;
  }
}

void SofiaAgent::emit(calls::CallEvent event) {
  if (const auto* failed = std::get_if<calls::Failed>(&event)) {
    ++counters_.dispositions[static_cast<std::size_t>(failed->disposition)];
    ++counters_.failures[static_cast<std::size_t>(failed->cause)];
  } else if (std::holds_alternative<calls::Answered>(event)) {
    ++counters_.dispositions[static_cast<std::size_t>(calls::SystemDisposition::answered)];
  }
  events_.on_call_event(event);
}

SofiaAgent::CallRecord* SofiaAgent::find(CallId id) {
  const auto it = calls_.find(id);
  return it == calls_.end() ? nullptr : it->second.get();
}

SofiaAgent::CallRecord* SofiaAgent::find(nua_handle_t* nh) {
  const auto it = by_handle_.find(nh);
  return it == by_handle_.end() ? nullptr : find(it->second);
}

void SofiaAgent::forget(CallRecord& call) {
  if (call.cancel_timer != nullptr) su_timer_destroy(call.cancel_timer);
  if (call.admitted) limiter_.release();
  by_handle_.erase(call.nh);
  nua_handle_destroy(call.nh);
  calls_.erase(call.id);  // destroys `call`
}

const TrunkConfig* SofiaAgent::trunk_named(const std::string& name) const {
  for (const TrunkConfig& t : config_.trunks) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

}  // namespace dialer::sip
