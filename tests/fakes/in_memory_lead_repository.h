// In-memory CampaignRepository and LeadRepository for unit tests, plus fault injection:
// fail_insert_batch_at(n) makes the n-th insert_batch call (1-based) fail with
// storage_unavailable and store nothing, as a real transaction would. Not thread-safe.
// Leads get ids 1, 2, 3... in insertion order; lists get ids per (campaign, name).
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "campaigns/repositories.h"

namespace dialer::fakes {

class InMemoryCampaignRepository : public CampaignRepository {
 public:
  Status upsert(const CampaignRecord& campaign) override {
    campaigns_[campaign.id] = campaign;
    return ok_status();
  }
  Result<std::optional<CampaignRecord>> find(CampaignId id) override {
    auto it = campaigns_.find(id);
    if (it == campaigns_.end()) return std::optional<CampaignRecord>{};
    return std::optional<CampaignRecord>{it->second};
  }
  Result<std::vector<CampaignSummary>> list() override {
    std::vector<CampaignSummary> out;
    for (const auto& [id, c] : campaigns_) {
      out.push_back(CampaignSummary{id, c.tenant, c.name, c.dial_mode,
                                    lead_counter_ ? lead_counter_(id) : 0});
    }
    return out;
  }
  // Lets list() report lead counts from a lead repository.
  void count_leads_with(std::function<std::int64_t(CampaignId)> counter) {
    lead_counter_ = std::move(counter);
  }

 private:
  std::map<CampaignId, CampaignRecord> campaigns_;
  std::function<std::int64_t(CampaignId)> lead_counter_;
};

class InMemoryLeadRepository : public LeadRepository {
 public:
  Result<LeadListRecord> ensure_list(const std::string& tenant, CampaignId campaign,
                                     const std::string& name) override {
    ++ensure_list_calls_;
    for (const auto& list : lists_) {
      if (list.campaign == campaign && list.name == name) return list;
    }
    lists_.push_back(LeadListRecord{ListId{static_cast<std::int64_t>(lists_.size() + 1)}, tenant,
                                    campaign, name});
    return lists_.back();
  }

  Status for_each_phone(CampaignId campaign,
                        const std::function<void(std::string_view)>& visit) override {
    for (const auto& lead : leads_) {
      if (lead.campaign == campaign) visit(lead.phone);
    }
    return ok_status();
  }

  Status insert_batch(std::span<const Lead> leads) override {
    ++insert_batch_calls_;
    if (fail_at_ != 0 && insert_batch_calls_ == fail_at_) {
      return Error{ErrorCode::storage_unavailable, "injected failure of insert_batch"};
    }
    batch_sizes_.push_back(leads.size());
    for (const auto& lead : leads) {
      leads_.push_back(lead);
      leads_.back().id = LeadId{static_cast<std::int64_t>(leads_.size())};
    }
    return ok_status();
  }

  Result<std::int64_t> count(CampaignId campaign) override {
    return static_cast<std::int64_t>(std::count_if(
        leads_.begin(), leads_.end(), [&](const Lead& l) { return l.campaign == campaign; }));
  }

  Result<std::vector<Lead>> page(CampaignId campaign, LeadId after, std::size_t limit) override {
    std::vector<Lead> out;
    for (const auto& lead : leads_) {
      if (out.size() >= limit) break;
      if (lead.campaign == campaign && lead.id > after) out.push_back(lead);
    }
    return out;
  }

  Result<std::optional<Lead>> find(LeadId id) override {
    for (const auto& lead : leads_) {
      if (lead.id == id) return std::optional<Lead>{lead};
    }
    return std::optional<Lead>{};
  }

  Status update_status(LeadId id, LeadState status, std::int32_t attempts,
                       std::optional<TimePoint> next_attempt_at) override {
    for (auto& lead : leads_) {
      if (lead.id != id) continue;
      lead.status = status;
      lead.attempts = attempts;
      lead.next_attempt_at = next_attempt_at;
      return ok_status();
    }
    return Error{ErrorCode::not_found, "no lead " + std::to_string(id.value())};
  }

  // Fault injection: the n-th call to insert_batch (1-based) fails; 0 disables.
  void fail_insert_batch_at(int n) { fail_at_ = n; }

  [[nodiscard]] const std::vector<Lead>& leads() const { return leads_; }
  [[nodiscard]] const std::vector<LeadListRecord>& lists() const { return lists_; }
  [[nodiscard]] const std::vector<std::size_t>& batch_sizes() const { return batch_sizes_; }
  [[nodiscard]] int insert_batch_calls() const { return insert_batch_calls_; }
  [[nodiscard]] int ensure_list_calls() const { return ensure_list_calls_; }

 private:
  std::vector<Lead> leads_;
  std::vector<LeadListRecord> lists_;
  std::vector<std::size_t> batch_sizes_;
  int insert_batch_calls_ = 0;
  int ensure_list_calls_ = 0;
  int fail_at_ = 0;
};

}  // namespace dialer::fakes
