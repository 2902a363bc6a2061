#include "dialer/api/metrics.h"

#include <map>
#include <sstream>

namespace dialer::api {
namespace {

std::string escape_label(const std::string& v) {
  std::string out;
  for (char ch : v) {
    if (ch == '\\' || ch == '"') out += '\\';
    if (ch == '\n') {
      out += "\\n";
      continue;
    }
    out += ch;
  }
  return out;
}

class Writer {
 public:
  void family(const std::string& name, const char* type, const std::string& help) {
    out_ << "# HELP dialer_" << name << ' ' << help << "\n# TYPE dialer_" << name << ' ' << type
         << '\n';
  }
  void sample(const std::string& name, const std::string& labels, double value) {
    out_ << "dialer_" << name;
    if (!labels.empty()) out_ << '{' << labels << '}';
    out_ << ' ' << value << '\n';
  }
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
};

std::string campaign_label(const engine::CampaignStatusView& c) {
  return "campaign=\"" + escape_label(c.name) + "\",tenant=\"" + escape_label(c.tenant) + "\"";
}

}  // namespace

std::string prometheus_text(const MetricsInput& in) {
  Writer w;
  w.family("calls_total", "counter", "Customer calls by campaign and outcome since start.");
  for (const auto& c : in.campaigns) {
    const auto& k = c.counters;
    const std::pair<const char*, std::uint64_t> outcomes[] = {
        {"dialed", k.dialed},   {"answered", k.answered},   {"live", k.live},
        {"machine", k.machine}, {"voicemail_left", k.voicemail_left},
        {"bridged", k.bridged}, {"abandoned", k.abandoned}, {"failed", k.failed},
        {"refused", k.refused}, {"completed", k.completed}};
    for (const auto& [outcome, n] : outcomes) {
      w.sample("calls_total", campaign_label(c) + ",outcome=\"" + outcome + "\"",
               static_cast<double>(n));
    }
  }
  w.family("dispositions_total", "counter", "Closed attempts by disposition code.");
  for (const auto& c : in.campaigns) {
    for (const auto& [code, n] : c.counters.dispositions) {
      w.sample("dispositions_total", campaign_label(c) + ",code=\"" + escape_label(code) + "\"",
               static_cast<double>(n));
    }
  }
  w.family("abandon_rate", "gauge", "Abandonment control rate per campaign (0..1).");
  for (const auto& c : in.campaigns) w.sample("abandon_rate", campaign_label(c), c.abandon_rate);
  w.family("abandon_ceiling", "gauge", "The campaign's abandonment ceiling (0..1).");
  for (const auto& c : in.campaigns) {
    w.sample("abandon_ceiling", campaign_label(c), c.abandon_ceiling);
  }
  w.family("campaign_paused", "gauge", "1 when the campaign places no new calls.");
  for (const auto& c : in.campaigns) w.sample("campaign_paused", campaign_label(c), c.paused);
  w.family("leads_waiting", "gauge", "Leads left to dial per campaign.");
  for (const auto& c : in.campaigns) {
    w.sample("leads_waiting", campaign_label(c), static_cast<double>(c.leads_waiting));
  }

  const auto& f = in.floor;
  w.family("calls_in_progress", "gauge", "Customer calls up now, by phase.");
  w.sample("calls_in_progress", "phase=\"ringing\"", f.ringing);
  w.sample("calls_in_progress", "phase=\"analysing\"", f.analysing);
  w.sample("calls_in_progress", "phase=\"waiting_agent\"", f.waiting);
  w.sample("calls_in_progress", "phase=\"talking\"", f.talking);
  w.family("lines_per_agent", "gauge", "Customer calls up per active agent.");
  w.sample("lines_per_agent", "", f.lines_per_agent);
  w.family("dialing_halted", "gauge", "1 while dialing is stopped by a storage outage.");
  w.sample("dialing_halted", "", f.dialing_halted ? 1 : 0);

  std::map<std::string, int> by_state = {
      {"logged_out", 0}, {"ready", 0}, {"talking", 0}, {"wrap", 0}, {"paused", 0}};
  for (const auto& a : in.agents) ++by_state[a.state];
  w.family("agents", "gauge", "Agents by state.");
  for (const auto& [state, n] : by_state) w.sample("agents", "state=\"" + state + "\"", n);

  w.family("amd_verdicts_total", "counter", "Answering-machine verdicts since start.");
  w.sample("amd_verdicts_total", "verdict=\"machine\"", static_cast<double>(f.totals.machine));
  w.sample("amd_verdicts_total", "verdict=\"live\"", static_cast<double>(f.totals.live));

  std::string last;
  for (const auto& a : in.adapters) {
    if (a.name != last) {
      w.family(a.name, a.gauge ? "gauge" : "counter", a.help);
      last = a.name;
    }
    w.sample(a.name, a.labels, a.value);
  }
  return w.text();
}

}  // namespace dialer::api
