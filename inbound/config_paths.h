// Paths of values in an inbound file ("flows.main.nodes.menu.branches.1", "queues[2].overflow"),
// shared by the validator, which names what it rejects by path, and the loader, which remembers
// where each path was written and so turns a problem into `file:line:col: message`.
// Pure string functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dialer::inbound {

inline std::string child_path(std::string_view parent, std::string_view key) {
  return std::string(parent) + "." + std::string(key);
}
inline std::string item_path(std::string_view list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}
inline std::string flow_path(std::string_view flow) { return child_path("flows", flow); }
inline std::string node_path(std::string_view flow, std::string_view node) {
  return child_path(child_path(flow_path(flow), "nodes"), node);
}
inline std::string schedule_path(std::string_view name) { return child_path("schedules", name); }
inline std::string agent_path(std::string_view agent) { return child_path("agents", agent); }
inline std::string did_path(std::size_t index) { return item_path("dids", index); }
inline std::string queue_path(std::size_t index) { return item_path("queues", index); }

// Where the key of a mapping entry was written (the entry's path itself names its value).
inline std::string key_path(std::string_view path) { return std::string(path) + " (key)"; }

}  // namespace dialer::inbound
