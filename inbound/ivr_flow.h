// IVR flows as typed, immutable values: named flows of nodes (play a prompt, collect DTMF, go to a
// queue, offer a callback, opt out to the do-not-call list, look the caller up, voicemail, hang
// up, go to another node or flow). Targets name nodes of the same flow; an empty target ends the
// call. Built by the loader (dialer/config) or by tests; read by the validator and the
// interpreter. Plain values; safe to share between threads once built.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dialer/common/time.h"

namespace dialer::inbound {

// A node id of the same flow; empty: hang up.
using Target = std::string;

// A skill with a level: an agent's level (1-10), or the minimum level a queue or node requires.
struct NamedSkill {
  std::string skill;
  int level = 1;
};

// What happens when a DID or flow is reached outside its business hours.
enum class AfterHoursAction : std::uint8_t {
  hang_up,    // play `prompt` (if any), then hang up
  voicemail,  // voicemail of `mailbox`, with `prompt` as its greeting
  flow,       // play `prompt` (if any), then enter `flow`
  callback,   // play `prompt` (if any), request a callback of the caller id in `queue`, hang up
};

struct AfterHours {
  AfterHoursAction action = AfterHoursAction::hang_up;
  std::string prompt;
  std::string flow;
  std::string mailbox;
  std::string queue;
};

// Business hours of a DID or a flow: the schedule's name and what to do when it is closed.
struct HoursRule {
  std::string schedule;
  AfterHours after_hours;
};

// --- Nodes --------------------------------------------------------------------------------------

struct PlayNode {
  std::string prompt;  // WAV file
  Target next;
};

struct DigitBranch {
  std::string digits;  // exact string of keys, e.g. "1" or "42"
  Target target;
};

// Collects DTMF keys. Keys pressed while `prompt` plays stop it (barge-in). The entry ends at
// max_digits, at the terminator, or when inter_digit_timeout passes after a key; no key within
// first_digit_timeout after the prompt is a timeout. Invalid entries and timeouts share one
// budget of `retries` more attempts; then `on_failure`.
struct CollectNode {
  std::string prompt;
  int min_digits = 1;
  int max_digits = 1;
  std::optional<char> terminator = '#';  // nullopt: no terminator
  Duration first_digit_timeout{5'000};
  Duration inter_digit_timeout{3'000};
  int retries = 2;
  std::string invalid_prompt;
  std::string timeout_prompt;
  std::vector<DigitBranch> branches;
  std::optional<Target> default_target;  // any other entry of min..max digits; none: invalid
  Target on_failure;                     // after the last retry; empty: hang up
};

struct QueueNode {
  std::string queue;
  std::vector<NamedSkill> skills;  // required on top of the queue's own, at least these levels
  std::optional<int> priority;     // the queue's priority when absent
};

// Records a callback request that keeps the caller's place in `queue`. The number is the caller
// id, or the digits a collect node of this flow stored (`number_from` names that node).
struct CallbackNode {
  std::string queue;
  std::string number_from;  // empty: caller id
  std::string prompt;       // confirmation, played after the request
  Target next;              // after the confirmation; empty: hang up
  Target on_failure;        // no number to call back; empty: hang up
};

// Adds the caller id to the internal do-not-call list and plays the confirmation.
struct OptOutNode {
  std::string prompt;
  Target next;
  Target on_failure;  // the caller id is withheld; empty: hang up
};

enum class LookupKey : std::uint8_t { account, phone };

// Emits a lookup request (the lookup itself is a port of the caller) and branches on its result.
// The value is what a collect node of this flow stored (`input`), or the caller id.
struct LookupNode {
  LookupKey key = LookupKey::account;
  std::string input;  // a collect node id; empty: caller id
  Duration timeout{5'000};
  Target found;
  Target not_found;  // also on timeout and when the input was never collected
};

struct VoicemailNode {
  std::string mailbox;
  std::string prompt;  // greeting; the mailbox's own when empty
};

struct HangupNode {
  std::string prompt;  // played before hanging up
};

struct GotoNode {
  std::string node;  // a node of this flow, or
  std::string flow;  // the start of another flow (its business hours apply)
};

using NodeSpec = std::variant<PlayNode, CollectNode, QueueNode, CallbackNode, OptOutNode,
                              LookupNode, VoicemailNode, HangupNode, GotoNode>;

// The same order as NodeSpec's alternatives.
enum class NodeKind : std::uint8_t {
  play,
  collect,
  queue,
  callback,
  opt_out,
  lookup,
  voicemail,
  hangup,
  go_to,
};

struct IvrNode {
  std::string id;
  NodeSpec spec;
  [[nodiscard]] NodeKind kind() const { return static_cast<NodeKind>(spec.index()); }
};

// The kind's name in files and messages: "play", "collect", ..., "goto".
std::string_view to_string(NodeKind kind);
std::string_view to_string(AfterHoursAction action);
std::string_view to_string(LookupKey key);

struct IvrFlow {
  std::string name;
  std::string start;  // empty: the first node
  std::optional<HoursRule> hours;
  std::vector<IvrNode> nodes;

  [[nodiscard]] const IvrNode* find(std::string_view id) const;
  [[nodiscard]] const IvrNode* start_node() const;
};

}  // namespace dialer::inbound
