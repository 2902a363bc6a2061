#include "dialer/api/auth/user.h"

#include <algorithm>

namespace dialer::auth {
namespace {

bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool alnum(char c) { return lower_alnum(c) || (c >= 'A' && c <= 'Z'); }

Status invalid(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

}  // namespace

Principal principal_of(const User& user) {
  return Principal{user.id, user.username, user.role, user.tenant, user.agent_sip};
}

std::string normalize_username(std::string_view username) {
  std::string out(username);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

Status validate_username(std::string_view username) {
  if (username.empty() || username.size() > 64) {
    return invalid("username must have 1 to 64 characters");
  }
  if (!lower_alnum(username.front())) {
    return invalid("username must start with a lower-case letter or a digit");
  }
  const bool ok = std::all_of(username.begin(), username.end(), [](char c) {
    return lower_alnum(c) || c == '.' || c == '_' || c == '@' || c == '-';
  });
  if (!ok) return invalid("username may contain only a-z, 0-9 and . _ @ -");
  return ok_status();
}

Status validate_tenant(std::string_view tenant) {
  if (tenant == kAllTenants) return ok_status();
  if (tenant.empty() || tenant.size() > 64) return invalid("tenant must have 1 to 64 characters");
  const bool ok = std::all_of(tenant.begin(), tenant.end(),
                              [](char c) { return lower_alnum(c) || c == '_' || c == '-'; });
  if (!ok) return invalid("tenant may contain only a-z, 0-9, _ and -, or be \"*\"");
  return ok_status();
}

Status validate_agent_sip(std::string_view sip_user) {
  if (sip_user.empty() || sip_user.size() > 64) {
    return invalid("agent SIP user must have 1 to 64 characters");
  }
  const bool ok = std::all_of(sip_user.begin(), sip_user.end(), [](char c) {
    return alnum(c) || c == '.' || c == '_' || c == '+' || c == '-';
  });
  if (!ok) return invalid("agent SIP user may contain only A-Z, a-z, 0-9 and . _ + -");
  return ok_status();
}

Status validate_user(const User& user) {
  if (auto s = validate_username(user.username); !s) return s;
  if (auto s = validate_tenant(user.tenant); !s) return s;
  if (user.tenant == kAllTenants && user.role != Role::admin) {
    return invalid("only an admin may have tenant \"*\"");
  }
  if (user.agent_sip) {
    if (user.role != Role::agent) return invalid("only an agent may have an agent SIP user");
    if (auto s = validate_agent_sip(*user.agent_sip); !s) return s;
  }
  return ok_status();
}

}  // namespace dialer::auth
