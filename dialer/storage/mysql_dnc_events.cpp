// DncRepository on MySQL/MariaDB; same layout as SQLite. append_event locks the chain's last
// row so that two writers racing for one seq serialise; the primary key backs it up.
#include "compliance/dnc_event.h"
#include "compliance/e164.h"
#include "dialer/storage/compliance_codec.h"
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {

Status MysqlDncRepository::append_event(const compliance::DncEvent& e) {
  const std::string ctx = "dnc events: append seq " + std::to_string(e.seq);
  return db_.guarded(ctx, [&]() -> Status {
    MysqlTransaction tx(db_.conn());
    auto& last =
        db_.cached(last_seq_, "SELECT seq FROM dnc_events ORDER BY seq DESC LIMIT 1 FOR UPDATE");
    std::int64_t head = 0;
    {
      std::unique_ptr<sql::ResultSet> rs(last.executeQuery());
      if (rs->next()) head = rs->getInt64(1);
    }
    if (e.seq != head + 1) {
      return Error{ErrorCode::conflict,
                   ctx + ": the chain's next seq is " + std::to_string(head + 1)};
    }
    auto& q = db_.cached(insert_,
                         "INSERT INTO dnc_events (seq, received_at, number, campaign_id, "
                         "record_hash, body) VALUES (?, ?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.int64(e.seq);
    b.int64(to_unix_ms(e.received_at));
    b.text(e.number);
    if (e.campaign_id) {
      b.text(*e.campaign_id);
    } else {
      q.setNull(b.index++, sql::DataType::VARCHAR);
    }
    b.text(e.record_hash);
    b.text(compliance::canonical_line(e));
    q.executeUpdate();
    tx.commit();
    return ok_status();
  });
}

Result<std::optional<compliance::ChainHead>> MysqlDncRepository::head() {
  using Out = Result<std::optional<compliance::ChainHead>>;
  return db_.guarded("dnc events: head", [&]() -> Out {
    auto& q = db_.cached(
        head_, "SELECT seq, record_hash, received_at FROM dnc_events ORDER BY seq DESC LIMIT 1");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::optional<compliance::ChainHead> out;
    if (rs->next()) {
      out = compliance::ChainHead{rs->getInt64(1), rs->getString(2), from_unix_ms(rs->getInt64(3))};
    }
    return out;
  });
}

Status MysqlDncRepository::for_each_event(
    TimePoint from, TimePoint to, const std::function<Status(const compliance::DncEvent&)>& visit) {
  const std::string ctx = "dnc events: scan";
  return db_.guarded(ctx, [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        "SELECT body FROM dnc_events WHERE received_at >= ? AND received_at < ? ORDER BY seq"));
    q->setInt64(1, to_unix_ms(from));
    q->setInt64(2, to_unix_ms(to));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      const std::string body = rs->getString(1);
      auto e = compliance::parse_dnc_event_line(body);
      if (!e) {
        return Error{ErrorCode::internal, ctx + ": stored event unreadable: " + e.error().message};
      }
      if (auto s = visit(*e); !s) return s;
    }
    return ok_status();
  });
}

Status MysqlDncRepository::for_each_internal(
    const std::function<void(compliance::PhoneKey)>& visit) {
  return db_.guarded("dnc events: internal list", [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        "SELECT number FROM dnc_events WHERE campaign_id IS NULL ORDER BY seq"));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      const std::string number = rs->getString(1);
      if (auto key = compliance::parse_e164(number)) visit(*key);
    }
    return ok_status();
  });
}

Status MysqlDncRepository::for_each_campaign_entry(
    const std::function<void(CampaignId, compliance::PhoneKey)>& visit) {
  return db_.guarded("dnc events: campaign lists", [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        "SELECT campaign_id, number FROM dnc_events WHERE campaign_id IS NOT NULL ORDER BY seq"));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      const std::string campaign_text = rs->getString(1);
      const std::string number = rs->getString(2);
      auto campaign = dnc_campaign(campaign_text);
      auto key = compliance::parse_e164(number);
      if (campaign && key) visit(*campaign, *key);
    }
    return ok_status();
  });
}

Status MysqlDncRepository::append_checkpoint(const compliance::Checkpoint& c) {
  return db_.guarded("dnc events: checkpoint seq " + std::to_string(c.seq), [&]() -> Status {
    auto& q = db_.cached(put_checkpoint_,
                         "INSERT INTO dnc_checkpoints (seq, head_hash, record_count, at_ms, "
                         "signature) VALUES (?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.int64(c.seq);
    b.text(c.head_hash);
    b.int64(c.count);
    b.int64(to_unix_ms(c.at));
    b.text(c.signature);
    q.executeUpdate();
    return ok_status();
  });
}

Result<std::vector<compliance::Checkpoint>> MysqlDncRepository::checkpoints(std::int64_t first_seq,
                                                                            std::int64_t last_seq) {
  using Out = Result<std::vector<compliance::Checkpoint>>;
  return db_.guarded("dnc events: checkpoints", [&]() -> Out {
    auto& q = db_.cached(checkpoints_,
                         "SELECT seq, head_hash, record_count, at_ms, signature FROM "
                         "dnc_checkpoints WHERE seq >= ? AND seq <= ? ORDER BY seq");
    q.setInt64(1, first_seq);
    q.setInt64(2, last_seq);
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<compliance::Checkpoint> out;
    while (rs->next()) {
      compliance::Checkpoint c;
      c.log_id = compliance::kDncLogId;
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
