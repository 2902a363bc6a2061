#include "compliance/record_log.h"

namespace dialer::compliance {
namespace {

Digest prev_digest(const std::string& hex) {
  auto d = digest_from_hex(hex);
  return d ? *d : Digest{};
}

}  // namespace

void seal_after(CallRecord& record, std::int64_t prev_seq, const std::string& prev_hash) {
  record.seq = prev_seq + 1;
  record.prev_hash = prev_hash;
  record.record_hash = chain_hash(prev_digest(prev_hash), canonical_without_hash(record));
}

void seal_after(DncEvent& event, std::int64_t prev_seq, const std::string& prev_hash) {
  event.seq = prev_seq + 1;
  event.prev_hash = prev_hash;
  event.record_hash = chain_hash(prev_digest(prev_hash), canonical_without_hash(event));
}

CallRecordLog::CallRecordLog(CallRecordRepository& repo, const Ed25519Signer& signer,
                             RecordLogSettings settings)
    : repo_(repo), signer_(signer), settings_(settings) {}

Result<CallRecordLog::Chain*> CallRecordLog::chain(const std::string& log_id, TimePoint now) {
  auto& c = chains_[log_id];
  if (c.loaded) return &c;
  auto head = repo_.chain_head(log_id);
  if (!head) return head.error().with_context("chain " + log_id);
  if (*head) {
    c.seq = (*head)->seq;
    c.hash = (*head)->hash;
  }
  auto cps = repo_.checkpoints(log_id, 0, c.seq);
  if (!cps) return cps.error().with_context("chain " + log_id);
  c.checkpointed_seq = cps->empty() ? 0 : cps->back().seq;
  c.checkpointed_at = cps->empty() ? now : cps->back().at;
  c.loaded = true;
  return &c;
}

Status CallRecordLog::record_decision(CallRecord record, TimePoint now) {
  record.record_state = "OPEN";
  if (record.decision == "REFUSED") return seal(std::move(record), now);
  auto status = repo_.put_open(record);
  if (!status) return status;
  open_[record.attempt_id] = std::move(record);
  return ok_status();
}

Status CallRecordLog::update(const std::string& attempt_id,
                             const std::function<void(CallRecord&)>& change) {
  auto it = open_.find(attempt_id);
  if (it == open_.end()) return Error{ErrorCode::not_found, "no open attempt " + attempt_id};
  CallRecord next = it->second;
  change(next);
  auto status = repo_.put_open(next);
  if (!status) return status;
  it->second = std::move(next);
  return ok_status();
}

Status CallRecordLog::close(const std::string& attempt_id, TimePoint now) {
  auto it = open_.find(attempt_id);
  if (it == open_.end()) return Error{ErrorCode::not_found, "no open attempt " + attempt_id};
  CallRecord record = it->second;
  record.record_state = "COMPLETE";
  auto status = seal(std::move(record), now);
  if (status) open_.erase(attempt_id);
  return status;
}

Status CallRecordLog::recover_open(TimePoint now) {
  auto open = repo_.open_attempts();
  if (!open) return open.error().with_context("recovering open attempts");
  for (auto& record : *open) {
    record.record_state = "INCOMPLETE";
    auto status = seal(std::move(record), now);
    if (!status) return status;
  }
  open_.clear();
  return ok_status();
}

Status CallRecordLog::seal(CallRecord record, TimePoint now) {
  auto c = chain(record.campaign_id, now);
  if (!c) return c.error();
  Chain& ch = **c;
  if (record.record_state == "OPEN") record.record_state = "COMPLETE";
  record.sealed_at = now;
  seal_after(record, ch.seq, ch.hash);
  auto status = repo_.append_sealed(record);
  if (!status) return status.error().with_context("sealing attempt " + record.attempt_id);
  ch.seq = record.seq;
  ch.hash = record.record_hash;
  if (ch.seq - ch.checkpointed_seq >= settings_.checkpoint_every) {
    return checkpoint(record.campaign_id, ch, now);
  }
  return ok_status();
}

Status CallRecordLog::checkpoint(const std::string& log_id, Chain& c, TimePoint now) {
  auto cp = make_checkpoint(log_id, c.seq, c.hash, now, signer_);
  auto status = repo_.append_checkpoint(cp);
  if (!status) return status.error().with_context("checkpoint of " + log_id);
  c.checkpointed_seq = c.seq;
  c.checkpointed_at = now;
  return ok_status();
}

Status CallRecordLog::checkpoint_due(TimePoint now) {
  for (auto& [log_id, c] : chains_) {
    if (c.seq > c.checkpointed_seq && now - c.checkpointed_at >= settings_.checkpoint_interval) {
      auto status = checkpoint(log_id, c, now);
      if (!status) return status;
    }
  }
  return ok_status();
}

DncEventLog::DncEventLog(DncRepository& repo, const Ed25519Signer& signer,
                         RecordLogSettings settings)
    : repo_(repo), signer_(signer), settings_(settings) {}

Status DncEventLog::append(DncEvent event, TimePoint now) {
  if (!head_) {
    auto head = repo_.head();
    if (!head) return head.error().with_context("dnc_events chain");
    head_ = head->value_or(ChainHead{0, kGenesisHash, now});
    checkpointed_at_ = now;
  }
  seal_after(event, head_->seq, head_->hash);
  auto status = repo_.append_event(event);
  if (!status) return status.error().with_context("dnc event " + event.dnc_request_id);
  head_ = ChainHead{event.seq, event.record_hash, now};
  if (head_->seq - checkpointed_seq_ >= settings_.checkpoint_every ||
      now - checkpointed_at_ >= settings_.checkpoint_interval) {
    auto cp = make_checkpoint(kDncLogId, head_->seq, head_->hash, now, signer_);
    auto s = repo_.append_checkpoint(cp);
    if (!s) return s;
    checkpointed_seq_ = head_->seq;
    checkpointed_at_ = now;
  }
  return ok_status();
}

}  // namespace dialer::compliance
