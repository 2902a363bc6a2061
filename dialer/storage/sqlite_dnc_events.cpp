// DncRepository on SQLite: the "dnc_events" chain stored as canonical JSON lines, with the
// number and campaign copied into columns for the start-up list load.
#include "compliance/dnc_event.h"
#include "compliance/e164.h"
#include "dialer/storage/compliance_codec.h"
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {

Status SqliteDncRepository::append_event(const compliance::DncEvent& e) {
  const std::string ctx = "dnc events: append seq " + std::to_string(e.seq);
  SqliteTransaction tx(db_);
  if (auto s = tx.begin(ctx); !s) return s;
  auto last = cached(db_, last_seq_, "SELECT COALESCE(MAX(seq), 0) FROM dnc_events", ctx);
  if (!last) return last.error();
  auto row = (*last)->step(ctx + ": read head");
  if (!row) return row.error();
  const std::int64_t head = *row ? (*last)->column_int64(0) : 0;
  (*last)->reset();
  if (e.seq != head + 1) {
    return Error{ErrorCode::conflict,
                 ctx + ": the chain's next seq is " + std::to_string(head + 1)};
  }
  auto stmt = cached(db_, insert_,
                     "INSERT INTO dnc_events (seq, received_at, number, campaign_id, "
                     "record_hash, body) VALUES (?, ?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  const std::string body = compliance::canonical_line(e);
  SqliteStatement& q = **stmt;
  q.int64(e.seq);
  q.int64(to_unix_ms(e.received_at));
  q.text(e.number);
  if (e.campaign_id) {
    q.text(*e.campaign_id);
  } else {
    q.null();
  }
  q.text(e.record_hash);
  q.text(body);
  if (auto s = q.run(ctx + ": insert failed"); !s) return s;
  return tx.commit(ctx);
}

Result<std::optional<compliance::ChainHead>> SqliteDncRepository::head() {
  const std::string ctx = "dnc events: head";
  auto stmt = cached(db_, head_,
                     "SELECT seq, record_hash, received_at FROM dnc_events ORDER BY seq DESC "
                     "LIMIT 1",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  auto row = q.step(ctx);
  if (!row) return row.error();
  std::optional<compliance::ChainHead> out;
  if (*row) {
    out =
        compliance::ChainHead{q.column_int64(0), q.column_text(1), from_unix_ms(q.column_int64(2))};
  }
  q.reset();
  return out;
}

Status SqliteDncRepository::for_each_event(
    TimePoint from, TimePoint to, const std::function<Status(const compliance::DncEvent&)>& visit) {
  const std::string ctx = "dnc events: scan";
  auto stmt = db_.prepare(
      "SELECT body FROM dnc_events WHERE received_at >= ? AND received_at < ? ORDER BY seq", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = *stmt;
  q.int64(to_unix_ms(from));
  q.int64(to_unix_ms(to));
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto e = compliance::parse_dnc_event_line(q.column_view(0));
    if (!e)
      return Error{ErrorCode::internal, ctx + ": stored event unreadable: " + e.error().message};
    if (auto s = visit(*e); !s) return s;
  }
  return ok_status();
}

Status SqliteDncRepository::for_each_internal(
    const std::function<void(compliance::PhoneKey)>& visit) {
  const std::string ctx = "dnc events: internal list";
  auto stmt =
      db_.prepare("SELECT number FROM dnc_events WHERE campaign_id IS NULL ORDER BY seq", ctx);
  if (!stmt) return stmt.error();
  while (true) {
    auto row = stmt->step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    if (auto key = compliance::parse_e164(stmt->column_view(0))) visit(*key);
  }
  return ok_status();
}

Status SqliteDncRepository::for_each_campaign_entry(
    const std::function<void(CampaignId, compliance::PhoneKey)>& visit) {
  const std::string ctx = "dnc events: campaign lists";
  auto stmt = db_.prepare(
      "SELECT campaign_id, number FROM dnc_events WHERE campaign_id IS NOT NULL ORDER BY seq", ctx);
  if (!stmt) return stmt.error();
  while (true) {
    auto row = stmt->step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto campaign = dnc_campaign(stmt->column_view(0));
    auto key = compliance::parse_e164(stmt->column_view(1));
    if (campaign && key) visit(*campaign, *key);
  }
  return ok_status();
}

Status SqliteDncRepository::append_checkpoint(const compliance::Checkpoint& c) {
  const std::string ctx = "dnc events: checkpoint seq " + std::to_string(c.seq);
  auto stmt = cached(db_, put_checkpoint_,
                     "INSERT INTO dnc_checkpoints (seq, head_hash, record_count, at_ms, "
                     "signature) VALUES (?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(c.seq);
  q.text(c.head_hash);
  q.int64(c.count);
  q.int64(to_unix_ms(c.at));
  q.text(c.signature);
  return q.run(ctx + ": insert failed");
}

Result<std::vector<compliance::Checkpoint>> SqliteDncRepository::checkpoints(
    std::int64_t first_seq, std::int64_t last_seq) {
  const std::string ctx = "dnc events: checkpoints";
  auto stmt = cached(db_, checkpoints_,
                     "SELECT seq, head_hash, record_count, at_ms, signature FROM dnc_checkpoints "
                     "WHERE seq >= ? AND seq <= ? ORDER BY seq",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(first_seq);
  q.int64(last_seq);
  std::vector<compliance::Checkpoint> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    compliance::Checkpoint c;
    c.log_id = compliance::kDncLogId;
    c.seq = q.column_int64(0);
    c.head_hash = q.column_text(1);
    c.count = q.column_int64(2);
    c.at = from_unix_ms(q.column_int64(3));
    c.signature = q.column_text(4);
    out.push_back(std::move(c));
  }
  q.reset();
  return out;
}

}  // namespace dialer::storage_detail
