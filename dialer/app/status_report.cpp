#include "dialer/app/status_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dialer::app {
namespace {

std::string percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * x);
  return buf;
}

std::string fixed(double x, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, x);
  return buf;
}

}  // namespace

double abandon_rate(const engine::CampaignCounters& c) {
  return c.live == 0 ? 0.0 : static_cast<double>(c.abandoned) / static_cast<double>(c.live);
}

double talk_fraction(const engine::EngineSnapshot& s) {
  const auto logged = s.agent_logged_time.count();
  return logged <= 0 ? 0.0 : static_cast<double>(s.agent_talk_time.count()) / logged;
}

std::string status_line(const engine::EngineSnapshot& s, Duration elapsed) {
  const auto& t = s.totals;
  std::ostringstream out;
  out << "[" << elapsed.count() / 1000 << "s] dialed " << t.dialed << " | ringing " << s.ringing
      << " | amd " << s.analysing << " | live " << t.live << " | machine " << t.machine
      << " | bridged " << t.bridged << " | abandoned " << t.abandoned << " ("
      << percent(abandon_rate(t)) << ")"
      << " | talk " << percent(talk_fraction(s)) << " | lines/agent " << fixed(s.lines_per_agent, 2)
      << " | agents " << s.agents_logged_in << " (" << s.agents_ready << " ready, "
      << s.agents_talking << " talking, " << s.agents_wrap << " wrap)";
  if (s.dialing_halted) out << " | DIALING STOPPED (storage)";
  return out.str();
}

std::string summary_table(const engine::EngineSnapshot& s, Duration elapsed) {
  const auto& t = s.totals;
  std::ostringstream out;
  auto row = [&out](const std::string& name, const std::string& value) {
    out << "  " << name << std::string(name.size() < 28 ? 28 - name.size() : 1, ' ') << value
        << "\n";
  };
  out << "Summary after " << elapsed.count() / 1000 << " s\n";
  row("dial decisions", std::to_string(t.decisions));
  row("refused / deferred by the gate",
      std::to_string(t.refused) + " / " + std::to_string(t.deferred));
  row("calls dialed", std::to_string(t.dialed));
  row("answered", std::to_string(t.answered));
  row("live (human or not sure)", std::to_string(t.live));
  row("answering machines", std::to_string(t.machine));
  row("voicemail left", std::to_string(t.voicemail_left));
  row("bridged to agents", std::to_string(t.bridged));
  row("abandoned",
      std::to_string(t.abandoned) + " (" + percent(abandon_rate(t)) + " of live answers)");
  row("not answered", std::to_string(t.failed));
  row("records sealed", std::to_string(t.completed));
  row("agent talk time", percent(talk_fraction(s)) + " of logged-in time");
  row("leads still to dial", std::to_string(s.leads_waiting));
  out << "  dispositions:\n";
  for (const auto& [code, n] : t.dispositions) row("  " + code, std::to_string(n));
  return out.str();
}

std::string summary_json(const engine::EngineSnapshot& s, Duration elapsed) {
  const auto& t = s.totals;
  nlohmann::json j;
  j["elapsed_ms"] = elapsed.count();
  j["decisions"] = t.decisions;
  j["refused"] = t.refused;
  j["deferred"] = t.deferred;
  j["dialed"] = t.dialed;
  j["answered"] = t.answered;
  j["live"] = t.live;
  j["machine"] = t.machine;
  j["voicemail_left"] = t.voicemail_left;
  j["bridged"] = t.bridged;
  j["abandoned"] = t.abandoned;
  j["abandon_rate"] = abandon_rate(t);
  j["failed"] = t.failed;
  j["completed"] = t.completed;
  j["talk_fraction"] = talk_fraction(s);
  j["leads_waiting"] = s.leads_waiting;
  j["dispositions"] = t.dispositions;
  return j.dump();
}

}  // namespace dialer::app
