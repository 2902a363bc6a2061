// Private to AcdRouter's sources: marks one public event, so the invariants are checked once when
// the outermost event ends (events nest when a freed agent at once takes a waiting call).
#pragma once

#include "dialer/acd/acd_router.h"

namespace dialer::acd {

class AcdRouter::EventScope {
 public:
  EventScope(AcdRouter& router, std::string_view what, std::int64_t subject, std::int64_t object,
             TimePoint now)
      : router_(router) {
    router_.begin_event(what, subject, object, now);
  }
  ~EventScope() { router_.end_event(); }
  EventScope(const EventScope&) = delete;
  EventScope& operator=(const EventScope&) = delete;

 private:
  AcdRouter& router_;
};

}  // namespace dialer::acd
