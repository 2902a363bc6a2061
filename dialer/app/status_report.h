// The live status line and the end-of-run summary that dialerd prints, and the summary as JSON.
// Pure formatting of an EngineSnapshot.
#pragma once

#include <string>

#include "dialer/engine/engine_types.h"

namespace dialer::app {

// "dialed 120 | ringing 8 | live 31 | machine 22 | bridged 30 | abandoned 1 (3.2%) | ..."
std::string status_line(const engine::EngineSnapshot& s, Duration elapsed);
// A table of the run's totals and dispositions, several lines.
std::string summary_table(const engine::EngineSnapshot& s, Duration elapsed);
std::string summary_json(const engine::EngineSnapshot& s, Duration elapsed);

// Abandoned live answers / live answers (0 when none).
double abandon_rate(const engine::CampaignCounters& c);
// Agent talk time / agent logged-in time (0 when no agent time).
double talk_fraction(const engine::EngineSnapshot& s);

}  // namespace dialer::app
