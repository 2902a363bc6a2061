// `dialerctl user add|list|passwd|disable|enable|role`: manage the users of the API and web UI.
// Passwords come from DIALER_PASSWORD or standard input (password_input.h), never from the
// command line; neither passwords nor their hashes are ever printed. A running dialerd keeps
// the sessions it has opened until they expire or it re-reads the user (docs/security.md).
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "dialer/api/auth/user_admin.h"
#include "dialer/common/system_time_source.h"
#include "dialer/storage/database.h"
#include "tools/dialerctl/command.h"
#include "tools/dialerctl/db_option.h"
#include "tools/dialerctl/password_input.h"

namespace dialer::ctl {
namespace {

struct UserOptions {
  std::string db = default_database_url();
  std::string username;
  std::string role;
  std::string tenant = std::string(auth::kDefaultTenant);
  std::string agent_sip;
  std::uint32_t iterations = auth::kDefaultIterations;
  bool json = false;
};

int report(const char* what, const Error& e) {
  std::cerr << "dialerctl user " << what << ": " << e.message << "\n";
  switch (e.code) {
    case ErrorCode::invalid_argument:
    case ErrorCode::not_found:
    case ErrorCode::conflict:
      return kExitInvalid;
    default:
      return kExitFailure;
  }
}

std::optional<auth::Role> parse_role(const std::string& name) {
  auto role = auth::role_from_string(name);
  if (!role) {
    std::cerr << "unknown role '" << name
              << "' (admin, manager, supervisor, agent or compliance)\n";
  }
  return role;
}

int add_user(const UserOptions& o) {
  const auto role = parse_role(o.role);
  if (!role) return kExitInvalid;
  auth::NewUserRequest request{o.username, *role, o.tenant, std::nullopt, ""};
  if (!o.agent_sip.empty()) request.agent_sip = o.agent_sip;
  const auth::PasswordHashParams params{o.iterations};
  if (auto s = auth::validate_params(params); !s) return report("add", s.error());
  auto password = read_new_password();
  if (!password) return kExitInvalid;
  request.password = std::move(*password);
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  auth::OpenSslRandom random;
  auto user = auth::create_user((*db)->users(), request, params, random, SystemTimeSource{}.now());
  if (!user) return report("add", user.error());
  std::cout << "user " << user->username << " (" << auth::to_string(user->role) << ", tenant "
            << user->tenant << ") created with id " << user->id << " in " << (*db)->backend()
            << "\n";
  return kExitOk;
}

nlohmann::json to_json(const auth::User& u) {
  return {{"id", u.id.value()},
          {"username", u.username},
          {"role", std::string(auth::to_string(u.role))},
          {"tenant", u.tenant},
          {"agent_sip", u.agent_sip ? nlohmann::json(*u.agent_sip) : nlohmann::json(nullptr)},
          {"disabled", u.disabled},
          {"created_at", format_utc(u.created_at)}};
}

int list_users(const UserOptions& o) {
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  auto users = (*db)->users().list();
  if (!users) return report("list", users.error());
  if (o.json) {
    auto out = nlohmann::json::array();
    for (const auto& u : *users) out.push_back(to_json(u));
    std::cout << out.dump() << "\n";
    return kExitOk;
  }
  std::printf("%-6s %-24s %-11s %-12s %-14s %-8s %s\n", "ID", "USERNAME", "ROLE", "TENANT",
              "AGENT_SIP", "STATUS", "CREATED");
  for (const auto& u : *users) {
    std::printf("%-6lld %-24s %-11s %-12s %-14s %-8s %s\n", static_cast<long long>(u.id.value()),
                u.username.c_str(), std::string(auth::to_string(u.role)).c_str(), u.tenant.c_str(),
                u.agent_sip.value_or("-").c_str(), u.disabled ? "disabled" : "active",
                format_utc(u.created_at).c_str());
  }
  return kExitOk;
}

int change_password(const UserOptions& o) {
  const auth::PasswordHashParams params{o.iterations};
  if (auto s = auth::validate_params(params); !s) return report("passwd", s.error());
  auto password = read_new_password();
  if (!password) return kExitInvalid;
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  auth::OpenSslRandom random;
  if (auto s = auth::change_password((*db)->users(), o.username, *password, params, random); !s) {
    return report("passwd", s.error());
  }
  std::cout << "password of " << auth::normalize_username(o.username) << " changed\n";
  return kExitOk;
}

int set_disabled(const UserOptions& o, bool disabled) {
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  const char* verb = disabled ? "disable" : "enable";
  if (auto s = auth::set_user_disabled((*db)->users(), o.username, disabled); !s) {
    return report(verb, s.error());
  }
  std::cout << "user " << auth::normalize_username(o.username) << " "
            << (disabled ? "disabled" : "enabled") << "\n";
  return kExitOk;
}

int change_role(const UserOptions& o) {
  const auto role = parse_role(o.role);
  if (!role) return kExitInvalid;
  auto db = open_database_or_report(o.db);
  if (!db) return kExitFailure;
  if (auto s = auth::change_role((*db)->users(), o.username, *role); !s) {
    return report("role", s.error());
  }
  std::cout << "user " << auth::normalize_username(o.username) << " is now "
            << auth::to_string(*role) << "\n";
  return kExitOk;
}

CLI::App* with_user(CLI::App* cmd, UserOptions& o) {
  add_db_option(*cmd, o.db);
  cmd->add_option("--username", o.username, "user name (case-insensitive)")->required();
  return cmd;
}

void add_iterations(CLI::App* cmd, UserOptions& o) {
  cmd->add_option("--iterations", o.iterations, "PBKDF2-HMAC-SHA256 iterations")
      ->capture_default_str();
}

const CommandRegistration kUser{
    "user", [](CLI::App& root) -> CommandRunner {
      auto* group = root.add_subcommand(
          "user", "manage API users (password from $DIALER_PASSWORD or standard input)");
      group->require_subcommand(1);
      auto o = std::make_shared<UserOptions>();
      auto* add = with_user(group->add_subcommand("add", "create a user"), *o);
      add->add_option("--role", o->role, "admin, manager, supervisor, agent or compliance")
          ->required();
      add->add_option("--tenant", o->tenant, "tenant slug, or * for an admin of every tenant")
          ->capture_default_str();
      add->add_option("--agent-sip", o->agent_sip, "SIP user of the agent's phone (agents only)");
      add_iterations(add, *o);
      auto* list = group->add_subcommand("list", "list users (never their passwords)");
      add_db_option(*list, o->db);
      list->add_flag("--json", o->json, "print JSON");
      auto* passwd = with_user(group->add_subcommand("passwd", "set a user's password"), *o);
      add_iterations(passwd, *o);
      auto* disable = with_user(group->add_subcommand("disable", "refuse a user's logins"), *o);
      auto* enable = with_user(group->add_subcommand("enable", "allow a user's logins again"), *o);
      auto* role = with_user(group->add_subcommand("role", "change a user's role"), *o);
      role->add_option("--role", o->role, "the new role")->required();
      return [=] {
        if (add->parsed()) return add_user(*o);
        if (list->parsed()) return list_users(*o);
        if (passwd->parsed()) return change_password(*o);
        if (disable->parsed()) return set_disabled(*o, true);
        if (enable->parsed()) return set_disabled(*o, false);
        if (role->parsed()) return change_role(*o);
        return kExitOk;
      };
    }};

}  // namespace
}  // namespace dialer::ctl
