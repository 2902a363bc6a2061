// The engine's LeadStore over the database, and the start-up load of every campaign's leads.
// Engine thread only (the Database is not thread-safe).
#pragma once

#include "dialer/engine/engine.h"
#include "dialer/storage/database.h"

namespace dialer::app {

class DatabaseLeadStore final : public engine::LeadStore {
 public:
  explicit DatabaseLeadStore(LeadRepository& leads) : leads_(leads) {}
  Status save(const Lead& lead) override {
    return leads_.update_status(lead.id, lead.status, lead.attempts, lead.next_attempt_at);
  }

 private:
  LeadRepository& leads_;
};

// Pages through the campaign's leads and hands every non-final one to the engine.
// Returns how many were handed over. With `last_seen`, starts after that id and leaves the
// highest id seen there (a later call then picks up only leads imported since).
Result<std::size_t> load_leads(LeadRepository& leads, CampaignId campaign, engine::Engine& engine,
                               TimePoint now, LeadId* last_seen = nullptr);

}  // namespace dialer::app
