// Schema readers of each configuration kind and their sections; internal to dialer/config.
// A reader fills a value from defaults plus what the file says and reports every problem to the
// sink; the loader keeps the value only when the sink stays empty. One load, one thread.
#pragma once

#include <optional>
#include <string>

#include "campaigns/campaign.h"
#include "dialer/config/engine_config.h"
#include "dialer/config/yaml_reader.h"
#include "inbound/inbound_config.h"

namespace dialer::config {

// `kind: campaign`. `root` has its `kind` key taken already.
void read_campaign(FieldReader& root, Campaign& out);
void read_calling_window(const std::optional<Field>& field, CallingWindow& out,
                         DiagnosticSink& sink);
void read_amd(const std::optional<Field>& field, AmdSettings& out, DiagnosticSink& sink);
void read_retry(const std::optional<Field>& field, RetryRules& out, DiagnosticSink& sink);
void read_abandoned_message(const std::optional<Field>& field,
                            std::optional<AbandonedCallMessage>& out, DiagnosticSink& sink);
// The file's dispositions (or the default catalog), with every missing system code added.
std::vector<Disposition> read_dispositions(const std::optional<Field>& field,
                                           const RetryRules& retry, DiagnosticSink& sink);

// `kind: engine`. Campaign paths are resolved against `base_dir`, and where each was written goes
// to `campaign_positions`; the campaigns themselves are loaded by the caller.
void read_engine(FieldReader& root, EngineConfig& out, const std::string& base_dir,
                 std::vector<Position>& campaign_positions);

// `kind: inbound`: skills, queues, agents' skills, schedules, DIDs and IVR flows, validated
// across keys (inbound_validator.h). Prompt paths are resolved against `base_dir` and must exist.
void read_inbound(FieldReader& root, inbound::InboundConfig& out, const std::string& base_dir);

}  // namespace dialer::config
