// IvrSession: the nodes that act on the caller's behalf (callback request, opt-out to the
// do-not-call list) and the lookup, which waits for the caller's lookup port or its timeout.
#include "inbound/ivr_session.h"

namespace dialer::inbound {

std::string IvrSession::collected(const std::string& node_id) const {
  const auto it = vars_.digits.find(node_id);
  return it == vars_.digits.end() ? std::string{} : it->second;
}

void IvrSession::run_callback(const CallbackNode& node, TimePoint now) {
  const std::string number =
      node.number_from.empty() ? vars_.caller_id : collected(node.number_from);
  if (number.empty()) {
    go_to(node.on_failure, HangupReason::no_caller_id, now);
    return;
  }
  request_callback(node.queue, number);
  then_target_ = node.next;
  then_reason_ = HangupReason::callback_requested;
  play(node.prompt, Then::go_to, now);
}

void IvrSession::run_opt_out(const OptOutNode& node, TimePoint now) {
  if (vars_.caller_id.empty()) {
    go_to(node.on_failure, HangupReason::no_caller_id, now);
    return;
  }
  actions_.emplace_back(AddToDnc{vars_.caller_id});
  vars_.opted_out = true;
  then_target_ = node.next;
  then_reason_ = HangupReason::opted_out;
  play(node.prompt, Then::go_to, now);
}

void IvrSession::run_lookup(const LookupNode& node, TimePoint now) {
  const std::string value = node.input.empty() ? vars_.caller_id : collected(node.input);
  if (value.empty()) {  // withheld caller id, or the input node was not on this caller's path
    lookup_done(false, LeadId{}, now);
    return;
  }
  vars_.lookup_value = value;
  lookup_id_ = ++last_id_;
  actions_.emplace_back(LookupRequest{node.key, value, lookup_id_});
  arm(Timer::lookup, now + node.timeout);
}

IvrActions IvrSession::lookup_result(std::uint32_t request_id, const LookupResult& result,
                                     TimePoint now) {
  if (finished() || request_id == 0 || request_id != lookup_id_) return {};  // stale
  steps_ = 0;
  disarm();
  lookup_done(result.found, result.lead, now);
  return take();
}

void IvrSession::lookup_done(bool found, LeadId lead, TimePoint now) {
  lookup_id_ = 0;
  const auto& node = std::get<LookupNode>(node_->spec);
  if (found) {
    vars_.lead = lead;
    go_to(node.found, HangupReason::end_of_flow, now);
  } else {
    go_to(node.not_found, HangupReason::end_of_flow, now);
  }
}

}  // namespace dialer::inbound
