// Ownership and tenant scope, the checks that come after allowed(role, permission): an agent
// acts only on its own calls and leads, and a user sees only its own tenant unless it is an
// admin of tenant "*". Pure.
#pragma once

#include <string>
#include <string_view>

#include "dialer/api/auth/permission.h"
#include "dialer/api/auth/user.h"

namespace dialer::auth {

// May `who` see or act on something that belongs to `tenant`?
bool may_see_tenant(const Principal& who, std::string_view tenant);

// May `who` act on a call handled by the agent whose SIP user is `call_agent_user` (empty: no
// agent)? Agents: only their own calls, never one without an agent. Roles with calls.read_all:
// any call. Everyone else: none. Tenant scope and the action's permission are checked apart.
bool may_act_on_call(const Principal& who, const std::string& call_agent_user);

// The same rule for a lead held by (or called back by) `lead_agent_user`.
bool may_act_on_lead(const Principal& who, const std::string& lead_agent_user);

// allowed(who.role, permission) and may_see_tenant(who, tenant): the usual check of a request
// on a tenant's resource.
bool authorize(const Principal& who, Permission permission, std::string_view tenant);

}  // namespace dialer::auth
