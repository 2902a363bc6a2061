#include "inbound/inbound_config.h"

#include <algorithm>
#include <array>

namespace dialer::inbound {
namespace {

template <typename T, typename Key>
const T* find_by(const std::vector<T>& items, std::string_view name, Key key) {
  const auto it =
      std::find_if(items.begin(), items.end(), [&](const T& item) { return key(item) == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

std::string_view to_string(NodeKind kind) {
  static constexpr std::array<std::string_view, 9> kNames{
      "play", "collect", "queue", "callback", "opt_out", "lookup", "voicemail", "hangup", "goto"};
  return kNames.at(static_cast<std::size_t>(kind));
}

std::string_view to_string(AfterHoursAction action) {
  static constexpr std::array<std::string_view, 4> kNames{"hangup", "voicemail", "flow",
                                                          "callback"};
  return kNames.at(static_cast<std::size_t>(action));
}

std::string_view to_string(LookupKey key) {
  return key == LookupKey::account ? "account" : "phone";
}

std::string_view to_string(QueueStrategy strategy) {
  return strategy == QueueStrategy::longest_idle ? "longest_idle" : "fewest_calls";
}

std::string_view to_string(OverflowAction action) {
  static constexpr std::array<std::string_view, 5> kNames{"none", "queue", "voicemail", "callback",
                                                          "hangup"};
  return kNames.at(static_cast<std::size_t>(action));
}

const IvrNode* IvrFlow::find(std::string_view id) const {
  return find_by(nodes, id, [](const IvrNode& n) -> const std::string& { return n.id; });
}

const IvrNode* IvrFlow::start_node() const {
  if (start.empty()) return nodes.empty() ? nullptr : &nodes.front();
  return find(start);
}

const InboundQueue* InboundConfig::find_queue(std::string_view name) const {
  return find_by(queues, name, [](const InboundQueue& q) -> const std::string& { return q.name; });
}

const Schedule* InboundConfig::find_schedule(std::string_view name) const {
  return find_by(schedules, name, [](const Schedule& s) -> const std::string& { return s.name; });
}

const Did* InboundConfig::find_did(std::string_view number) const {
  return find_by(dids, number, [](const Did& d) -> const std::string& { return d.number; });
}

const IvrFlow* InboundConfig::find_flow(std::string_view name) const {
  return find_by(flows, name, [](const IvrFlow& f) -> const std::string& { return f.name; });
}

bool InboundConfig::has_skill(std::string_view name) const {
  return std::find(skills.begin(), skills.end(), name) != skills.end();
}

}  // namespace dialer::inbound
