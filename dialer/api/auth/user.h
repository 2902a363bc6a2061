// A user of the dialer's API and web UI, the Principal a session carries, and the rules for
// usernames, tenants and agent SIP users. Value types; pure. A User holds a password hash and
// must never be printed or logged whole: log username and id only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dialer/api/auth/role.h"
#include "dialer/common/ids.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::auth {

using UserId = StrongId<struct UserTag>;

// The tenant of a user who sees every tenant; only an admin may have it.
inline constexpr std::string_view kAllTenants = "*";
inline constexpr std::string_view kDefaultTenant = "default";

struct User {
  UserId id;  // assigned by storage
  std::string username;
  Role role = Role::agent;
  std::string tenant = std::string(kDefaultTenant);
  std::optional<std::string> agent_sip;  // the SIP user of the agent's phone (agents only)
  std::string password_hash;             // password_hash.h format; never logged
  bool disabled = false;
  TimePoint created_at;
};

// Who is acting: what the session table keeps of a logged-in user (no password hash).
struct Principal {
  UserId user;
  std::string username;
  Role role = Role::agent;
  std::string tenant = std::string(kDefaultTenant);
  std::optional<std::string> agent_sip;
};

Principal principal_of(const User& user);

// Usernames are case-insensitive: stored and looked up in lower case.
std::string normalize_username(std::string_view username);

// 1 to 64 characters of [a-z0-9._@-], starting with a letter or digit (after normalizing).
Status validate_username(std::string_view username);
// A tenant slug, 1 to 64 characters of [a-z0-9_-], or "*" (admins only; checked by
// validate_user).
Status validate_tenant(std::string_view tenant);
// A SIP user part: 1 to 64 characters of [A-Za-z0-9._+-].
Status validate_agent_sip(std::string_view sip_user);

// The combination rules: "*" tenant only for admins, agent_sip only for agents. Checks the
// username, tenant and agent_sip formats too; not the password (see password_hash.h).
Status validate_user(const User& user);

}  // namespace dialer::auth
