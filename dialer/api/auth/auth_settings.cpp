#include "dialer/api/auth/auth_settings.h"

namespace dialer::auth {

Status validate_settings(const AuthSettings& settings) {
  if (auto s = validate_params(settings.passwords); !s) return s.error().with_context("passwords");
  if (auto s = validate_policy(settings.sessions); !s) return s.error().with_context("sessions");
  if (auto s = validate_policy(settings.logins); !s) return s.error().with_context("logins");
  if (settings.bootstrap_admin_password) {
    if (auto s = check_password_policy(*settings.bootstrap_admin_password); !s) {
      return s.error().with_context("bootstrap_admin_password");
    }
  }
  return ok_status();
}

}  // namespace dialer::auth
