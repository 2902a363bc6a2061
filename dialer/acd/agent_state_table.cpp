#include "dialer/acd/agent_state_table.h"

namespace dialer::acd {
namespace {

using S = AgentStatus;
using E = AgentEvent;

constexpr AgentRule move(S next) { return {Verdict::move, next}; }
constexpr AgentRule stay() { return {Verdict::stay, S::logged_out}; }
constexpr AgentRule defer() { return {Verdict::defer, S::logged_out}; }
constexpr AgentRule reject() { return {Verdict::reject, S::logged_out}; }

using Row = std::array<AgentRule, kAgentStatusCount>;

// clang-format off
// One row per event; columns in AgentStatus order:
//              logged_out         ready              reserved           on_call            wrap_up            paused
constexpr std::array<Row, kAgentEventCount> kTable{{
    /* login   */ {move(S::ready),   stay(),            stay(),            stay(),            stay(),            stay()},
    /* logout  */ {stay(),           move(S::logged_out), move(S::logged_out), defer(),       defer(),           move(S::logged_out)},
    /* pause   */ {reject(),         move(S::paused),   defer(),           defer(),           defer(),           move(S::paused)},
    /* resume  */ {reject(),         stay(),            stay(),            stay(),            stay(),            move(S::ready)},
    /* reserve */ {reject(),         move(S::reserved), reject(),          reject(),          reject(),          reject()},
    /* answer  */ {reject(),         reject(),          move(S::on_call),  reject(),          reject(),          reject()},
    /* connect */ {reject(),         move(S::on_call),  reject(),          reject(),          reject(),          reject()},
    /* release */ {reject(),         reject(),          move(S::ready),    reject(),          reject(),          reject()},
    /* expired */ {reject(),         reject(),          move(S::ready),    reject(),          reject(),          reject()},
    /* RNA     */ {reject(),         reject(),          move(S::paused),   reject(),          reject(),          reject()},
    /* hangup  */ {reject(),         reject(),          reject(),          move(S::wrap_up),  reject(),          reject()},
    /* wrap_end*/ {reject(),         reject(),          reject(),          reject(),          move(S::ready),    reject()},
    /* wrap_to */ {reject(),         reject(),          reject(),          reject(),          move(S::ready),    reject()},
}};
// clang-format on

}  // namespace

AgentRule agent_transition(AgentStatus state, AgentEvent event) {
  const auto e = static_cast<std::size_t>(event);
  const auto s = static_cast<std::size_t>(state);
  if (e >= kAgentEventCount || s >= kAgentStatusCount) return reject();
  return kTable[e][s];
}

std::string_view to_string(AgentStatus s) {
  switch (s) {
    case S::logged_out:
      return "logged_out";
    case S::ready:
      return "ready";
    case S::reserved:
      return "reserved";
    case S::on_call:
      return "on_call";
    case S::wrap_up:
      return "wrap_up";
    case S::paused:
      return "paused";
    case S::count_:
      break;
  }
  return "unknown";
}

std::string_view to_string(AgentEvent e) {
  switch (e) {
    case E::login:
      return "login";
    case E::logout:
      return "logout";
    case E::pause:
      return "pause";
    case E::resume:
      return "resume";
    case E::reserve:
      return "reserve";
    case E::answer:
      return "answer";
    case E::connect:
      return "connect";
    case E::release:
      return "release";
    case E::reservation_expired:
      return "reservation_expired";
    case E::ring_no_answer:
      return "ring_no_answer";
    case E::hangup:
      return "hangup";
    case E::wrap_end:
      return "wrap_end";
    case E::wrap_timeout:
      return "wrap_timeout";
    case E::count_:
      break;
  }
  return "unknown";
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::move:
      return "move";
    case Verdict::stay:
      return "stay";
    case Verdict::defer:
      return "defer";
    case Verdict::reject:
      return "reject";
  }
  return "unknown";
}

}  // namespace dialer::acd
