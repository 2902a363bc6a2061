// Graph checks of the IVR flows: nodes unreachable from their flow's start, flows no DID leads
// to, and loops in which the caller is never asked for a key (so could never leave them). The
// graph has one vertex per node and one per flow entry (a flow's entry leads to its start node
// and, when it has hours, to its after-hours flow).
#include <algorithm>
#include <deque>
#include <functional>
#include <map>

#include "inbound/config_paths.h"
#include "inbound/inbound_validator.h"

namespace dialer::inbound {
namespace {

struct Vertex {
  std::size_t flow = 0;
  const IvrNode* node = nullptr;  // nullptr: the flow's entry
};

class FlowGraph {
 public:
  explicit FlowGraph(const InboundConfig& config) : config_(config) {
    for (std::size_t f = 0; f < config.flows.size(); ++f) {
      entry_.push_back(add(Vertex{f, nullptr}));
      for (const auto& node : config.flows[f].nodes) {
        index_[&node] = add(Vertex{f, &node});
      }
    }
    for (std::size_t f = 0; f < config.flows.size(); ++f) add_flow_edges(f);
  }

  void check(std::vector<ConfigProblem>& out) const {
    check_unreachable_nodes(out);
    check_unused_flows(out);
    check_loops(out);
  }

 private:
  int add(Vertex v) {
    vertices_.push_back(v);
    edges_.emplace_back();
    return static_cast<int>(vertices_.size()) - 1;
  }

  int flow_entry(const std::string& name) const {
    for (std::size_t f = 0; f < config_.flows.size(); ++f) {
      if (config_.flows[f].name == name) return entry_[f];
    }
    return -1;
  }

  void link(int from, int to) {
    if (from >= 0 && to >= 0) edges_[static_cast<std::size_t>(from)].push_back(to);
  }

  void link_target(int from, const IvrFlow& flow, const Target& target) {
    if (target.empty()) return;
    if (const IvrNode* node = flow.find(target)) link(from, index_.at(node));
  }

  void add_flow_edges(std::size_t f) {
    const IvrFlow& flow = config_.flows[f];
    if (const IvrNode* start = flow.start_node()) link(entry_[f], index_.at(start));
    if (flow.hours && flow.hours->after_hours.action == AfterHoursAction::flow) {
      link(entry_[f], flow_entry(flow.hours->after_hours.flow));
    }
    for (const auto& node : flow.nodes) add_node_edges(flow, node, index_.at(&node));
  }

  void add_node_edges(const IvrFlow& flow, const IvrNode& node, int v) {
    auto to = [&](const Target& t) { link_target(v, flow, t); };
    switch (node.kind()) {
      case NodeKind::play:
        to(std::get<PlayNode>(node.spec).next);
        break;
      case NodeKind::collect: {
        const auto& n = std::get<CollectNode>(node.spec);
        for (const auto& b : n.branches) to(b.target);
        if (n.default_target) to(*n.default_target);
        to(n.on_failure);
        break;
      }
      case NodeKind::callback:
        to(std::get<CallbackNode>(node.spec).next);
        to(std::get<CallbackNode>(node.spec).on_failure);
        break;
      case NodeKind::opt_out:
        to(std::get<OptOutNode>(node.spec).next);
        to(std::get<OptOutNode>(node.spec).on_failure);
        break;
      case NodeKind::lookup:
        to(std::get<LookupNode>(node.spec).found);
        to(std::get<LookupNode>(node.spec).not_found);
        break;
      case NodeKind::go_to: {
        const auto& n = std::get<GotoNode>(node.spec);
        if (!n.node.empty()) to(n.node);
        if (!n.flow.empty()) link(v, flow_entry(n.flow));
        break;
      }
      case NodeKind::queue:
      case NodeKind::voicemail:
      case NodeKind::hangup:
        break;
    }
  }

  // Vertices reachable from `roots`, following edges `keep` accepts.
  std::vector<bool> reach(const std::vector<int>& roots,
                          const std::function<bool(int from, int to)>& keep) const {
    std::vector<bool> seen(vertices_.size(), false);
    std::deque<int> todo;
    for (int r : roots) {
      if (r >= 0 && !seen[static_cast<std::size_t>(r)]) {
        seen[static_cast<std::size_t>(r)] = true;
        todo.push_back(r);
      }
    }
    while (!todo.empty()) {
      const int v = todo.front();
      todo.pop_front();
      for (int w : edges_[static_cast<std::size_t>(v)]) {
        if (seen[static_cast<std::size_t>(w)] || !keep(v, w)) continue;
        seen[static_cast<std::size_t>(w)] = true;
        todo.push_back(w);
      }
    }
    return seen;
  }

  void check_unreachable_nodes(std::vector<ConfigProblem>& out) const {
    for (std::size_t f = 0; f < config_.flows.size(); ++f) {
      const IvrFlow& flow = config_.flows[f];
      const auto seen = reach({entry_[f]}, [&](int, int to) {
        const Vertex& w = vertices_[static_cast<std::size_t>(to)];
        return w.flow == f && w.node != nullptr;
      });
      const std::string start = flow.start_node() != nullptr ? flow.start_node()->id : "";
      for (const auto& node : flow.nodes) {
        if (seen[static_cast<std::size_t>(index_.at(&node))]) continue;
        out.push_back(ConfigProblem{node_path(flow.name, node.id),
                                    true,
                                    "node '" + node.id +
                                        "' is unreachable: no path leads to it from the start "
                                        "node '" +
                                        start + "' of flow '" + flow.name + "'",
                                    {},
                                    {}});
      }
    }
  }

