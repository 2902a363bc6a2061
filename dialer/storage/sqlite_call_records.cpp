// CallRecordRepository on SQLite. Records are stored as their canonical JSON line (the bytes
// the chain hashes) and parsed back with parse_canonical_line(); nothing is re-serialised.
#include "compliance/call_record.h"
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {
namespace {

Result<compliance::CallRecord> parse_row(const SqliteStatement& q, int column,
                                         const std::string& ctx) {
  auto r = compliance::parse_canonical_line(q.column_view(column));
  if (!r)
    return Error{ErrorCode::internal, ctx + ": stored record unreadable: " + r.error().message};
  return r;
}

}  // namespace

Status SqliteCallRecordRepository::put_open(const compliance::CallRecord& record) {
  const std::string ctx = "call records: put_open " + record.attempt_id;
  auto stmt = cached(db_, put_open_,
                     "INSERT INTO open_attempts (attempt_id, body) VALUES (?, ?) "
                     "ON CONFLICT (attempt_id) DO UPDATE SET body = excluded.body",
                     ctx);
  if (!stmt) return stmt.error();
  const std::string body = compliance::canonical_line(record);
  (*stmt)->text(record.attempt_id);
  (*stmt)->text(body);
  return (*stmt)->run(ctx + ": write failed");
}

Result<std::int64_t> SqliteCallRecordRepository::last_seq(const std::string& log_id,
                                                          const std::string& ctx) {
  auto stmt = cached(db_, last_seq_,
                     "SELECT COALESCE(MAX(seq), 0) FROM call_records WHERE log_id = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(log_id);
  auto row = q.step(ctx + ": read head");
  if (!row) return row.error();
  const std::int64_t seq = *row ? q.column_int64(0) : 0;
  q.reset();
  return seq;
}

Status SqliteCallRecordRepository::append_sealed(const compliance::CallRecord& sealed) {
  const std::string ctx =
      "call records: append " + sealed.campaign_id + " seq " + std::to_string(sealed.seq);
  SqliteTransaction tx(db_);
  if (auto s = tx.begin(ctx); !s) return s;
  auto last = last_seq(sealed.campaign_id, ctx);
  if (!last) return last.error();
  if (sealed.seq != *last + 1) {
    return Error{ErrorCode::conflict,
                 ctx + ": the chain's next seq is " + std::to_string(*last + 1)};
  }
  auto insert = cached(db_, insert_sealed_,
                       "INSERT INTO call_records (log_id, seq, attempt_id, sealed_at, prev_hash, "
                       "record_hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       ctx);
  if (!insert) return insert.error();
  const std::string body = compliance::canonical_line(sealed);
  SqliteStatement& q = **insert;
  q.text(sealed.campaign_id);
  q.int64(sealed.seq);
  q.text(sealed.attempt_id);
  q.int64(to_unix_ms(sealed.sealed_at.value_or(TimePoint{})));
  q.text(sealed.prev_hash);
  q.text(sealed.record_hash);
  q.text(body);
  if (auto s = q.run(ctx + ": insert failed"); !s) return s;
  auto erase = cached(db_, erase_open_, "DELETE FROM open_attempts WHERE attempt_id = ?", ctx);
  if (!erase) return erase.error();
  (*erase)->text(sealed.attempt_id);
  if (auto s = (*erase)->run(ctx + ": delete open attempt failed"); !s) return s;
  return tx.commit(ctx);
}

Result<std::vector<compliance::CallRecord>> SqliteCallRecordRepository::open_attempts() {
  const std::string ctx = "call records: open attempts";
  auto stmt = cached(db_, open_, "SELECT body FROM open_attempts ORDER BY attempt_id", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  std::vector<compliance::CallRecord> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto r = parse_row(q, 0, ctx);
    if (!r) {
      q.reset();
      return r.error();
    }
    out.push_back(std::move(*r));
  }
  q.reset();
  return out;
}

Result<std::optional<compliance::ChainHead>> SqliteCallRecordRepository::chain_head(
    const std::string& log_id) {
  const std::string ctx = "call records: chain head " + log_id;
  auto stmt = cached(db_, head_,
                     "SELECT seq, record_hash, sealed_at FROM call_records WHERE log_id = ? "
                     "ORDER BY seq DESC LIMIT 1",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(log_id);
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

Result<std::vector<std::string>> SqliteCallRecordRepository::log_ids() {
  const std::string ctx = "call records: log ids";
  auto stmt =
      cached(db_, log_ids_, "SELECT DISTINCT log_id FROM call_records ORDER BY log_id", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  std::vector<std::string> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    out.push_back(q.column_text(0));
  }
  q.reset();
  return out;
}

// Not cached: a visitor may call back into this repository while the walk is running.
Status SqliteCallRecordRepository::for_each_sealed(
    const compliance::RecordRange& range,
    const std::function<Status(const compliance::CallRecord&)>& visit) {
  const std::string ctx = "call records: scan";
  auto stmt = db_.prepare(range.log_id ? "SELECT body FROM call_records WHERE log_id = ? AND "
                                         "sealed_at >= ? AND sealed_at < ? ORDER BY log_id, seq"
                                       : "SELECT body FROM call_records WHERE sealed_at >= ? "
                                         "AND sealed_at < ? ORDER BY log_id, seq",
                          ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = *stmt;
  if (range.log_id) q.text(*range.log_id);
  q.int64(to_unix_ms(range.from));
  q.int64(to_unix_ms(range.to));
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto r = parse_row(q, 0, ctx);
    if (!r) return r.error();
    if (auto s = visit(*r); !s) return s;
  }
  return ok_status();
}

Status SqliteCallRecordRepository::append_checkpoint(const compliance::Checkpoint& c) {
  const std::string ctx = "call records: checkpoint " + c.log_id + " seq " + std::to_string(c.seq);
  auto stmt = cached(db_, put_checkpoint_,
                     "INSERT INTO record_checkpoints (log_id, seq, head_hash, record_count, "
                     "at_ms, signature) VALUES (?, ?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(c.log_id);
  q.int64(c.seq);
  q.text(c.head_hash);
  q.int64(c.count);
  q.int64(to_unix_ms(c.at));
  q.text(c.signature);
  return q.run(ctx + ": insert failed");
}

Result<std::vector<compliance::Checkpoint>> SqliteCallRecordRepository::checkpoints(
    const std::string& log_id, std::int64_t first_seq, std::int64_t last_seq) {
  const std::string ctx = "call records: checkpoints " + log_id;
  auto stmt = cached(db_, checkpoints_,
                     "SELECT seq, head_hash, record_count, at_ms, signature FROM "
                     "record_checkpoints WHERE log_id = ? AND seq >= ? AND seq <= ? ORDER BY seq",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(log_id);
  q.int64(first_seq);
  q.int64(last_seq);
  std::vector<compliance::Checkpoint> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    compliance::Checkpoint c;
    c.log_id = log_id;
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
