// dialerd's HTTP side: users and sessions, the API backend over the engine, the router, the
// Beast listener on the engine's io_context, and the event stream fed after engine events.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <string>

#include <boost/asio/io_context.hpp>

#include "dialer/app/compliance_setup.h"
#include "dialer/common/time_source.h"
#include "dialer/config/engine_config.h"
#include "dialer/engine/engine.h"
#include "dialer/sip/sip_stack.h"
#include "dialer/storage/database.h"

namespace dialer::app {

class ApiService {
 public:
  struct Parts;
  explicit ApiService(std::unique_ptr<Parts> parts);
  ~ApiService();
  ApiService(const ApiService&) = delete;
  ApiService& operator=(const ApiService&) = delete;

  [[nodiscard]] std::uint16_t port() const;
  // Pushes what changed to the event streams: agents' own views at once, the floor at most
  // every 500 ms. Call on the engine thread after engine events.
  void publish(TimePoint now);
  void stop();

 private:
  std::unique_ptr<Parts> parts_;
};

// Builds and starts it; creates the first admin when there is no user (its password goes to
// http.admin_password_file, mode 0600, and the console is told where). `last_leads`: the
// highest lead id already handed to the engine per campaign (uploads hand over only newer ones).
Result<std::unique_ptr<ApiService>> start_api(const config::EngineConfig& config,
                                              boost::asio::io_context& io, engine::Engine& engine,
                                              Database& db, ComplianceStack& compliance,
                                              const TimeSource& clock, const sip::SipStack& sip,
                                              const std::map<CampaignId, LeadId>& last_leads,
                                              std::ostream& out);

}  // namespace dialer::app
