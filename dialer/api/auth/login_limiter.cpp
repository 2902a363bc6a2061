#include "dialer/api/auth/login_limiter.h"

#include <optional>

#include "dialer/api/auth/user.h"

namespace dialer::auth {
namespace {

// Keys are bounded so that made-up megabyte usernames cannot fill memory; no real username
// (64 characters) or address (45 for IPv6 text) is that long.
constexpr std::size_t kMaxKey = 128;

std::string user_key(std::string_view username) {
  return normalize_username(username.substr(0, kMaxKey));
}

std::string address_key(std::string_view address) {
  return std::string(address.substr(0, kMaxKey));
}

}  // namespace

Status validate_policy(const LoginLimitPolicy& policy) {
  if (policy.max_failures < 1) {
    return Error{ErrorCode::invalid_argument, "login max_failures must be at least 1"};
  }
  if (policy.window <= Duration::zero() || policy.lockout <= Duration::zero()) {
    return Error{ErrorCode::invalid_argument, "login window and lockout must be positive"};
  }
  return ok_status();
}

std::string_view to_string(LoginBlock block) {
  switch (block) {
    case LoginBlock::none:
      return "none";
    case LoginBlock::username_locked:
      return "username_locked";
    case LoginBlock::address_locked:
      return "address_locked";
  }
  return "unknown";
}

std::optional<TimePoint> LoginRateLimiter::lock_of(const Counters& map, const std::string& key,
                                                   TimePoint now) {
  const auto it = map.find(key);
  if (it == map.end() || it->second.locked_until <= now) return std::nullopt;
  return it->second.locked_until;
}

LoginGate LoginRateLimiter::check(std::string_view username, std::string_view address,
                                  TimePoint now) const {
  const auto user_lock = lock_of(users_, user_key(username), now);
  const auto address_lock = lock_of(addresses_, address_key(address), now);
  // Report the lock that lasts longer: retrying before it ends is pointless.
  if (user_lock && (!address_lock || *user_lock >= *address_lock)) {
    return {LoginBlock::username_locked, *user_lock};
  }
  if (address_lock) return {LoginBlock::address_locked, *address_lock};
  return {};
}

void LoginRateLimiter::count_failure(Counter& c, TimePoint now) const {
  if (c.locked_until > now) return;  // already locked: the lock does not grow
  while (!c.failures.empty() && c.failures.front() + policy_.window <= now) c.failures.pop_front();
  c.failures.push_back(now);
  if (c.failures.size() >= static_cast<std::size_t>(policy_.max_failures)) {
    c.failures.clear();
    c.locked_until = now + policy_.lockout;
  }
}

LoginGate LoginRateLimiter::record_failure(std::string_view username, std::string_view address,
                                           TimePoint now) {
  if (tracked() > policy_.sweep_above) sweep(now);
  count_failure(users_[user_key(username)], now);
  if (!address.empty()) count_failure(addresses_[address_key(address)], now);
  return check(username, address, now);
}

void LoginRateLimiter::record_success(std::string_view username) {
  users_.erase(user_key(username));
}

bool LoginRateLimiter::stale(const Counter& c, TimePoint now) const {
  return c.locked_until <= now && (c.failures.empty() || c.failures.back() + policy_.window <= now);
}

std::size_t LoginRateLimiter::sweep(TimePoint now) {
  const auto is_stale = [&](const auto& kv) { return stale(kv.second, now); };
  return std::erase_if(users_, is_stale) + std::erase_if(addresses_, is_stale);
}

}  // namespace dialer::auth
