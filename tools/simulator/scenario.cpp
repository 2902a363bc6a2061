#include "tools/simulator/scenario.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "tools/simulator/sim_calendar.h"

namespace dialer::sim {
namespace {

std::string where(const std::string& origin, const YAML::Node& n) {
  const auto m = n.Mark();
  return origin + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

struct ParseError {
  std::string message;
};

[[noreturn]] void fail(const std::string& origin, const YAML::Node& n, const std::string& msg) {
  throw ParseError{where(origin, n) + ": " + msg};
}

double num(const std::string& origin, const YAML::Node& n, const char* what) {
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    fail(origin, n, std::string(what) + " must be a number");
  }
}

Distribution parse_dist(const std::string& origin, const YAML::Node& n, const char* what) {
  if (!n.IsMap()) fail(origin, n, std::string(what) + " must be a map with a 'dist' key");
  const auto kind = n["dist"] ? n["dist"].as<std::string>() : std::string("missing");
  Distribution d;
  auto need = [&](const char* key) {
    if (!n[key]) fail(origin, n, std::string(what) + ": '" + kind + "' needs '" + key + "'");
    return num(origin, n[key], key);
  };
  if (kind == "fixed") {
    d = {Distribution::Kind::fixed, need("value"), 0};
  } else if (kind == "uniform") {
    d = {Distribution::Kind::uniform, need("min"), need("max")};
  } else if (kind == "exponential") {
    d = {Distribution::Kind::exponential, need("mean"), 0};
  } else if (kind == "lognormal") {
    d = {Distribution::Kind::lognormal, need("mean"), need("sd")};
  } else {
    fail(origin, n, std::string(what) + ": dist must be fixed, uniform, exponential or lognormal");
  }
  if (d.a < 0 || d.b < 0 || (d.kind == Distribution::Kind::uniform && d.b < d.a) ||
      ((d.kind == Distribution::Kind::exponential || d.kind == Distribution::Kind::lognormal) &&
       d.a <= 0)) {
    fail(origin, n, std::string(what) + ": parameters out of range");
  }
  return d;
}

std::vector<std::pair<double, double>> parse_pairs(const std::string& origin, const YAML::Node& n,
                                                   const char* what) {
  std::vector<std::pair<double, double>> out;
  if (!n.IsSequence()) fail(origin, n, std::string(what) + " must be a list of [a, b] pairs");
  for (const auto& item : n) {
    if (!item.IsSequence() || item.size() != 2)
      fail(origin, item, std::string(what) + ": need [a, b]");
    out.emplace_back(num(origin, item[0], what), num(origin, item[1], what));
  }
  return out;
}

std::vector<AgentGroup> parse_agents(const std::string& origin, const YAML::Node& n) {
  if (n.IsScalar()) return {AgentGroup{static_cast<int>(num(origin, n, "agents")), 0, -1, {}}};
  if (!n.IsSequence()) fail(origin, n, "agents must be a number or a list of groups");
  std::vector<AgentGroup> groups;
  for (const auto& g : n) {
    AgentGroup group;
    for (const auto& kv : g) {
      const auto key = kv.first.as<std::string>();
      if (key == "count")
        group.count = static_cast<int>(num(origin, kv.second, "count"));
      else if (key == "login")
        group.login_hour = num(origin, kv.second, "login");
      else if (key == "logout")
        group.logout_hour = num(origin, kv.second, "logout");
      else if (key == "pauses")
        group.pauses = parse_pairs(origin, kv.second, "pauses");
      else
        fail(origin, kv.first, "unknown agent group key '" + key + "'");
    }
    groups.push_back(group);
  }
  return groups;
}

void parse_compliance(ComplianceSetup& c, const std::string& origin, const YAML::Node& n) {
  if (!n.IsMap()) fail(origin, n, "compliance must be a map");
  for (const auto& kv : n) {
    const auto key = kv.first.as<std::string>();
    const auto& v = kv.second;
    if (key == "gate") {
      const auto mode = v.as<std::string>();
      if (mode != "real" && mode != "allow_all") fail(origin, v, "gate must be real or allow_all");
      c.real_gate = mode == "real";
    } else if (key == "start_date") {
      const auto text = v.as<std::string>();
      if (std::sscanf(text.c_str(), "%d-%d-%d", &c.start_year, &c.start_month, &c.start_day) != 3)
        fail(origin, v, "start_date must be YYYY-MM-DD");
    } else if (key == "timezone") {
      c.timezone = v.as<std::string>();
    } else if (key == "lead_area_codes") {
      c.lead_area_codes.clear();
      for (const auto& code : v)
        c.lead_area_codes.push_back(static_cast<int>(num(origin, code, "area code")));
    } else if (key == "data_dir") {
      c.data_dir = v.as<std::string>();
    } else if (key == "lead_pool") {
      c.lead_pool = static_cast<std::int64_t>(num(origin, v, "lead_pool"));
    } else {
      fail(origin, kv.first, "unknown compliance key '" + key + "'");
    }
  }
}

void parse_key(Scenario& s, const std::string& origin, const std::string& key,
               const YAML::Node& v) {
  auto i = [&](const char* what) { return static_cast<int>(num(origin, v, what)); };
  if (key == "name")
    s.name = v.as<std::string>();
  else if (key == "agents")
    s.agents = parse_agents(origin, v);
  else if (key == "hours_per_day")
    s.hours_per_day = num(origin, v, "hours_per_day");
  else if (key == "day_start_hour")
    s.day_start_hour = i("day_start_hour");
  else if (key == "days")
    s.days = i("days");
  else if (key == "seeds")
    s.seeds = i("seeds");
  else if (key == "seed_base")
    s.seed_base = static_cast<std::uint64_t>(num(origin, v, "seed_base"));
  else if (key == "live_answer_rate") {
    s.live_answer_rate =
        v.IsScalar() ? std::vector<std::pair<double, double>>{{0.0, num(origin, v, key.c_str())}}
                     : parse_pairs(origin, v, "live_answer_rate");
  } else if (key == "time_to_answer")
    s.time_to_answer = parse_dist(origin, v, "time_to_answer");
  else if (key == "no_answer_time")
    s.no_answer_time = parse_dist(origin, v, "no_answer_time");
  else if (key == "talk")
    s.talk = parse_dist(origin, v, "talk");
  else if (key == "wrap")
    s.wrap = parse_dist(origin, v, "wrap");
  else if (key == "abandon_after")
    s.abandon_after = num(origin, v, "abandon_after");
  else if (key == "abandon_target")
    s.abandon_target = num(origin, v, "abandon_target");
  else if (key == "pacer_target")
    s.pacer_target = num(origin, v, "pacer_target");
  else if (key == "max_lines_per_agent")
    s.max_lines_per_agent = num(origin, v, key.c_str());
  else if (key == "max_calls_per_second")
    s.max_calls_per_second = num(origin, v, key.c_str());
  else if (key == "trunk_channels")
    s.trunk_channels = i("trunk_channels");
  else if (key == "vicidial_latest_hhmm")
    s.vicidial_latest_hhmm = i("vicidial_latest_hhmm");
  else if (key == "leads_per_day")
    s.leads_per_day = static_cast<std::int64_t>(num(origin, v, key.c_str()));
  else if (key == "amd") {
    if (v["machine_share"]) s.amd.machine_share = num(origin, v["machine_share"], "machine_share");
    if (v["accuracy"]) s.amd.accuracy = num(origin, v["accuracy"], "accuracy");
    if (v["machine_talk"]) s.amd.machine_talk = num(origin, v["machine_talk"], "machine_talk");
  } else if (key == "compliance") {
    parse_compliance(s.compliance, origin, v);
  } else if (key == "policies") {
    s.policies.clear();
    for (const auto& p : v) s.policies.push_back(p.as<std::string>());
  } else {
    throw ParseError{where(origin, v) + ": unknown key '" + key + "'"};
  }
}

}  // namespace

double Distribution::sample(Random& rng) const {
  switch (kind) {
    case Kind::fixed:
      return a;
    case Kind::uniform:
      return rng.uniform(a, b);
    case Kind::exponential:
      return rng.exponential(a);
    case Kind::lognormal:
      return rng.lognormal(a, b);
  }
  return a;
}

double Distribution::mean() const { return kind == Kind::uniform ? 0.5 * (a + b) : a; }

int Scenario::total_agents() const {
  int n = 0;
  for (const auto& g : agents) n += g.count;
  return n;
}

double Scenario::live_rate_at(double hour) const {
  double rate = live_answer_rate.front().second;
  for (const auto& [h, r] : live_answer_rate) {
    if (hour >= h) rate = r;
  }
  return rate;
}

Status validate(const Scenario& s) {
  auto bad = [](const std::string& m) { return Error{ErrorCode::invalid_argument, m}; };
  if (s.total_agents() <= 0) return bad("at least one agent is needed");
  if (s.hours_per_day <= 0 || s.hours_per_day > 24) return bad("hours_per_day must be in (0, 24]");
  if (s.days < 1 || s.seeds < 1) return bad("days and seeds must be >= 1");
  if (s.live_answer_rate.empty()) return bad("live_answer_rate is empty");
  for (const auto& [h, r] : s.live_answer_rate) {
    if (r <= 0 || r > 1) return bad("live_answer_rate values must be in (0, 1]");
  }
  if (s.abandon_after < 0) return bad("abandon_after must be >= 0");
  if (s.abandon_target <= 0 || s.abandon_target >= 1)
    return bad("abandon_target must be in (0, 1)");
  if (s.pacer_target <= 0 || s.pacer_target >= 1) return bad("pacer_target must be in (0, 1)");
  if (s.max_lines_per_agent < 1) return bad("max_lines_per_agent must be >= 1");
  if (s.amd.accuracy < 0 || s.amd.accuracy > 1) return bad("amd.accuracy must be in [0, 1]");
  if (s.amd.machine_share < 0 || s.amd.machine_share > 1) return bad("amd.machine_share in [0, 1]");
  const auto& c = s.compliance;
  if (auto calendar = SimCalendar::make(s); !calendar) return calendar.error();
  if (c.lead_area_codes.empty()) return bad("compliance.lead_area_codes is empty");
  for (int code : c.lead_area_codes) {
    if (code < 200 || code > 999) return bad("compliance.lead_area_codes: not a NANP area code");
  }
  if (c.lead_pool < 1 || c.lead_pool > 8'000'000) return bad("compliance.lead_pool in [1, 8e6]");
  if (c.start_month < 1 || c.start_month > 12 || c.start_day < 1 || c.start_day > 31)
    return bad("compliance.start_date is not a date");
  static const std::set<std::string> known{"predictive", "progressive", "best_ratio",
                                           "vicidial_adapt_hard_limit", "vicidial_adapt_tapered"};
  for (const auto& p : s.policies) {
    if (!known.count(p) && p.rfind("ratio:", 0) != 0) return bad("unknown policy '" + p + "'");
  }
  return ok_status();
}

Result<Scenario> parse_scenario_yaml(const std::string& text, const std::string& origin) {
  Scenario s;
  try {
    const YAML::Node root = YAML::Load(text);
    if (!root.IsMap()) return Error{ErrorCode::parse_error, origin + ": scenario must be a map"};
    for (const auto& kv : root) parse_key(s, origin, kv.first.as<std::string>(), kv.second);
  } catch (const ParseError& e) {
    return Error{ErrorCode::parse_error, e.message};
  } catch (const YAML::Exception& e) {
    return Error{ErrorCode::parse_error, origin + ": " + e.what()};
  }
  if (auto st = validate(s); !st) return st.error().with_context(origin);
  return s;
}

Result<Scenario> load_scenario_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::io_error, path + ": cannot open"};
  std::stringstream buf;
  buf << in.rdbuf();
  auto s = parse_scenario_yaml(buf.str(), path);
  if (s.ok() && s->name == "scenario") {
    auto base = path.substr(path.find_last_of('/') + 1);
    s->name = base.substr(0, base.find_last_of('.'));
  }
  return s;
}

}  // namespace dialer::sim
