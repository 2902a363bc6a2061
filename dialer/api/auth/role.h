// The five roles of the dialer's users. A role is a fixed bundle of permissions (permission.h);
// there are no per-user grants. Value type; pure.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dialer::auth {

enum class Role : std::uint8_t { admin, manager, supervisor, agent, compliance };

inline constexpr std::array<Role, 5> kAllRoles = {Role::admin, Role::manager, Role::supervisor,
                                                  Role::agent, Role::compliance};

// "admin", "manager", "supervisor", "agent", "compliance".
std::string_view to_string(Role role);
// The exact lower-case name; nullopt for anything else.
std::optional<Role> role_from_string(std::string_view name);

}  // namespace dialer::auth
