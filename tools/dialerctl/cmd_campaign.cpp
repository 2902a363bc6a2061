// `dialerctl campaign load|list`: create or update campaigns from YAML files and list them.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dialer/common/system_time_source.h"
#include "dialer/config/config_load.h"
#include "dialer/storage/database.h"
#include "tools/dialerctl/command.h"
#include "tools/dialerctl/db_option.h"

namespace dialer::ctl {
namespace {

int load_campaign(const std::string& db_url, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": cannot read file\n";
    return kExitFailure;
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto load = config::load_campaign_text(text.str(), path);
  if (!load.ok()) {
    for (const auto& d : load.diagnostics) std::cerr << config::to_string(d) << "\n";
    return kExitInvalid;
  }
  auto db = open_database_or_report(db_url);
  if (!db) return kExitFailure;
  const Campaign& c = *load.value;
  CampaignRecord record{c.id, c.tenant, c.name, c.dial_mode, text.str(), SystemTimeSource{}.now()};
  if (auto st = (*db)->campaigns().upsert(record); !st.ok()) {
    std::cerr << "campaign load: " << st.error().message << "\n";
    return kExitFailure;
  }
  std::cout << "campaign " << c.id << " \"" << c.name << "\" (" << to_string(c.dial_mode)
            << ", tenant " << c.tenant << ") loaded into " << (*db)->backend() << "\n";
  return kExitOk;
}

int list_campaigns(const std::string& db_url, bool json) {
  auto db = open_database_or_report(db_url);
  if (!db) return kExitFailure;
  auto campaigns = (*db)->campaigns().list();
  if (!campaigns.ok()) {
    std::cerr << "campaign list: " << campaigns.error().message << "\n";
    return kExitFailure;
  }
  if (json) {
    auto out = nlohmann::json::array();
    for (const auto& c : *campaigns) {
      out.push_back({{"id", c.id.value()},
                     {"tenant", c.tenant},
                     {"name", c.name},
                     {"dial_mode", to_string(c.dial_mode)},
                     {"leads", c.leads}});
    }
    std::cout << out.dump() << "\n";
    return kExitOk;
  }
  std::printf("%-6s %-12s %-12s %10s  %s\n", "ID", "TENANT", "MODE", "LEADS", "NAME");
  for (const auto& c : *campaigns) {
    std::printf("%-6lld %-12s %-12s %10lld  %s\n", static_cast<long long>(c.id.value()),
                c.tenant.c_str(), std::string(to_string(c.dial_mode)).c_str(),
                static_cast<long long>(c.leads), c.name.c_str());
  }
  return kExitOk;
}

const CommandRegistration kCampaign{"campaign", [](CLI::App& root) -> CommandRunner {
  auto* group = root.add_subcommand("campaign", "create, update and list campaigns");
  group->require_subcommand(1);
  struct Options {
    std::string db = default_database_url();
    std::string file;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* load = group->add_subcommand("load", "create or update a campaign from its YAML file");
  add_db_option(*load, opts->db);
  load->add_option("file", opts->file, "campaign YAML file")->required();
  auto* list = group->add_subcommand("list", "list campaigns with their lead counts");
  add_db_option(*list, opts->db);
  list->add_flag("--json", opts->json, "print JSON");
  return [=] {
    if (load->parsed()) return load_campaign(opts->db, opts->file);
    if (list->parsed()) return list_campaigns(opts->db, opts->json);
    return kExitOk;
  };
}};

}  // namespace
}  // namespace dialer::ctl
