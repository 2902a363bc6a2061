// Permissions and the one table that grants them to roles (permission.cpp). Every check of the
// API goes through allowed(); ownership and tenant scope are separate checks (access.h).
// Pure; the table is immutable.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "dialer/api/auth/role.h"

namespace dialer::auth {

enum class Permission : std::uint8_t {
  campaigns_read,        // list campaigns, their settings and lead counts
  campaigns_write,       // create, change, start, pause, stop campaigns
  leads_upload,          // CSV lead import
  agents_self,           // agent console: login, ready, pause, logout, own calls
  calls_read_all,        // every live call of the tenant
  calls_hangup,          // hang up any call of the tenant
  dispositions_own,      // disposition the agent's own calls
  dispositions_correct,  // correct another agent's disposition
  callbacks_write,       // schedule and change callbacks
  dnc_read,              // look numbers up in the DNC lists
  dnc_write,             // add or remove DNC entries
  exports_create,        // compliance exports: create
  exports_download,      //   download
  exports_verify,        //   verify a bundle
  users_manage,          // create users, change roles and passwords, disable
  metrics_read,          // /metrics
  wallboard_read,        // supervisor wallboard
};

// Every permission, in declaration order.
std::span<const Permission> all_permissions();

// "campaigns.read", "exports.download", ...
std::string_view to_string(Permission permission);
std::optional<Permission> permission_from_string(std::string_view name);

// The table lookup: does `role` hold `permission`?
bool allowed(Role role, Permission permission);

}  // namespace dialer::auth
