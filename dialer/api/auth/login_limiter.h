// Login rate limiting, per username and per client address: after `max_failures` failed logins
// within `window`, that username (or address) is locked for `lockout`. A successful login
// clears the username's failures (not the address's: one address guessing many accounts stays
// counted). Usernames are counted case-insensitively, and both keys by their first 128
// characters. Clock-injected, no I/O. Not thread-safe: one owner (the API thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::auth {

struct LoginLimitPolicy {
  int max_failures = 5;
  Duration window = std::chrono::minutes(5);
  Duration lockout = std::chrono::minutes(5);
  // Beyond this many tracked usernames plus addresses, stale entries are swept on each failure.
  std::size_t sweep_above = 10'000;
};

// invalid_argument unless max_failures >= 1 and window and lockout are positive.
Status validate_policy(const LoginLimitPolicy& policy);

enum class LoginBlock : std::uint8_t { none, username_locked, address_locked };
std::string_view to_string(LoginBlock block);

struct LoginGate {
  LoginBlock block = LoginBlock::none;
  TimePoint retry_at{};  // when blocked: the end of the lock
  [[nodiscard]] bool allowed() const { return block == LoginBlock::none; }
};

class LoginRateLimiter {
 public:
  explicit LoginRateLimiter(LoginLimitPolicy policy = {}) : policy_(policy) {}

  // May this username try to log in from this address now? Ask before checking the password.
  [[nodiscard]] LoginGate check(std::string_view username, std::string_view address,
                                TimePoint now) const;
  // Counts a failed login; returns the gate after it (locked when it reached the limit).
  LoginGate record_failure(std::string_view username, std::string_view address, TimePoint now);
  // Clears the username's failures and lock.
  void record_success(std::string_view username);
  // Drops entries with no lock and no failure inside the window; returns how many.
  std::size_t sweep(TimePoint now);
  [[nodiscard]] std::size_t tracked() const { return users_.size() + addresses_.size(); }

 private:
  struct Counter {
    std::deque<TimePoint> failures;  // inside the window, oldest first
    TimePoint locked_until{};
  };
  using Counters = std::unordered_map<std::string, Counter>;

  void count_failure(Counter& c, TimePoint now) const;
  [[nodiscard]] bool stale(const Counter& c, TimePoint now) const;
  static std::optional<TimePoint> lock_of(const Counters& map, const std::string& key,
                                          TimePoint now);

  LoginLimitPolicy policy_;
  Counters users_;
  Counters addresses_;
};

}  // namespace dialer::auth
