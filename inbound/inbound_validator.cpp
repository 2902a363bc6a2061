// Cross-reference checks of an inbound configuration: names of skills, queues, schedules, flows
// and nodes, the digits of DTMF branches, and the list of prompt files.
#include "inbound/inbound_validator.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "inbound/config_paths.h"

namespace dialer::inbound {
namespace {

template <typename T, typename Name>
std::vector<std::string> names_of(const std::vector<T>& items, Name name) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(name(item));
  return out;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

class ReferenceChecker {
 public:
  ReferenceChecker(const InboundConfig& config, std::vector<ConfigProblem>& out)
      : config_(config), out_(out) {
    skills_ = config.skills;
    queues_ = names_of(config.queues, [](const InboundQueue& q) { return q.name; });
    flows_ = names_of(config.flows, [](const IvrFlow& f) { return f.name; });
    schedules_ = names_of(config.schedules, [](const Schedule& s) { return s.name; });
  }

  void run() {
    check_unique(
        skills_, [](std::size_t i) { return item_path("skills", i); }, "skill");
    check_unique(
        queues_, [](std::size_t i) { return queue_path(i) + ".name"; }, "queue name");
    for (std::size_t i = 0; i < config_.queues.size(); ++i) check_queue(i);
    for (const auto& agent : config_.agents) {
      check_skills(agent_path(agent.agent), agent.skills);
    }
    check_dids();
    for (const auto& flow : config_.flows) check_flow(flow);
  }

 private:
  void problem(std::string path, std::string message, bool at_key = false) {
    out_.push_back(ConfigProblem{std::move(path), at_key, std::move(message), {}, {}});
  }

  void undefined(std::string path, std::string_view what, const std::string& name,
                 const std::vector<std::string>& known, bool at_key = false) {
    out_.push_back(ConfigProblem{std::move(path), at_key,
                                 "undefined " + std::string(what) + " " + quoted(name), name,
                                 known});
  }

  template <typename PathOf>
  void check_unique(const std::vector<std::string>& names, PathOf path_of, std::string_view what) {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < names.size(); ++i) {
      auto [it, inserted] = first.emplace(names[i], i);
      if (!inserted) {
        problem(path_of(i), "duplicate " + std::string(what) + " " + quoted(names[i]) +
                                " (first at " + path_of(it->second) + ")");
      }
    }
  }

  void check_skills(const std::string& base, const std::vector<NamedSkill>& skills) {
    for (const auto& s : skills) {
      if (!config_.has_skill(s.skill)) {
        undefined(child_path(base, s.skill), "skill", s.skill, skills_, true);
      }
    }
  }

  void check_queue_name(const std::string& path, const std::string& name) {
    if (!name.empty() && config_.find_queue(name) == nullptr) {
      undefined(path, "queue", name, queues_);
    }
  }

  void check_flow_name(const std::string& path, const std::string& name) {
    if (!name.empty() && config_.find_flow(name) == nullptr) undefined(path, "flow", name, flows_);
  }

  void check_queue(std::size_t index) {
    const InboundQueue& q = config_.queues[index];
    const std::string base = queue_path(index);
    check_skills(base + ".skills", q.skills);
    if (q.overflow.action == OverflowAction::queue) {
      check_queue_name(base + ".overflow.queue", q.overflow.queue);
      if (q.overflow.queue == q.name) {
        problem(base + ".overflow.queue", "a queue cannot overflow to itself");
      }
    }
  }

  void check_hours(const std::string& base, const std::optional<HoursRule>& hours) {
    if (!hours) return;
    if (config_.find_schedule(hours->schedule) == nullptr) {
      undefined(base + ".hours", "schedule", hours->schedule, schedules_);
    }
    const AfterHours& after = hours->after_hours;
    if (after.action == AfterHoursAction::flow)
      check_flow_name(base + ".after_hours.flow", after.flow);
    if (after.action == AfterHoursAction::callback) {
      check_queue_name(base + ".after_hours.queue", after.queue);
    }
  }

