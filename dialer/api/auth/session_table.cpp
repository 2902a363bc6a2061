#include "dialer/api/auth/session_table.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "dialer/api/auth/primitives.h"

namespace dialer::auth {

Status validate_policy(const SessionPolicy& policy) {
  if (policy.idle_timeout <= Duration::zero() || policy.absolute_timeout <= Duration::zero()) {
    return Error{ErrorCode::invalid_argument, "session timeouts must be positive"};
  }
  if (policy.idle_timeout > policy.absolute_timeout) {
    return Error{ErrorCode::invalid_argument,
                 "session idle timeout must not exceed the absolute timeout"};
  }
  return ok_status();
}

std::string_view to_string(SessionStatus status) {
  switch (status) {
    case SessionStatus::valid:
      return "valid";
    case SessionStatus::unknown:
      return "unknown";
    case SessionStatus::idle_expired:
      return "idle_expired";
    case SessionStatus::absolute_expired:
      return "absolute_expired";
  }
  return "unknown";
}

std::size_t SessionTable::KeyHash::operator()(const Key& k) const noexcept {
  std::size_t h = 0;  // the key is a SHA-256 output: any 8 of its bytes are uniform already
  std::memcpy(&h, k.data(), sizeof h);
  return h;
}

std::optional<SessionTable::Key> SessionTable::key_of(std::string_view token) {
  // Only well-formed tokens are hashed; anything else cannot be a session.
  constexpr std::size_t kTokenChars = (kSessionTokenBytes * 4 + 2) / 3;
  if (token.size() != kTokenChars) return std::nullopt;
  const bool url_safe = std::all_of(token.begin(), token.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
  if (!url_safe) return std::nullopt;
  return detail::sha256(token);
}

TimePoint SessionTable::expiry_of(const Entry& e) const {
  return std::min(e.last_seen + policy_.idle_timeout, e.created_at + policy_.absolute_timeout);
}

SessionStatus SessionTable::status_of(const Entry& e, TimePoint now) const {
  if (now >= e.created_at + policy_.absolute_timeout) return SessionStatus::absolute_expired;
  if (now >= e.last_seen + policy_.idle_timeout) return SessionStatus::idle_expired;
  return SessionStatus::valid;
}

Result<NewSession> SessionTable::create(const Principal& who, TimePoint now) {
  auto token = random_token(random_, kSessionTokenBytes);
  if (!token) return token.error();
  const auto key = key_of(*token);
  if (!key || sessions_.contains(*key)) {  // 2^-256 for a real generator; a broken one fails
    return Error{ErrorCode::internal, "sessions: token collision, random source is broken"};
  }
  const Entry& e = sessions_.emplace(*key, Entry{who, now, now}).first->second;
  return NewSession{std::move(*token), expiry_of(e)};
}

SessionCheck SessionTable::authenticate(std::string_view token, TimePoint now) {
  const auto key = key_of(token);
  if (!key) return {};
  auto it = sessions_.find(*key);
  if (it == sessions_.end()) return {};
  const SessionStatus status = status_of(it->second, now);
  if (status != SessionStatus::valid) {
    sessions_.erase(it);
    return SessionCheck{status, std::nullopt, {}};
  }
  it->second.last_seen = std::max(it->second.last_seen, now);
  return SessionCheck{status, it->second.principal, expiry_of(it->second)};
}

bool SessionTable::logout(std::string_view token) {
  const auto key = key_of(token);
  return key && sessions_.erase(*key) > 0;
}

std::size_t SessionTable::revoke_user(UserId user) {
  return std::erase_if(sessions_, [&](const auto& kv) { return kv.second.principal.user == user; });
}

std::size_t SessionTable::expire(TimePoint now) {
  return std::erase_if(
      sessions_, [&](const auto& kv) { return status_of(kv.second, now) != SessionStatus::valid; });
}

std::optional<TimePoint> SessionTable::next_expiry() const {
  std::optional<TimePoint> earliest;
  for (const auto& [key, e] : sessions_) {
    const TimePoint t = expiry_of(e);
    if (!earliest || t < *earliest) earliest = t;
  }
  return earliest;
}

std::vector<UserId> SessionTable::users() const {
  std::set<UserId> ids;
  for (const auto& [key, e] : sessions_) ids.insert(e.principal.user);
  return {ids.begin(), ids.end()};
}

}  // namespace dialer::auth
