#include "inbound/acd_setup.h"

#include <algorithm>

namespace dialer::inbound {
namespace {

std::vector<NamedSkill> sorted(std::vector<NamedSkill> skills) {
  std::sort(skills.begin(), skills.end(),
            [](const NamedSkill& a, const NamedSkill& b) { return a.skill < b.skill; });
  return skills;
}

bool same_skills(const std::vector<NamedSkill>& a, const std::vector<NamedSkill>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const NamedSkill& x, const NamedSkill& y) {
                      return x.skill == y.skill && x.level == y.level;
                    });
}

Result<acd::Overflow> overflow_for(const InboundQueue& q,
                                   const std::map<std::string, QueueId>& ids) {
  acd::Overflow out;
  out.max_wait = q.max_wait;
  switch (q.overflow.action) {
    case OverflowAction::none:
      out.outcome = acd::OverflowOutcome::none;
      out.max_wait = Duration{0};
      break;
    case OverflowAction::queue:
      out.outcome = acd::OverflowOutcome::to_queue;
      if (!ids.contains(q.overflow.queue)) {
        return Error{ErrorCode::not_found, "undefined overflow queue '" + q.overflow.queue + "'"};
      }
      out.overflow_queue = ids.at(q.overflow.queue);
      break;
    case OverflowAction::voicemail:
      out.outcome = acd::OverflowOutcome::voicemail;
      break;
    case OverflowAction::callback:  // the ACD ends the wait; overflow_of() says "callback"
    case OverflowAction::hang_up:
      out.outcome = acd::OverflowOutcome::hang_up;
      break;
  }
  return out;
}

// The ACD requirements: `base` and `extra` merged, the higher level of a skill in both winning.
Result<std::vector<acd::SkillLevel>> merged_levels(
    const std::map<std::string, acd::SkillId>& skill_ids, const std::vector<NamedSkill>& base,
    const std::vector<NamedSkill>& extra) {
  std::map<std::string, int> levels;
  for (const auto* list : {&base, &extra}) {
    for (const auto& s : *list) levels[s.skill] = std::max(levels[s.skill], s.level);
  }
  std::vector<acd::SkillLevel> out;
  for (const auto& [name, level] : levels) {
    const auto id = skill_ids.find(name);
    if (id == skill_ids.end()) return Error{ErrorCode::not_found, "undefined skill '" + name + "'"};
    out.push_back(acd::SkillLevel{id->second, level});
  }
  return out;
}

}  // namespace

std::optional<acd::SkillId> AcdSetup::skill_id(const std::string& name) const {
  const auto it = skills_.find(name);
  if (it == skills_.end()) return std::nullopt;
  return it->second;
}

std::optional<QueueId> AcdSetup::queue_id(const std::string& name) const {
  for (const auto& r : routes_) {
    if (r.queue == name && r.extra.empty()) return r.id;
  }
  return std::nullopt;
}

std::optional<QueueId> AcdSetup::queue_for(const Enqueue& request) const {
  const auto extra = sorted(request.skills);
  for (const auto& r : routes_) {
    if (r.queue == request.queue && r.priority == request.priority && same_skills(r.extra, extra)) {
      return r.id;
    }
  }
  return std::nullopt;
}

std::optional<std::string> AcdSetup::base_queue(QueueId id) const {
  const auto it = origin_.find(id);
  if (it == origin_.end()) return std::nullopt;
  return it->second.first;
}

OverflowAction AcdSetup::overflow_of(QueueId id) const {
  const auto it = origin_.find(id);
  return it == origin_.end() ? OverflowAction::none : it->second.second;
}

Result<AcdSetup> make_acd_setup(const InboundConfig& config,
                                const std::map<std::string, AgentId>& agent_ids,
                                QueueId first_queue_id) {
  AcdSetup out;
  for (std::size_t i = 0; i < config.skills.size(); ++i) {
    out.skills_.emplace(config.skills[i], acd::SkillId{static_cast<std::int32_t>(i + 1)});
  }
  std::map<std::string, QueueId> ids;
  auto next_id = first_queue_id.value();
  for (const auto& q : config.queues) ids.emplace(q.name, QueueId{next_id++});

  auto add_queue = [&](const InboundQueue& q, std::vector<NamedSkill> extra,
                       int priority) -> Status {
    auto required = merged_levels(out.skills_, q.skills, extra);
    if (!required) return required.error().with_context("queue '" + q.name + "'");
    auto overflow = overflow_for(q, ids);
    if (!overflow) return overflow.error().with_context("queue '" + q.name + "'");
    const bool base = extra.empty() && priority == q.priority;
    const QueueId id = base ? ids.at(q.name) : QueueId{next_id++};
    acd::QueueConfig c;
    c.id = id;
    c.kind = acd::QueueKind::inbound;
    c.priority = priority;
    c.required = std::move(*required);
    c.strategy = q.strategy == QueueStrategy::longest_idle
                     ? acd::RoutingStrategy::longest_idle
                     : acd::RoutingStrategy::fewest_calls_today;
    c.overflow = *overflow;
    c.keep_ready_for_inbound = base ? q.keep_ready_agents : 0;
    out.queues_.push_back(std::move(c));
    out.routes_.push_back(AcdSetup::Route{q.name, std::move(extra), priority, id});
    out.origin_.emplace(id, std::pair{q.name, q.overflow.action});
    return ok_status();
  };

  for (const auto& q : config.queues) {
    if (auto s = add_queue(q, {}, q.priority); !s) return s.error();
  }
  for (const auto& flow : config.flows) {
    for (const auto& node : flow.nodes) {
      const auto* n = std::get_if<QueueNode>(&node.spec);
      const InboundQueue* q = n != nullptr ? config.find_queue(n->queue) : nullptr;
      if (q == nullptr) continue;
      const Enqueue request{q->name, sorted(n->skills), n->priority.value_or(q->priority)};
      if (out.queue_for(request)) continue;
      if (auto s = add_queue(*q, request.skills, request.priority); !s) return s.error();
    }
  }
  for (const auto& agent : config.agents) {
    const auto id = agent_ids.find(agent.agent);
    if (id == agent_ids.end()) {
      return Error{ErrorCode::not_found,
                   "agent '" + agent.agent + "' of the inbound file has no engine agent id"};
    }
    acd::AgentProfile profile;
    profile.id = id->second;
    auto skills = merged_levels(out.skills_, agent.skills, {});
    if (!skills) return skills.error().with_context("agent '" + agent.agent + "'");
    profile.skills = std::move(*skills);
    out.agents_.push_back(std::move(profile));
  }
  return out;
}

}  // namespace dialer::inbound