  void check_dids() {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < config_.dids.size(); ++i) {
      const Did& did = config_.dids[i];
      const std::string base = did_path(i);
      auto [it, inserted] = first.emplace(did.number, i);
      if (!inserted) {
        problem(base + ".number",
                "duplicate DID " + quoted(did.number) + " (first at " + did_path(it->second) + ")");
      }
      check_flow_name(base + ".flow", did.flow);
      check_queue_name(base + ".queue", did.queue);
      check_hours(base, did.hours);
    }
  }

  void check_flow(const IvrFlow& flow) {
    const std::string base = flow_path(flow.name);
    nodes_.clear();
    for (const auto& node : flow.nodes) nodes_.push_back(node.id);
    if (!flow.start.empty() && flow.find(flow.start) == nullptr) {
      undefined(base + ".start", "node", flow.start, nodes_);
    }
    if (flow.nodes.empty()) problem(base + ".nodes", "a flow needs at least one node");
    check_hours(base, flow.hours);
    for (const auto& node : flow.nodes) check_node(flow, node);
  }

  void check_target(const IvrFlow& flow, const std::string& path, const Target& target) {
    if (!target.empty() && flow.find(target) == nullptr) {
      undefined(path, "node", target, nodes_);
    }
  }

  // `from` must name a collect node of the flow: its digits are the value used.
  void check_collected(const IvrFlow& flow, const std::string& path, const std::string& from) {
    if (from.empty()) return;
    const IvrNode* source = flow.find(from);
    if (source == nullptr) {
      undefined(path, "node", from, nodes_);
    } else if (source->kind() != NodeKind::collect) {
      problem(path, quoted(from) + " is a " + std::string(to_string(source->kind())) +
                        " node; only a collect node stores digits");
    }
  }

  void check_node(const IvrFlow& flow, const IvrNode& node) {
    const std::string base = node_path(flow.name, node.id);
    auto at = [&](std::string_view key) { return child_path(base, key); };
    switch (node.kind()) {
      case NodeKind::play:
        check_target(flow, at("next"), std::get<PlayNode>(node.spec).next);
        break;
      case NodeKind::collect:
        check_collect(flow, base, std::get<CollectNode>(node.spec));
        break;
      case NodeKind::queue: {
        const auto& n = std::get<QueueNode>(node.spec);
        check_queue_name(at("queue"), n.queue);
        check_skills(at("skills"), n.skills);
        break;
      }
      case NodeKind::callback: {
        const auto& n = std::get<CallbackNode>(node.spec);
        check_queue_name(at("queue"), n.queue);
        check_collected(flow, at("number_from"), n.number_from);
        check_target(flow, at("next"), n.next);
        check_target(flow, at("on_failure"), n.on_failure);
        break;
      }
      case NodeKind::opt_out: {
        const auto& n = std::get<OptOutNode>(node.spec);
        check_target(flow, at("next"), n.next);
        check_target(flow, at("on_failure"), n.on_failure);
        break;
      }
      case NodeKind::lookup: {
        const auto& n = std::get<LookupNode>(node.spec);
        check_collected(flow, at("input"), n.input);
        check_target(flow, at("found"), n.found);
        check_target(flow, at("not_found"), n.not_found);
        break;
      }
      case NodeKind::go_to: {
        const auto& n = std::get<GotoNode>(node.spec);
        check_target(flow, at("node"), n.node);
        check_flow_name(at("flow"), n.flow);
        break;
      }
      case NodeKind::voicemail:
      case NodeKind::hangup:
        break;
    }
  }

  void check_collect(const IvrFlow& flow, const std::string& base, const CollectNode& n) {
    if (n.min_digits > n.max_digits) {
      problem(base + ".min_digits", "min_digits (" + std::to_string(n.min_digits) +
                                        ") must not exceed max_digits (" +
                                        std::to_string(n.max_digits) + ")");
    }
    for (const auto& branch : n.branches) {
      const std::string path = base + ".branches." + branch.digits;
      check_branch_keys(path, n, branch.digits);
      check_target(flow, path, branch.target);
    }
    if (n.default_target) check_target(flow, base + ".default", *n.default_target);
    check_target(flow, base + ".on_failure", n.on_failure);
    if (n.branches.empty() && !n.default_target) {
      problem(base, "a collect node needs branches or a default: otherwise no entry is accepted",
              true);
    }
  }

