// CallRecordRepository on MySQL/MariaDB. Same layout as SQLite: the canonical JSON line is the
// stored record. append_sealed locks the chain's last row (SELECT ... FOR UPDATE) so that two
// writers racing for one seq serialise; the primary key (log_id, seq) is the last line of defence.
#include "compliance/call_record.h"
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {
namespace {

Result<compliance::CallRecord> parse_body(const sql::ResultSet& rs, const std::string& ctx) {
  const std::string body = rs.getString(1);
  auto r = compliance::parse_canonical_line(body);
  if (!r)
    return Error{ErrorCode::internal, ctx + ": stored record unreadable: " + r.error().message};
  return r;
}

}  // namespace

Status MysqlCallRecordRepository::put_open(const compliance::CallRecord& record) {
  return db_.guarded("call records: put_open " + record.attempt_id, [&]() -> Status {
    auto& q = db_.cached(put_open_,
                         "INSERT INTO open_attempts (attempt_id, body) VALUES (?, ?) "
                         "ON DUPLICATE KEY UPDATE body = VALUES(body)");
    MysqlBinder b{q};
    b.text(record.attempt_id);
    b.text(compliance::canonical_line(record));
    q.executeUpdate();
    return ok_status();
  });
}

Status MysqlCallRecordRepository::append_sealed(const compliance::CallRecord& sealed) {
  const std::string ctx =
      "call records: append " + sealed.campaign_id + " seq " + std::to_string(sealed.seq);
  return db_.guarded(ctx, [&]() -> Status {
    MysqlTransaction tx(db_.conn());
    auto& last = db_.cached(last_seq_,
                            "SELECT seq FROM call_records WHERE log_id = ? "
                            "ORDER BY seq DESC LIMIT 1 FOR UPDATE");
    last.setString(1, sealed.campaign_id);
    std::int64_t head = 0;
    {
      std::unique_ptr<sql::ResultSet> rs(last.executeQuery());
      if (rs->next()) head = rs->getInt64(1);
    }
    if (sealed.seq != head + 1) {
      return Error{ErrorCode::conflict,
                   ctx + ": the chain's next seq is " + std::to_string(head + 1)};
    }
    auto& q = db_.cached(insert_sealed_,
                         "INSERT INTO call_records (log_id, seq, attempt_id, sealed_at, "
                         "prev_hash, record_hash, body) VALUES (?, ?, ?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.text(sealed.campaign_id);
    b.int64(sealed.seq);
    b.text(sealed.attempt_id);
    b.int64(to_unix_ms(sealed.sealed_at.value_or(TimePoint{})));
    b.text(sealed.prev_hash);
    b.text(sealed.record_hash);
    b.text(compliance::canonical_line(sealed));
    q.executeUpdate();
    auto& erase = db_.cached(erase_open_, "DELETE FROM open_attempts WHERE attempt_id = ?");
    erase.setString(1, sealed.attempt_id);
    erase.executeUpdate();
    tx.commit();
    return ok_status();
  });
}

Result<std::vector<compliance::CallRecord>> MysqlCallRecordRepository::open_attempts() {
  using Out = Result<std::vector<compliance::CallRecord>>;
  const std::string ctx = "call records: open attempts";
  return db_.guarded(ctx, [&]() -> Out {
    auto& q = db_.cached(open_, "SELECT body FROM open_attempts ORDER BY attempt_id");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<compliance::CallRecord> out;
    while (rs->next()) {
      auto r = parse_body(*rs, ctx);
      if (!r) return r.error();
      out.push_back(std::move(*r));
    }
    return out;
  });
}

Result<std::optional<compliance::ChainHead>> MysqlCallRecordRepository::chain_head(
    const std::string& log_id) {
  using Out = Result<std::optional<compliance::ChainHead>>;
  return db_.guarded("call records: chain head " + log_id, [&]() -> Out {
    auto& q = db_.cached(head_,
                         "SELECT seq, record_hash, sealed_at FROM call_records WHERE log_id = ? "
                         "ORDER BY seq DESC LIMIT 1");
    q.setString(1, log_id);
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::optional<compliance::ChainHead> out;
    if (rs->next()) {
      out = compliance::ChainHead{rs->getInt64(1), rs->getString(2), from_unix_ms(rs->getInt64(3))};
    }
    return out;
  });
}

Result<std::vector<std::string>> MysqlCallRecordRepository::log_ids() {
  using Out = Result<std::vector<std::string>>;
  return db_.guarded("call records: log ids", [&]() -> Out {
    auto& q = db_.cached(log_ids_, "SELECT DISTINCT log_id FROM call_records ORDER BY log_id");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<std::string> out;
    while (rs->next()) out.push_back(rs->getString(1));
    return out;
  });
}

// A fresh statement per walk: the visitor may call back into this repository.
Status MysqlCallRecordRepository::for_each_sealed(
    const compliance::RecordRange& range,
    const std::function<Status(const compliance::CallRecord&)>& visit) {
  const std::string ctx = "call records: scan";
  return db_.guarded(ctx, [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        range.log_id ? "SELECT body FROM call_records WHERE log_id = ? AND sealed_at >= ? AND "
                       "sealed_at < ? ORDER BY log_id, seq"
                     : "SELECT body FROM call_records WHERE sealed_at >= ? AND sealed_at < ? "
                       "ORDER BY log_id, seq"));
    MysqlBinder b{*q};
    if (range.log_id) b.text(*range.log_id);
    b.int64(to_unix_ms(range.from));
    b.int64(to_unix_ms(range.to));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      auto r = parse_body(*rs, ctx);
      if (!r) return r.error();
      if (auto s = visit(*r); !s) return s;
    }
    return ok_status();
  });
}

Status MysqlCallRecordRepository::append_checkpoint(const compliance::Checkpoint& c) {
  return db_.guarded(
      "call records: checkpoint " + c.log_id + " seq " + std::to_string(c.seq), [&]() -> Status {
        auto& q = db_.cached(put_checkpoint_,
                             "INSERT INTO record_checkpoints (log_id, seq, head_hash, "
                             "record_count, at_ms, signature) VALUES (?, ?, ?, ?, ?, ?)");
        MysqlBinder b{q};
        b.text(c.log_id);
        b.int64(c.seq);
        b.text(c.head_hash);
        b.int64(c.count);
        b.int64(to_unix_ms(c.at));
        b.text(c.signature);
        q.executeUpdate();
        return ok_status();
      });
}

Result<std::vector<compliance::Checkpoint>> MysqlCallRecordRepository::checkpoints(
    const std::string& log_id, std::int64_t first_seq, std::int64_t last_seq) {
  using Out = Result<std::vector<compliance::Checkpoint>>;
  return db_.guarded("call records: checkpoints " + log_id, [&]() -> Out {
    auto& q = db_.cached(checkpoints_,
                         "SELECT seq, head_hash, record_count, at_ms, signature FROM "
                         "record_checkpoints WHERE log_id = ? AND seq >= ? AND seq <= ? "
                         "ORDER BY seq");
    MysqlBinder b{q};
    b.text(log_id);
    b.int64(first_seq);
    b.int64(last_seq);
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<compliance::Checkpoint> out;
    while (rs->next()) {
      compliance::Checkpoint c;
      c.log_id = log_id;
      c.seq = rs->getInt64(1);
      c.head_hash = rs->getString(2);
      c.count = rs->getInt64(3);
      c.at = from_unix_ms(rs->getInt64(4));
      c.signature = rs->getString(5);
      out.push_back(std::move(c));
    }
    return out;
  });
}

}  // namespace dialer::storage_detail
