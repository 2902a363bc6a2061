// Logged-in sessions of the API, in memory. A session is an opaque random token (32 bytes from
// SecureRandom, base64url, 43 characters) handed to the client once; the table keeps only the
// token's SHA-256, so a memory dump yields no usable token. Sessions end after `idle_timeout`
// without use, after `absolute_timeout` whatever happens, on logout, or when the user's
// sessions are revoked (role, password or disabled flag changed). Clock-injected: every call
// takes `now`. Not thread-safe: one owner (the API thread).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dialer/api/auth/secure_random.h"
#include "dialer/api/auth/user.h"
#include "dialer/common/time.h"

namespace dialer::auth {

inline constexpr std::size_t kSessionTokenBytes = 32;

struct SessionPolicy {
  Duration idle_timeout = std::chrono::hours(8);
  Duration absolute_timeout = std::chrono::hours(12);
};

// invalid_argument unless both timeouts are positive and idle <= absolute.
Status validate_policy(const SessionPolicy& policy);

enum class SessionStatus : std::uint8_t { valid, unknown, idle_expired, absolute_expired };
std::string_view to_string(SessionStatus status);

struct SessionCheck {
  SessionStatus status = SessionStatus::unknown;
  std::optional<Principal> principal;  // set when valid
  TimePoint expires_at{};              // when valid: the earlier of the two expiries
};

struct NewSession {
  std::string token;  // give to the client; not kept here
  TimePoint expires_at;
};

class SessionTable {
 public:
  SessionTable(SessionPolicy policy, SecureRandom& random) : policy_(policy), random_(random) {}

  // Opens a session for `who`. Fails only when the random source fails.
  Result<NewSession> create(const Principal& who, TimePoint now);
  // Looks `token` up. A valid session's idle timer restarts at `now`; an expired one is removed
  // and reported with the expiry that ended it.
  SessionCheck authenticate(std::string_view token, TimePoint now);
  // Ends the session of `token`; false when there was none.
  bool logout(std::string_view token);
  // Ends every session of `user`; returns how many.
  std::size_t revoke_user(UserId user);
  // Removes expired sessions; returns how many. Call from a periodic timer.
  std::size_t expire(TimePoint now);
  // The earliest time a session will expire if unused (for arming that timer).
  [[nodiscard]] std::optional<TimePoint> next_expiry() const;
  // The distinct users with open sessions (to revoke those disabled by another process).
  [[nodiscard]] std::vector<UserId> users() const;
  [[nodiscard]] std::size_t size() const { return sessions_.size(); }
  [[nodiscard]] const SessionPolicy& policy() const { return policy_; }

 private:
  using Key = std::array<std::uint8_t, 32>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept;
  };
  struct Entry {
    Principal principal;
    TimePoint created_at;
    TimePoint last_seen;
  };

  [[nodiscard]] SessionStatus status_of(const Entry& e, TimePoint now) const;
  [[nodiscard]] TimePoint expiry_of(const Entry& e) const;
  static std::optional<Key> key_of(std::string_view token);

  SessionPolicy policy_;
  SecureRandom& random_;
  std::unordered_map<Key, Entry, KeyHash> sessions_;
};

}  // namespace dialer::auth
