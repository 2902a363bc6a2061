// The whole inbound configuration of one `kind: inbound` file: skills, queues, agents' skills,
// business-hours schedules, DIDs and IVR flows. Built once by the loader, validated
// (inbound_validator.h), then shared immutable (std::shared_ptr<const InboundConfig>) by every
// call that starts with it; a reload builds a new one and calls in flight keep theirs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inbound/business_hours.h"
#include "inbound/inbound_queues.h"
#include "inbound/ivr_flow.h"

namespace dialer::inbound {

// A dialled number and where its calls go: an IVR flow, or straight to a queue.
struct Did {
  std::string number;  // E.164, as the trunk presents it in the request URI
  std::string flow;    // exactly one of flow and queue
  std::string queue;
  std::optional<HoursRule> hours;
};

struct InboundConfig {
  std::vector<std::string> skills;
  std::vector<InboundQueue> queues;
  std::vector<AgentSkills> agents;
  std::vector<Schedule> schedules;
  std::vector<Did> dids;
  std::vector<IvrFlow> flows;

  [[nodiscard]] const InboundQueue* find_queue(std::string_view name) const;
  [[nodiscard]] const Schedule* find_schedule(std::string_view name) const;
  [[nodiscard]] const Did* find_did(std::string_view number) const;
  [[nodiscard]] const IvrFlow* find_flow(std::string_view name) const;
  [[nodiscard]] bool has_skill(std::string_view name) const;
};

}  // namespace dialer::inbound