  void check_branch_keys(const std::string& path, const CollectNode& n, const std::string& keys) {
    const auto count = static_cast<int>(keys.size());
    const std::string plural = count == 1 ? " key" : " keys";
    if (keys.empty() || !std::all_of(keys.begin(), keys.end(), is_dtmf_key)) {
      problem(path, quoted(keys) + " is not a sequence of DTMF keys (0-9, * and #)", true);
    } else if (n.terminator && keys.find(*n.terminator) != std::string::npos) {
      problem(path,
              "branch " + quoted(keys) + " contains the terminator '" +
                  std::string(1, *n.terminator) + "', which ends the entry: it can never match",
              true);
    } else if (count > n.max_digits) {
      problem(path,
              "branch " + quoted(keys) + " has " + std::to_string(count) + plural +
                  " but max_digits is " + std::to_string(n.max_digits) + ": it can never match",
              true);
    } else if (count < n.min_digits) {
      problem(path,
              "branch " + quoted(keys) + " has " + std::to_string(count) + plural +
                  " but min_digits is " + std::to_string(n.min_digits) + ": it can never match",
              true);
    }
  }

  const InboundConfig& config_;
  std::vector<ConfigProblem>& out_;
  std::vector<std::string> skills_, queues_, flows_, schedules_, nodes_;
};

void add_prompt(std::vector<PromptUse>& out, std::string path, const std::string& file) {
  if (!file.empty()) out.push_back(PromptUse{std::move(path), file});
}

void add_after_hours_prompt(std::vector<PromptUse>& out, const std::string& base,
                            const std::optional<HoursRule>& hours) {
  if (hours) add_prompt(out, base + ".after_hours.prompt", hours->after_hours.prompt);
}

void add_node_prompts(std::vector<PromptUse>& out, const std::string& base, const IvrNode& node) {
  auto at = [&](std::string_view key) { return child_path(base, key); };
  switch (node.kind()) {
    case NodeKind::play:
      add_prompt(out, at("prompt"), std::get<PlayNode>(node.spec).prompt);
      break;
    case NodeKind::collect: {
      const auto& n = std::get<CollectNode>(node.spec);
      add_prompt(out, at("prompt"), n.prompt);
      add_prompt(out, at("invalid_prompt"), n.invalid_prompt);
      add_prompt(out, at("timeout_prompt"), n.timeout_prompt);
      break;
    }
    case NodeKind::callback:
      add_prompt(out, at("prompt"), std::get<CallbackNode>(node.spec).prompt);
      break;
    case NodeKind::opt_out:
      add_prompt(out, at("prompt"), std::get<OptOutNode>(node.spec).prompt);
      break;
    case NodeKind::voicemail:
      add_prompt(out, at("prompt"), std::get<VoicemailNode>(node.spec).prompt);
      break;
    case NodeKind::hangup:
      add_prompt(out, at("prompt"), std::get<HangupNode>(node.spec).prompt);
      break;
    case NodeKind::queue:
    case NodeKind::lookup:
    case NodeKind::go_to:
      break;
  }
}

}  // namespace

bool is_dtmf_key(char key) { return (key >= '0' && key <= '9') || key == '*' || key == '#'; }

void check_references(const InboundConfig& config, std::vector<ConfigProblem>& out) {
  ReferenceChecker(config, out).run();
}

std::vector<ConfigProblem> validate(const InboundConfig& config) {
  std::vector<ConfigProblem> out;
  check_references(config, out);
  check_flow_graph(config, out);
  return out;
}

std::vector<PromptUse> prompt_uses(const InboundConfig& config) {
  std::vector<PromptUse> out;
  for (std::size_t i = 0; i < config.queues.size(); ++i) {
    add_prompt(out, queue_path(i) + ".overflow.prompt", config.queues[i].overflow.prompt);
  }
  for (std::size_t i = 0; i < config.dids.size(); ++i) {
    add_after_hours_prompt(out, did_path(i), config.dids[i].hours);
  }
  for (const auto& flow : config.flows) {
    add_after_hours_prompt(out, flow_path(flow.name), flow.hours);
    for (const auto& node : flow.nodes) add_node_prompts(out, node_path(flow.name, node.id), node);
  }
  return out;
}

}  // namespace dialer::inbound
