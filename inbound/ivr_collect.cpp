// IvrSession: DTMF collection. An attempt plays the node's prompt with barge-in, waits
// first_digit_timeout after the prompt for the first key and inter_digit_timeout after each key,
// and ends at max_digits, at the terminator or at the inter-digit timeout. The entry then picks
// an exact branch, else the default, else it is invalid; invalid entries and timeouts use up the
// node's retries, then the call goes to on_failure.
#include <algorithm>
#include <string_view>

#include "inbound/ivr_session.h"

namespace dialer::inbound {
namespace {

bool is_dtmf(char key) {
  constexpr std::string_view kKeys = "0123456789*#ABCD";
  return kKeys.find(key) != std::string_view::npos;
}

}  // namespace

const CollectNode& IvrSession::collect_node() const { return std::get<CollectNode>(node_->spec); }

IvrActions IvrSession::digit(char key, TimePoint now) {
  if (finished() || !collecting_ || !is_dtmf(key)) {
    ++ignored_digits_;
    return {};
  }
  steps_ = 0;
  if (prompt_id_ != 0) {  // barge-in: the first key stops the prompt
    actions_.emplace_back(StopPrompt{prompt_id_});
    prompt_id_ = 0;
  }
  const CollectNode& node = collect_node();
  if (node.terminator && key == *node.terminator) {
    complete_entry(now);
    return take();
  }
  entry_ += key;
  if (static_cast<int>(entry_.size()) >= node.max_digits) {
    complete_entry(now);
  } else {
    arm(Timer::inter_digit, now + node.inter_digit_timeout);
  }
  return take();
}

void IvrSession::start_collect(TimePoint now) {
  failures_ = 0;
  start_attempt(now);
}

void IvrSession::start_attempt(TimePoint now) {
  const CollectNode& node = collect_node();
  entry_.clear();
  collecting_ = true;
  actions_.emplace_back(StartCollecting{node.max_digits, node.terminator});
  play(node.prompt, Then::collect_listen, now);
}

void IvrSession::complete_entry(TimePoint now) {
  const CollectNode& node = collect_node();
  stop_collecting();
  disarm();
  if (entry_.empty()) {  // only the terminator: no input
    failed_attempt(node.timeout_prompt, now);
    return;
  }
  if (static_cast<int>(entry_.size()) < node.min_digits) {
    failed_attempt(node.invalid_prompt, now);
    return;
  }
  const auto branch = std::find_if(node.branches.begin(), node.branches.end(),
                                   [&](const DigitBranch& b) { return b.digits == entry_; });
  if (branch != node.branches.end()) {
    vars_.digits[node_->id] = entry_;
    go_to(branch->target, HangupReason::end_of_flow, now);
    return;
  }
  if (node.default_target) {
    vars_.digits[node_->id] = entry_;
    go_to(*node.default_target, HangupReason::end_of_flow, now);
    return;
  }
  failed_attempt(node.invalid_prompt, now);
}

void IvrSession::failed_attempt(const std::string& prompt, TimePoint now) {
  stop_collecting();
  disarm();
  const CollectNode& node = collect_node();
  if (++failures_ > node.retries) {
    go_to(node.on_failure, HangupReason::retries_exhausted, now);
    return;
  }
  play(prompt, Then::collect_retry, now);
}

void IvrSession::stop_collecting() {
  if (!collecting_) return;
  actions_.emplace_back(StopCollecting{});
  collecting_ = false;
}

}  // namespace dialer::inbound
