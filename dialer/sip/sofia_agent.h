// SofiaAgent: everything that runs on the SIP thread: nua, the call table, the registrar.
// Adapter-internal. Every method runs on the thread that runs su_root_run (not thread-safe).
// Invariants: each live call has exactly one CallRecord keyed by CallId and one handle entry;
// a record is erased only when nua reports the call terminated (or on shutdown).
#pragma once

// clang-format off
#include "dialer/sip/sofia_types.h"  // must precede every Sofia header
#include <sofia-sip/nua.h>
#include <sofia-sip/su_wait.h>
// clang-format on

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "dialer/calls/call_command.h"
#include "dialer/calls/originate_limiter.h"
#include "dialer/calls/outbound_call.h"
#include "dialer/sip/agent_registry.h"
#include "dialer/sip/sip_config.h"
#include "dialer/sip/sip_events.h"
#include "dialer/sip/sip_stack.h"

namespace dialer::sip {

struct AtomicCounters {
  std::array<std::atomic<std::uint64_t>, 8> dispositions{};
  std::array<std::atomic<std::uint64_t>, 9> failures{};
  std::atomic<std::uint64_t> registrations{0};
  std::atomic<std::uint64_t> auth_challenges{0};
  std::atomic<std::uint64_t> auth_failures{0};
  std::atomic<std::uint64_t> inbound_forbidden{0};
};

// Call timing (ring floor, CPS window, binding expiry) runs on a monotonic clock expressed as a
// TimePoint, so that a wall-clock step can never cancel a call before its floor.
TimePoint monotonic_now();
// Wall-clock time, only for values the engine sees (Registered::expires_at).
TimePoint wall_now();

class SofiaAgent {
 public:
  SofiaAgent(const SipConfig& config, SipEvents& events, AtomicCounters& counters, su_root_t* root);
  ~SofiaAgent();
  SofiaAgent(const SofiaAgent&) = delete;
  SofiaAgent& operator=(const SofiaAgent&) = delete;

  // Creates nua and asks for the bound contact; false when binding failed.
  bool create();
  void handle(calls::CallCommand command);
  // Starts nua_shutdown; `done` is set when nua has finished (or at once without nua).
  void shutdown();
  [[nodiscard]] bool shut_down() const { return shut_down_; }
  [[nodiscard]] std::optional<std::uint16_t> bound_port() const { return bound_port_; }

  void on_event(nua_event_t event, int status, char const* phrase, nua_handle_t* nh,
                sip_t const* sip, tagi_t tags[]);

 private:
  struct CallRecord {
    CallId id;
    nua_handle_t* nh = nullptr;
    bool inbound = false;
    calls::OutboundCall machine{Duration{0}};
    su_timer_t* cancel_timer = nullptr;
    bool admitted = false;          // counted by the limiter
    bool outcome_reported = false;  // Answered or Failed sent
    bool ended_reported = false;    // RemoteHangup / LocalHangupDone / Failed sent
    bool auth_tried = false;
    bool trying_reported = false;
    bool reinvite_pending = false;
    bool inbound_answered = false;
    std::string trunk;
    SofiaAgent* agent = nullptr;
  };

  // outbound (sofia_outbound.cpp)
  void originate(const calls::Originate& cmd);
  std::optional<calls::FailureCause> resolve_target(const calls::Originate& cmd, std::string& uri,
                                                    std::string& route, const TrunkConfig*& trunk);
  void cancel(CallId id, calls::CancelCause cause);
  void hangup(const calls::Hangup& cmd);
  void on_invite_response(CallRecord& call, int status, sip_t const* sip);
  void on_final_response(CallRecord& call, int status, sip_t const* sip);
  bool try_authenticate(CallRecord& call, nua_handle_t* nh, const TrunkConfig* trunk,
                        sip_t const* sip);
  void arm_cancel_timer(CallRecord& call, TimePoint at);
  static void on_cancel_timer(su_root_magic_t* magic, su_timer_t* timer, su_timer_arg_t* arg);
  void apply_cancel(CallRecord& call, calls::CancelDecision decision);
  void fail(CallId id, int status, calls::FailureCause cause, calls::SystemDisposition disposition);

  // inbound and in-dialog (sofia_inbound.cpp)
  void on_incoming_invite(nua_handle_t* nh, sip_t const* sip);
  bool from_trunk(const TrunkConfig*& trunk) const;
  void answer_reinvite(const calls::AnswerReinvite& cmd);
  void answer_inbound(const calls::AnswerInbound& cmd);
  void reject(const calls::Reject& cmd);
  void on_bye(CallRecord& call);
  void on_state(CallRecord& call, tagi_t tags[]);

  // registrar and trunk registration (sofia_registrar.cpp)
  void on_register_request(nua_handle_t* nh, sip_t const* sip);
  void challenge(nua_handle_t* nh, bool stale);
  void register_trunks();
  void on_register_response(nua_handle_t* nh, int status, sip_t const* sip);
  void start_expiry_sweep();
  static void on_expiry_sweep(su_root_magic_t* magic, su_timer_t* timer, su_timer_arg_t* arg);

  void emit(calls::CallEvent event);
  CallRecord* find(CallId id);
  CallRecord* find(nua_handle_t* nh);
  void forget(CallRecord& call);
  const TrunkConfig* trunk_named(const std::string& name) const;

  const SipConfig& config_;
  SipEvents& events_;
  AtomicCounters& counters_;
  su_root_t* root_;
  su_home_t home_[1];
  nua_t* nua_ = nullptr;
  bool shut_down_ = false;
  std::optional<std::uint16_t> bound_port_;
  std::map<CallId, std::unique_ptr<CallRecord>> calls_;
  std::unordered_map<nua_handle_t*, CallId> by_handle_;
  std::map<nua_handle_t*, std::string> trunk_registrations_;  // handle -> trunk name
  std::map<nua_handle_t*, bool> trunk_reg_auth_tried_;
  calls::OriginateLimiter limiter_;
  AgentRegistry registry_;
  su_timer_t* sweep_timer_ = nullptr;
  std::int64_t next_inbound_id_ = -1;
};

}  // namespace dialer::sip
