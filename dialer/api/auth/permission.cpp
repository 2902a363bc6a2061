// The role/permission table. docs/security.md shows it, and tests/api/auth/permission_test.cpp
// repeats it as an expected matrix: a change here must change both.
#include "dialer/api/auth/permission.h"

#include <array>

namespace dialer::auth {
namespace {

using Mask = std::uint8_t;

constexpr Mask bit(Role r) { return static_cast<Mask>(1U << static_cast<unsigned>(r)); }

constexpr Mask kAdmin = bit(Role::admin);
constexpr Mask kManager = bit(Role::manager);
constexpr Mask kSupervisor = bit(Role::supervisor);
constexpr Mask kAgent = bit(Role::agent);
constexpr Mask kCompliance = bit(Role::compliance);

struct Grant {
  Permission permission;
  std::string_view name;
  Mask roles;
};

// Admins hold everything except what only makes sense for a user with a phone (acting as an
// agent); exports carry clear phone numbers, so only compliance and admin take them.
constexpr std::array<Grant, 17> kTable = {{
    {Permission::campaigns_read, "campaigns.read", kAdmin | kManager | kSupervisor | kCompliance},
    {Permission::campaigns_write, "campaigns.write", kAdmin | kManager},
    {Permission::leads_upload, "leads.upload", kAdmin | kManager},
    {Permission::agents_self, "agents.self", kAgent},
    {Permission::calls_read_all, "calls.read_all", kAdmin | kManager | kSupervisor},
    {Permission::calls_hangup, "calls.hangup", kAdmin | kManager | kSupervisor},
    {Permission::dispositions_own, "dispositions.own", kAgent},
    {Permission::dispositions_correct, "dispositions.correct", kAdmin | kSupervisor},
    {Permission::callbacks_write, "callbacks.write", kAdmin | kManager | kSupervisor | kAgent},
    {Permission::dnc_read, "dnc.read", kAdmin | kManager | kSupervisor | kCompliance},
    {Permission::dnc_write, "dnc.write", kAdmin | kCompliance},
    {Permission::exports_create, "exports.create", kAdmin | kCompliance},
    {Permission::exports_download, "exports.download", kAdmin | kCompliance},
    {Permission::exports_verify, "exports.verify", kAdmin | kCompliance},
    {Permission::users_manage, "users.manage", kAdmin},
    {Permission::metrics_read, "metrics.read", kAdmin | kManager | kSupervisor},
    {Permission::wallboard_read, "wallboard.read", kAdmin | kManager | kSupervisor},
}};

constexpr bool table_in_enum_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i) {
    if (static_cast<std::size_t>(kTable[i].permission) != i) return false;
  }
  return true;
}
static_assert(table_in_enum_order(), "kTable must list every Permission once, in enum order");
static_assert(static_cast<std::size_t>(Permission::wallboard_read) + 1 == kTable.size());

constexpr std::array<Permission, kTable.size()> kAll = [] {
  std::array<Permission, kTable.size()> out{};
  for (std::size_t i = 0; i < kTable.size(); ++i) out[i] = kTable[i].permission;
  return out;
}();

}  // namespace

std::span<const Permission> all_permissions() { return kAll; }

std::string_view to_string(Permission permission) {
  const auto i = static_cast<std::size_t>(permission);
  return i < kTable.size() ? kTable[i].name : "unknown";
}

std::optional<Permission> permission_from_string(std::string_view name) {
  for (const Grant& g : kTable) {
    if (g.name == name) return g.permission;
  }
  return std::nullopt;
}

bool allowed(Role role, Permission permission) {
  const auto i = static_cast<std::size_t>(permission);
  return i < kTable.size() && (kTable[i].roles & bit(role)) != 0;
}

}  // namespace dialer::auth
