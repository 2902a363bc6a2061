#include "dialer/api/auth/access.h"

namespace dialer::auth {

bool may_see_tenant(const Principal& who, std::string_view tenant) {
  if (who.role == Role::admin && who.tenant == kAllTenants) return true;
  return who.tenant != kAllTenants && who.tenant == tenant;
}

bool may_act_on_call(const Principal& who, const std::string& call_agent_user) {
  if (who.role == Role::agent) {
    return who.agent_sip.has_value() && !call_agent_user.empty() &&
           *who.agent_sip == call_agent_user;
  }
  return allowed(who.role, Permission::calls_read_all);
}

bool may_act_on_lead(const Principal& who, const std::string& lead_agent_user) {
  return may_act_on_call(who, lead_agent_user);
}

bool authorize(const Principal& who, Permission permission, std::string_view tenant) {
  return allowed(who.role, permission) && may_see_tenant(who, tenant);
}

}  // namespace dialer::auth
