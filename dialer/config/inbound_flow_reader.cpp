// `kind: inbound` files: IVR flows and their nodes, one reader per node kind.
#include <array>

#include "dialer/config/inbound_readers.h"
#include "inbound/config_paths.h"

namespace dialer::config {
namespace {

using namespace inbound;  // NOLINT(google-build-using-namespace): node types only

constexpr std::array<std::pair<std::string_view, NodeKind>, 9> kNodeKinds{{
    {"play", NodeKind::play},
    {"collect", NodeKind::collect},
    {"queue", NodeKind::queue},
    {"callback", NodeKind::callback},
    {"opt_out", NodeKind::opt_out},
    {"lookup", NodeKind::lookup},
    {"voicemail", NodeKind::voicemail},
    {"hangup", NodeKind::hangup},
    {"goto", NodeKind::go_to},
}};

constexpr std::array<std::pair<std::string_view, LookupKey>, 2> kLookupKeys{{
    {"account", LookupKey::account},
    {"phone", LookupKey::phone},
}};

constexpr std::string_view kCallerId = "caller_id";
constexpr Duration kMinTimeout{500};
constexpr Duration kMaxTimeout{60'000};

// The node a value comes from: a collect node's id, or `caller_id` (stored as empty).
struct Source {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const {
    auto name = Name{}(field, sink);
    if (name && *name == kCallerId) return std::string{};
    return name;
  }
};

struct NodeReader {
  FieldReader& r;
  PromptFile prompt;

  // A target whose value failed to read is kept empty, so the node still counts as pointing
  // somewhere and no second, misleading problem is reported about it.
  Target target(std::string_view key, bool required = false) {
    const auto field = required ? r.require(key) : r.take(key);
    if (!field) return {};
    return Name{}(*field, r.sink()).value_or("");
  }

  PlayNode play() {
    PlayNode n;
    r.read_required("prompt", n.prompt, prompt);
    n.next = target("next");
    return n;
  }

  CollectNode collect() {
    CollectNode n;
    r.read("prompt", n.prompt, prompt);
    r.read("min_digits", n.min_digits, Integer{1, 32});
    r.read("max_digits", n.max_digits, Integer{1, 32});
    char terminator = '#';
    if (r.read("terminator", terminator, Terminator{})) {
      n.terminator = terminator == '\0' ? std::nullopt : std::optional<char>(terminator);
    }
    r.read("first_digit_timeout", n.first_digit_timeout, DurationIn{kMinTimeout, kMaxTimeout, {}});
    r.read("inter_digit_timeout", n.inter_digit_timeout, DurationIn{kMinTimeout, kMaxTimeout, {}});
    r.read("retries", n.retries, Integer{0, 10});
    r.read("invalid_prompt", n.invalid_prompt, prompt);
    r.read("timeout_prompt", n.timeout_prompt, prompt);
    if (auto branches = r.take("branches")) {
      for (const auto& entry : map_entries(*branches, r.sink())) {
        r.sink().remember(key_path(entry.value.path), entry.key_at);
        n.branches.push_back(DigitBranch{entry.key, Name{}(entry.value, r.sink()).value_or("")});
      }
    }
    if (auto any = r.take("default")) n.default_target = Name{}(*any, r.sink()).value_or("");
    n.on_failure = target("on_failure");
    return n;
  }

  QueueNode queue() {
    QueueNode n;
    r.read_required("queue", n.queue, Name{});
    if (auto skills = r.take("skills")) read_skill_levels(*skills, n.skills, r.sink());
    r.read("priority", n.priority, Integer{0, 100});
    return n;
  }

  CallbackNode callback() {
    CallbackNode n;
    r.read_required("queue", n.queue, Name{});
    r.read("number_from", n.number_from, Source{});
    r.read("prompt", n.prompt, prompt);
    n.next = target("next");
    n.on_failure = target("on_failure");
    return n;
  }

  OptOutNode opt_out() {
    OptOutNode n;
    r.read_required("prompt", n.prompt, prompt, "the confirmation the caller hears");
    n.next = target("next");
    n.on_failure = target("on_failure");
    return n;
  }

  LookupNode lookup() {
    LookupNode n;
    r.read("key", n.key, OneOf<LookupKey>{kLookupKeys});
    r.read("input", n.input, Source{});
    r.read("timeout", n.timeout, DurationIn{kMinTimeout, kMaxTimeout, {}});
    n.found = target("found", true);
    n.not_found = target("not_found", true);
    return n;
  }

  VoicemailNode voicemail() {
    VoicemailNode n;
    r.read_required("mailbox", n.mailbox, Text{});
    r.read("prompt", n.prompt, prompt);
    return n;
  }

  HangupNode hangup() {
    HangupNode n;
    r.read("prompt", n.prompt, prompt);
    return n;
  }

  GotoNode go_to() {
    GotoNode n;
    const auto node = r.take("node");
    const auto flow = r.take("flow");
    if (node) n.node = Name{}(*node, r.sink()).value_or("");
    if (flow) n.flow = Name{}(*flow, r.sink()).value_or("");
    if (node && flow) {
      r.sink().error(r.self().at, prefix(r.self().path) + "give either node or flow, not both");
    } else if (!node && !flow) {
      r.sink().error(r.self().at, prefix(r.self().path) + "missing 'node' or 'flow' (where to go)");
    }
    return n;
  }
};

NodeSpec read_node_spec(NodeKind kind, NodeReader& read) {
  switch (kind) {
    case NodeKind::play:
      return read.play();
    case NodeKind::collect:
      return read.collect();
    case NodeKind::queue:
      return read.queue();
    case NodeKind::callback:
      return read.callback();
    case NodeKind::opt_out:
      return read.opt_out();
    case NodeKind::lookup:
      return read.lookup();
    case NodeKind::voicemail:
      return read.voicemail();
    case NodeKind::hangup:
      return read.hangup();
    case NodeKind::go_to:
      return read.go_to();
  }
  return HangupNode{};
}

IvrNode read_node(const MapEntry& entry, const std::string& base_dir, DiagnosticSink& sink) {
  IvrNode node{entry.key, HangupNode{}};
  auto reader = FieldReader::open(entry.value, sink);
  if (!reader) return node;
  NodeKind kind = NodeKind::hangup;
  // Without a known kind the node's other keys cannot be judged: they are left unreported.
  if (!reader->read_required("kind", kind, OneOf<NodeKind>{kNodeKinds})) return node;
  NodeReader read{*reader, PromptFile{base_dir}};
  node.spec = read_node_spec(kind, read);
  reader->finish();
  return node;
}

IvrFlow read_flow(const MapEntry& entry, const std::string& base_dir, DiagnosticSink& sink) {
  IvrFlow flow;
  flow.name = entry.key;
  auto reader = FieldReader::open(entry.value, sink);
  if (!reader) return flow;
  reader->read("start", flow.start, Name{});
  read_hours(*reader, flow.hours, base_dir);
  if (auto nodes = reader->require("nodes")) {
    for (const auto& node : named_entries(*nodes, "node", sink)) {
      flow.nodes.push_back(read_node(node, base_dir, sink));
    }
  }
  reader->finish();
  return flow;
}

}  // namespace

void read_flows(const std::optional<Field>& field, std::vector<IvrFlow>& out,
                const std::string& base_dir, DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& entry : named_entries(*field, "flow", sink)) {
    out.push_back(read_flow(entry, base_dir, sink));
  }
}

}  // namespace dialer::config
