// Test helper: a SipEvents sink that stores every event and lets the test wait for one.
// Thread-safe: on_call_event runs on the SIP thread, the waits on the test thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <vector>

#include "dialer/sip/sip_events.h"

namespace dialer::sip::testing {

class EventRecorder : public SipEvents {
 public:
  void on_call_event(const calls::CallEvent& event) override {
    {
      std::lock_guard lock(mutex_);
      events_.push_back({event, std::chrono::steady_clock::now()});
    }
    cv_.notify_all();
  }

  struct Stamped {
    calls::CallEvent event;
    std::chrono::steady_clock::time_point at;
  };

  // Waits for the first event of type T (after `skip` earlier ones of that type) for which
  // pred holds. Bounded by `limit`; nullopt on timeout.
  template <typename T, typename Pred>
  std::optional<std::pair<T, std::chrono::steady_clock::time_point>> wait_for(
      Pred pred, std::chrono::milliseconds limit = std::chrono::milliseconds{10'000}) {
    std::unique_lock lock(mutex_);
    std::optional<std::pair<T, std::chrono::steady_clock::time_point>> found;
    cv_.wait_for(lock, limit, [&] {
      for (const Stamped& s : events_) {
        if (const T* e = std::get_if<T>(&s.event); e != nullptr && pred(*e)) {
          found.emplace(*e, s.at);
          return true;
        }
      }
      return false;
    });
    return found;
  }

  template <typename T>
  std::optional<T> wait_call(CallId id,
                             std::chrono::milliseconds limit = std::chrono::milliseconds{10'000}) {
    auto r = wait_for<T>([&](const T& e) { return e.call_id == id; }, limit);
    if (!r) return std::nullopt;
    return r->first;
  }

  // The event kinds seen for one call, in order (variant index names, see kind_name).
  std::vector<std::string> kinds_for(CallId id) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const Stamped& s : events_) {
      std::visit(
          [&](const auto& e) {
            if constexpr (requires { e.call_id; }) {
              if (e.call_id == id) out.push_back(kind_name(s.event));
            }
          },
          s.event);
    }
    return out;
  }

  static std::string kind_name(const calls::CallEvent& e) {
    static const char* kNames[] = {"Trying",           "Ringing",          "Answered",
                                   "Failed",           "RemoteHangup",     "LocalHangupDone",
                                   "ReinviteReceived", "InboundCall",      "Registered",
                                   "Unregistered",     "TrunkRegistration"};
    return kNames[e.index()];
  }

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Stamped> events_;
};

}  // namespace dialer::sip::testing
