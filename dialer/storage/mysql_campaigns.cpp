// CampaignRepository on MySQL/MariaDB.
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {

void ensure_tenant(MysqlSession& db, MysqlStatement& slot, const std::string& tenant) {
  auto& q =
      db.cached(slot, "INSERT INTO tenants (slug) VALUES (?) ON DUPLICATE KEY UPDATE slug = slug");
  q.setString(1, tenant);
  q.executeUpdate();
}

namespace {

DialMode read_dial_mode(const sql::ResultSet& rs, std::uint32_t column) {
  const std::string text = rs.getString(column);
  const auto mode = dial_mode_from_string(text);
  if (!mode) throw std::runtime_error("unknown dial_mode '" + text + "'");
  return *mode;
}

}  // namespace

Status MysqlCampaignRepository::upsert(const CampaignRecord& campaign) {
  return db_.guarded("campaigns: upsert " + std::to_string(campaign.id.value()), [&]() -> Status {
    MysqlTransaction tx(db_.conn());
    ensure_tenant(db_, tenant_, campaign.tenant);
    auto& q = db_.cached(upsert_,
                         "INSERT INTO campaigns (id, tenant, name, dial_mode, definition, "
                         "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                         "tenant = VALUES(tenant), name = VALUES(name), "
                         "dial_mode = VALUES(dial_mode), definition = VALUES(definition), "
                         "updated_at = VALUES(updated_at)");
    MysqlBinder b{q};
    b.int64(campaign.id.value());
    b.text(campaign.tenant);
    b.text(campaign.name);
    b.text(to_string(campaign.dial_mode));
    b.text(campaign.definition);
    b.int64(to_unix_ms(campaign.updated_at));
    q.executeUpdate();
    tx.commit();
    return ok_status();
  });
}

Result<std::optional<CampaignRecord>> MysqlCampaignRepository::find(CampaignId id) {
  using Out = Result<std::optional<CampaignRecord>>;
  return db_.guarded("campaigns: find " + std::to_string(id.value()), [&]() -> Out {
    auto& q = db_.cached(find_,
                         "SELECT id, tenant, name, dial_mode, definition, updated_at "
                         "FROM campaigns WHERE id = ?");
    q.setInt64(1, id.value());
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::optional<CampaignRecord> out;
    if (rs->next()) {
      out = CampaignRecord{
          CampaignId{rs->getInt64(1)}, rs->getString(2), rs->getString(3),
          read_dial_mode(*rs, 4),      rs->getString(5), from_unix_ms(rs->getInt64(6))};
    }
    return out;
  });
}

Result<std::vector<CampaignSummary>> MysqlCampaignRepository::list() {
  using Out = Result<std::vector<CampaignSummary>>;
  return db_.guarded("campaigns: list", [&]() -> Out {
    auto& q = db_.cached(list_,
                         "SELECT c.id, c.tenant, c.name, c.dial_mode, "
                         "(SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id) "
                         "FROM campaigns c ORDER BY c.id");
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<CampaignSummary> out;
    while (rs->next()) {
      out.push_back(CampaignSummary{CampaignId{rs->getInt64(1)}, rs->getString(2), rs->getString(3),
                                    read_dial_mode(*rs, 4), rs->getInt64(5)});
    }
    return out;
  });
}

}  // namespace dialer::storage_detail
