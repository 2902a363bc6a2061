// Conversion of the inbound file's queues and agents' skills into the ACD core's types
// (dialer/acd: QueueConfig, AgentProfile, SkillId), without changing how the ACD routes.
// Queue nodes that ask for extra skills or another priority get a queue of their own in the ACD
// (the ACD keeps skills and priority per queue), with the base queue's settings plus those; an
// Enqueue action is mapped to its ACD queue by queue_for(). The ACD has no "callback" overflow:
// such a queue overflows as hang_up there, and overflow_of() tells the caller that this hang-up
// means "request a callback of the caller id, then hang up". Pure; the result is a value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dialer/acd/acd_types.h"
#include "dialer/common/result.h"
#include "inbound/inbound_config.h"
#include "inbound/ivr_actions.h"

namespace dialer::inbound {

class AcdSetup {
 public:
  // Every inbound queue (in file order, ids from first_queue_id up), then one ACD queue per
  // distinct (queue, extra skills, priority) that a queue node asks for.
  [[nodiscard]] const std::vector<acd::QueueConfig>& queues() const { return queues_; }
  [[nodiscard]] const std::vector<acd::AgentProfile>& agents() const { return agents_; }
  [[nodiscard]] std::optional<acd::SkillId> skill_id(const std::string& name) const;
  [[nodiscard]] std::optional<QueueId> queue_id(const std::string& name) const;

  // The ACD queue an Enqueue action goes to; nullopt for a queue or variant not in the file.
  [[nodiscard]] std::optional<QueueId> queue_for(const Enqueue& request) const;
  // The inbound queue (by name) an ACD queue was made from: for statistics and overflow.
  [[nodiscard]] std::optional<std::string> base_queue(QueueId id) const;
  // What the ACD's overflow action on `id` means (callback when the file says so).
  [[nodiscard]] OverflowAction overflow_of(QueueId id) const;

 private:
  friend Result<AcdSetup> make_acd_setup(const InboundConfig&,
                                         const std::map<std::string, AgentId>&, QueueId);
  struct Route {
    std::string queue;
    std::vector<NamedSkill> extra;  // sorted by skill name
    int priority = 0;
    QueueId id;
  };

  std::vector<acd::QueueConfig> queues_;
  std::vector<acd::AgentProfile> agents_;
  std::map<std::string, acd::SkillId> skills_;
  std::vector<Route> routes_;  // base queues first (no extra skills), then variants
  std::map<QueueId, std::pair<std::string, OverflowAction>> origin_;
};

// `agent_ids`: the engine's id of each agent by SIP user name (the engine file's `agents`). An
// agent of the inbound file without an id is an error, as is an Enqueue variant naming an
// unknown queue or skill (the validator rejects both before this runs).
Result<AcdSetup> make_acd_setup(const InboundConfig& config,
                                const std::map<std::string, AgentId>& agent_ids,
                                QueueId first_queue_id);

}  // namespace dialer::inbound
