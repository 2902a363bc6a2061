#include "dialer/api/auth/bootstrap.h"

#include "dialer/api/auth/user_admin.h"

namespace dialer::auth {

Result<std::optional<BootstrapAdmin>> plan_bootstrap_admin(
    std::int64_t existing_users, const std::optional<std::string>& configured_password,
    const PasswordHashParams& params, SecureRandom& random, TimePoint now) {
  if (existing_users > 0) return std::optional<BootstrapAdmin>{};
  BootstrapAdmin plan;
  std::string password;
  if (configured_password) {
    password = *configured_password;
  } else {
    auto generated = random_token(random, kGeneratedPasswordBytes);
    if (!generated) return generated.error();
    password = *generated;
    plan.generated_password = password;
  }
  NewUserRequest request{std::string(kBootstrapUsername), Role::admin, std::string(kAllTenants),
                         std::nullopt, std::move(password)};
  auto user = make_user(request, params, random, now);
  if (!user) return user.error().with_context("bootstrap admin");
  plan.user = std::move(*user);
  return std::optional<BootstrapAdmin>{std::move(plan)};
}

Result<std::optional<BootstrapAdmin>> ensure_bootstrap_admin(
    UserRepository& users, const std::optional<std::string>& configured_password,
    const PasswordHashParams& params, SecureRandom& random, TimePoint now) {
  auto count = users.count();
  if (!count) return count.error().with_context("bootstrap admin");
  auto plan = plan_bootstrap_admin(*count, configured_password, params, random, now);
  if (!plan || !*plan) return plan;
  auto stored = users.create((*plan)->user);
  if (!stored) {
    if (stored.error().code == ErrorCode::conflict) return std::optional<BootstrapAdmin>{};
    return stored.error().with_context("bootstrap admin");
  }
  (*plan)->user = std::move(*stored);
  return plan;
}

}  // namespace dialer::auth
