// In-memory fakes of the compliance repositories (compliance/repositories.h) for unit tests.
// Header-only. InMemoryCallRecordRepository can fail its Nth put_open (write-ahead tests) and
// exposes its sealed records so that tests can tamper with "the database".
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "compliance/repositories.h"

namespace dialer::compliance::fakes {

class InMemoryCallRecordRepository final : public CallRecordRepository {
 public:
  Status put_open(const CallRecord& record) override {
    if (fail_put_open_at_ > 0 && ++put_open_calls_ == fail_put_open_at_) {
      return Error{ErrorCode::storage_unavailable, "injected failure"};
    }
    open_[record.attempt_id] = record;
    return ok_status();
  }
  Status append_sealed(const CallRecord& sealed) override {
    auto& chain = sealed_[sealed.campaign_id];
    const std::int64_t next = chain.empty() ? 1 : chain.back().seq + 1;
    if (sealed.seq != next) return Error{ErrorCode::conflict, "seq is not the chain's next"};
    chain.push_back(sealed);
    open_.erase(sealed.attempt_id);
    return ok_status();
  }
  Result<std::vector<CallRecord>> open_attempts() override {
    std::vector<CallRecord> out;
    for (const auto& [id, r] : open_) out.push_back(r);
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.attempt_id < b.attempt_id; });
    return out;
  }
  Result<std::optional<ChainHead>> chain_head(const std::string& log_id) override {
    auto it = sealed_.find(log_id);
    if (it == sealed_.end() || it->second.empty()) return std::optional<ChainHead>{};
    const auto& r = it->second.back();
    return std::optional<ChainHead>{
        ChainHead{r.seq, r.record_hash, r.sealed_at.value_or(TimePoint{})}};
  }
  Result<std::vector<std::string>> log_ids() override {
    std::vector<std::string> out;
    for (const auto& [id, chain] : sealed_) out.push_back(id);
    return out;
  }
  Status for_each_sealed(const RecordRange& range,
                         const std::function<Status(const CallRecord&)>& visit) override {
    for (const auto& [id, chain] : sealed_) {
      if (range.log_id && *range.log_id != id) continue;
      for (const auto& r : chain) {
        const auto t = r.sealed_at.value_or(TimePoint{});
        if (t < range.from || t >= range.to) continue;
        auto s = visit(r);
        if (!s) return s;
      }
    }
    return ok_status();
  }
  Status append_checkpoint(const Checkpoint& checkpoint) override {
    checkpoints_[checkpoint.log_id].push_back(checkpoint);
    return ok_status();
  }
  Result<std::vector<Checkpoint>> checkpoints(const std::string& log_id, std::int64_t first_seq,
                                              std::int64_t last_seq) override {
    std::vector<Checkpoint> out;
    for (const auto& c : checkpoints_[log_id]) {
      if (c.seq >= first_seq && c.seq <= last_seq) out.push_back(c);
    }
    return out;
  }

  void fail_put_open_at(int n) { fail_put_open_at_ = n; }
  std::map<std::string, std::vector<CallRecord>>& sealed() { return sealed_; }
  std::size_t open_count() const { return open_.size(); }
  const std::vector<Checkpoint>& checkpoints_of(const std::string& log) {
    return checkpoints_[log];
  }

 private:
  std::map<std::string, CallRecord> open_;
  std::map<std::string, std::vector<CallRecord>> sealed_;
  std::map<std::string, std::vector<Checkpoint>> checkpoints_;
  int fail_put_open_at_ = 0;
  int put_open_calls_ = 0;
};

class InMemoryDncRepository final : public DncRepository {
 public:
  Status append_event(const DncEvent& event) override {
    const std::int64_t next = events_.empty() ? 1 : events_.back().seq + 1;
    if (event.seq != next) return Error{ErrorCode::conflict, "seq is not the chain's next"};
    events_.push_back(event);
    if (auto key = parse_e164(event.number)) {
      if (event.campaign_id) {
        campaign_.emplace_back(CampaignId{std::stoll(*event.campaign_id)}, *key);
      } else {
        internal_.push_back(*key);
      }
    }
    return ok_status();
  }
  Result<std::optional<ChainHead>> head() override {
    if (events_.empty()) return std::optional<ChainHead>{};
    return std::optional<ChainHead>{
        ChainHead{events_.back().seq, events_.back().record_hash, events_.back().received_at}};
  }
  Status for_each_event(TimePoint from, TimePoint to,
                        const std::function<Status(const DncEvent&)>& visit) override {
    for (const auto& e : events_) {
      if (e.received_at < from || e.received_at >= to) continue;
      auto s = visit(e);
      if (!s) return s;
    }
    return ok_status();
  }
  Status for_each_internal(const std::function<void(PhoneKey)>& visit) override {
    for (auto k : internal_) visit(k);
    return ok_status();
  }
  Status for_each_campaign_entry(const std::function<void(CampaignId, PhoneKey)>& visit) override {
    for (const auto& [c, k] : campaign_) visit(c, k);
    return ok_status();
  }
  Status append_checkpoint(const Checkpoint& checkpoint) override {
    checkpoints_.push_back(checkpoint);
    return ok_status();
  }
  Result<std::vector<Checkpoint>> checkpoints(std::int64_t first_seq,
                                              std::int64_t last_seq) override {
    std::vector<Checkpoint> out;
    for (const auto& c : checkpoints_) {
      if (c.seq >= first_seq && c.seq <= last_seq) out.push_back(c);
    }
    return out;
  }
  std::vector<DncEvent>& events() { return events_; }

 private:
  std::vector<DncEvent> events_;
  std::vector<PhoneKey> internal_;
  std::vector<std::pair<CampaignId, PhoneKey>> campaign_;
  std::vector<Checkpoint> checkpoints_;
};

class InMemoryConsentRepository final : public ConsentRepository {
 public:
  Status append_consent(const ConsentEvent& consent) override {
    consents_.push_back(consent);
    return ok_status();
  }
  Status append_revocation(const RevocationEvent& revocation) override {
    revocations_.push_back(revocation);
    return ok_status();
  }
  Status for_each_consent(const std::function<void(const ConsentEvent&)>& visit) override {
    for (const auto& c : consents_) visit(c);
    return ok_status();
  }
  Status for_each_revocation(const std::function<void(const RevocationEvent&)>& visit) override {
    for (const auto& r : revocations_) visit(r);
    return ok_status();
  }

 private:
  std::vector<ConsentEvent> consents_;
  std::vector<RevocationEvent> revocations_;
};

}  // namespace dialer::compliance::fakes
