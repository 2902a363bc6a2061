// Checks of an inbound configuration that span several keys: every target, flow, queue, skill and
// schedule named is defined; DTMF branches can match; every node is reachable from its flow's
// start and every flow from a DID; no loop runs without waiting for a key. Problems name the
// value by its configuration path (config_paths.h) so that the loader can report them as
// `file:line:col: message`. Also lists every prompt file the configuration plays, for the loader
// to check on disk. Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "inbound/inbound_config.h"

namespace dialer::inbound {

struct ConfigProblem {
  std::string path;     // the value rejected ("flows.main.nodes.menu.next")
  bool at_key = false;  // the mapping key itself is at fault (a node id, a branch's keys)
  std::string message;  // without the path
  // An undefined name and the defined ones it may be a typo of ("did you mean"); else empty.
  std::string unknown;
  std::vector<std::string> known;
};

std::vector<ConfigProblem> validate(const InboundConfig& config);

// Cross-references and DTMF keys (inbound_validator.cpp).
void check_references(const InboundConfig& config, std::vector<ConfigProblem>& out);
// Reachability and loops without input (flow_graph.cpp).
void check_flow_graph(const InboundConfig& config, std::vector<ConfigProblem>& out);

struct PromptUse {
  std::string path;  // e.g. "flows.main.nodes.welcome.prompt"
  std::string file;  // as configured (the loader resolves relative paths)
};
std::vector<PromptUse> prompt_uses(const InboundConfig& config);

// Keys a caller can press: 0-9, * and #.
bool is_dtmf_key(char key);

}  // namespace dialer::inbound
