#include "dialer/api/auth/role.h"

namespace dialer::auth {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::manager:
      return "manager";
    case Role::supervisor:
      return "supervisor";
    case Role::agent:
      return "agent";
    case Role::compliance:
      return "compliance";
  }
  return "unknown";
}

std::optional<Role> role_from_string(std::string_view name) {
  for (Role r : kAllRoles) {
    if (to_string(r) == name) return r;
  }
  return std::nullopt;
}

}  // namespace dialer::auth