  void check_unused_flows(std::vector<ConfigProblem>& out) const {
    std::vector<int> roots;
    for (const auto& did : config_.dids) {
      roots.push_back(flow_entry(did.flow));
      if (did.hours && did.hours->after_hours.action == AfterHoursAction::flow) {
        roots.push_back(flow_entry(did.hours->after_hours.flow));
      }
    }
    const auto seen = reach(roots, [](int, int) { return true; });
    for (std::size_t f = 0; f < config_.flows.size(); ++f) {
      if (seen[static_cast<std::size_t>(entry_[f])]) continue;
      const std::string& name = config_.flows[f].name;
      out.push_back(ConfigProblem{
          flow_path(name),
          true,
          "flow '" + name + "' is never used: no DID, goto node or after_hours leads to it",
          {},
          {}});
    }
  }

  bool waits_for_input(int v) const {
    const IvrNode* node = vertices_[static_cast<std::size_t>(v)].node;
    return node != nullptr && node->kind() == NodeKind::collect;
  }

  // Strongly connected components of the graph without collect nodes (Tarjan).
  std::vector<std::vector<int>> components_without_input() const {
    const std::size_t n = vertices_.size();
    std::vector<int> order(n, -1), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<int> stack;
    std::vector<std::vector<int>> out;
    int counter = 0;
    std::function<void(int)> visit = [&](int v) {
      const auto vi = static_cast<std::size_t>(v);
      order[vi] = low[vi] = counter++;
      stack.push_back(v);
      on_stack[vi] = true;
      for (int w : edges_[vi]) {
        const auto wi = static_cast<std::size_t>(w);
        if (waits_for_input(w)) continue;
        if (order[wi] < 0) {
          visit(w);
          low[vi] = std::min(low[vi], low[wi]);
        } else if (on_stack[wi]) {
          low[vi] = std::min(low[vi], order[wi]);
        }
      }
      if (low[vi] != order[vi]) return;
      std::vector<int> component;
      int w = -1;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[static_cast<std::size_t>(w)] = false;
        component.push_back(w);
      } while (w != v);
      out.push_back(std::move(component));
    };
    for (std::size_t v = 0; v < n; ++v) {
      if (order[v] < 0 && !waits_for_input(static_cast<int>(v))) visit(static_cast<int>(v));
    }
    return out;
  }

  // The shortest cycle from `first` back to it inside `component`.
  std::vector<int> cycle_through(int first, const std::vector<int>& component) const {
    std::map<int, int> parent;
    std::deque<int> todo{first};
    while (!todo.empty()) {
      const int v = todo.front();
      todo.pop_front();
      for (int w : edges_[static_cast<std::size_t>(v)]) {
        if (std::find(component.begin(), component.end(), w) == component.end()) continue;
        if (w == first) {
          std::vector<int> path{first};
          for (int u = v; u != first; u = parent.at(u)) path.insert(path.begin() + 1, u);
          path.push_back(first);
          return path;
        }
        if (parent.emplace(w, v).second) todo.push_back(w);
      }
    }
    return {first, first};
  }

  std::string describe(int v, std::size_t home_flow) const {
    const Vertex& x = vertices_[static_cast<std::size_t>(v)];
    const std::string& flow = config_.flows[x.flow].name;
    if (x.node == nullptr) return "(flow " + flow + ")";
    return x.flow == home_flow ? x.node->id : flow + "/" + x.node->id;
  }

  void check_loops(std::vector<ConfigProblem>& out) const {
    for (const auto& component : components_without_input()) {
      const int first = *std::min_element(component.begin(), component.end());
      const auto& edges = edges_[static_cast<std::size_t>(first)];
      const bool self_loop = std::find(edges.begin(), edges.end(), first) != edges.end();
      if (component.size() < 2 && !self_loop) continue;
      const Vertex& at = vertices_[static_cast<std::size_t>(first)];
      std::string text;
      for (int v : cycle_through(first, component)) {
        text += (text.empty() ? "" : " -> ") + describe(v, at.flow);
      }
      const std::string& flow = config_.flows[at.flow].name;
      const std::string path = at.node != nullptr ? node_path(flow, at.node->id) : flow_path(flow);
      out.push_back(ConfigProblem{path,
                                  true,
                                  "loop without any input node: " + text +
                                      " never waits for a key, so the caller cannot leave it",
                                  {},
                                  {}});
    }
  }

  const InboundConfig& config_;
  std::vector<Vertex> vertices_;
  std::vector<std::vector<int>> edges_;
  std::vector<int> entry_;
  std::map<const IvrNode*, int> index_;
};

}  // namespace

void check_flow_graph(const InboundConfig& config, std::vector<ConfigProblem>& out) {
  FlowGraph(config).check(out);
}

}  // namespace dialer::inbound
