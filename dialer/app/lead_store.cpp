#include "dialer/app/lead_store.h"

namespace dialer::app {

Result<std::size_t> load_leads(LeadRepository& leads, CampaignId campaign, engine::Engine& engine,
                               TimePoint now, LeadId* last_seen) {
  constexpr std::size_t kPage = 5000;
  std::size_t loaded = 0;
  LeadId after = last_seen != nullptr ? *last_seen : LeadId{0};
  for (;;) {
    auto page = leads.page(campaign, after, kPage);
    if (!page) return page.error();
    for (const auto& lead : *page) {
      if (lead.status == LeadState::final) continue;
      engine.add_lead(lead, now);
      ++loaded;
    }
    if (!page->empty() && last_seen != nullptr) *last_seen = page->back().id;
    if (page->size() < kPage) break;
    after = page->back().id;
  }
  return loaded;
}

}  // namespace dialer::app
