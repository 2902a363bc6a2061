// `kind: inbound` files: the skills list, the queues and the agents' skill levels.
#include <array>

#include "dialer/config/inbound_readers.h"

namespace dialer::config {
namespace {

using inbound::OverflowAction;
using inbound::QueueStrategy;

constexpr std::array<std::pair<std::string_view, QueueStrategy>, 2> kStrategies{{
    {"longest_idle", QueueStrategy::longest_idle},
    {"fewest_calls", QueueStrategy::fewest_calls},
}};

constexpr std::array<std::pair<std::string_view, OverflowAction>, 4> kOverflowActions{{
    {"queue", OverflowAction::queue},
    {"voicemail", OverflowAction::voicemail},
    {"callback", OverflowAction::callback},
    {"hangup", OverflowAction::hang_up},
}};

void read_overflow(const Field& field, inbound::QueueOverflow& out, const std::string& base_dir,
                   DiagnosticSink& sink) {
  auto reader = FieldReader::open(field, sink);
  if (!reader) return;
  reader->read_required("action", out.action, OneOf<OverflowAction>{kOverflowActions});
  const auto queue = reader->take("queue");
  const auto mailbox = reader->take("mailbox");
  if (queue) {
    if (auto name = Name{}(*queue, sink)) out.queue = *name;
  }
  if (mailbox) {
    if (auto name = Text{}(*mailbox, sink)) out.mailbox = *name;
  }
  reader->read("prompt", out.prompt, PromptFile{base_dir});
  reader->finish();
  const bool to_queue = out.action == OverflowAction::queue;
  const bool to_voicemail = out.action == OverflowAction::voicemail;
  if (to_queue && !queue) sink.error(field.at, field.path + ": action queue needs 'queue'");
  if (to_voicemail && !mailbox) {
    sink.error(field.at, field.path + ": action voicemail needs 'mailbox'");
  }
  if (queue && !to_queue) sink.error(queue->at, queue->path + ": only used with action queue");
  if (mailbox && !to_voicemail) {
    sink.error(mailbox->at, mailbox->path + ": only used with action voicemail");
  }
}

void read_queue(const Field& item, inbound::InboundQueue& out, const std::string& base_dir,
                DiagnosticSink& sink) {
  auto reader = FieldReader::open(item, sink);
  if (!reader) return;
  reader->read_required("name", out.name, Name{});
  if (auto skills = reader->take("skills")) read_skill_levels(*skills, out.skills, sink);
  reader->read("strategy", out.strategy, OneOf<QueueStrategy>{kStrategies});
  const auto max_wait = reader->take("max_wait");
  if (max_wait) {
    if (auto d = DurationIn{Duration{1'000}, Duration{86'400'000}, {}}(*max_wait, sink)) {
      out.max_wait = *d;
    }
  }
  const auto overflow = reader->take("overflow");
  if (overflow) read_overflow(*overflow, out.overflow, base_dir, sink);
  reader->read("service_level_seconds", out.service_level_seconds, Integer{1, 3600});
  reader->read("priority", out.priority, Integer{0, 100});
  reader->read("keep_ready_agents", out.keep_ready_agents, Integer{0, 1000});
  reader->finish();
  if (overflow && !max_wait) {
    sink.error(overflow->at, overflow->path + ": needs max_wait (how long a caller waits first)");
  }
  if (max_wait && !overflow) {
    sink.error(max_wait->at, max_wait->path + ": needs overflow (what happens after the wait)");
  }
}

}  // namespace

void read_skill_names(const std::optional<Field>& field, std::vector<std::string>& out,
                      DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& item : list_items(*field, sink)) {
    if (auto name = Name{}(item, sink)) out.push_back(*name);
  }
}

void read_queues(const std::optional<Field>& field, std::vector<inbound::InboundQueue>& out,
                 const std::string& base_dir, DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& item : list_items(*field, sink)) {
    inbound::InboundQueue queue;
    read_queue(item, queue, base_dir, sink);
    out.push_back(std::move(queue));
  }
}

void read_agent_skills(const std::optional<Field>& field, std::vector<inbound::AgentSkills>& out,
                       DiagnosticSink& sink) {
  if (!field) return;
  for (const auto& entry : named_entries(*field, "agent", sink)) {
    inbound::AgentSkills agent{entry.key, {}};
    read_skill_levels(entry.value, agent.skills, sink);
    out.push_back(std::move(agent));
  }
}

}  // namespace dialer::config
