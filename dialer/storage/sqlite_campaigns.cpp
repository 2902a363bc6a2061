// CampaignRepository on SQLite.
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {

Result<SqliteStatement*> cached(SqliteConnection& db, SqliteStatement& slot, std::string_view sql,
                                const std::string& context) {
  if (!slot.prepared()) {
    auto stmt = db.prepare(sql, context + ": prepare failed");
    if (!stmt) return stmt.error();
    slot = std::move(*stmt);
  }
  return &slot;
}

Status ensure_tenant(SqliteConnection& db, SqliteStatement& slot, const std::string& tenant,
                     const std::string& context) {
  auto stmt = cached(db, slot, "INSERT OR IGNORE INTO tenants (slug) VALUES (?)", context);
  if (!stmt) return stmt.error();
  (*stmt)->text(tenant);
  return (*stmt)->run(context + ": tenant insert failed");
}

namespace {

Result<DialMode> read_dial_mode(const SqliteStatement& row, int column) {
  const std::string text = row.column_text(column);
  const auto mode = dial_mode_from_string(text);
  if (!mode) return Error{ErrorCode::internal, "campaigns: unknown dial_mode '" + text + "'"};
  return *mode;
}

}  // namespace

Status SqliteCampaignRepository::upsert(const CampaignRecord& campaign) {
  const std::string ctx = "campaigns: upsert " + std::to_string(campaign.id.value());
  SqliteTransaction tx(db_);
  if (auto s = tx.begin(ctx); !s) return s;
  if (auto s = ensure_tenant(db_, tenant_, campaign.tenant, ctx); !s) return s;
  auto stmt = cached(db_, upsert_,
                     "INSERT INTO campaigns (id, tenant, name, dial_mode, definition, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                     "tenant = excluded.tenant, name = excluded.name, "
                     "dial_mode = excluded.dial_mode, definition = excluded.definition, "
                     "updated_at = excluded.updated_at",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(campaign.id.value());
  q.text(campaign.tenant);
  q.text(campaign.name);
  q.text(to_string(campaign.dial_mode));
  q.text(campaign.definition);
  q.int64(to_unix_ms(campaign.updated_at));
  if (auto s = q.run(ctx + ": write failed"); !s) return s;
  return tx.commit(ctx);
}

Result<std::optional<CampaignRecord>> SqliteCampaignRepository::find(CampaignId id) {
  const std::string ctx = "campaigns: find " + std::to_string(id.value());
  auto stmt = cached(db_, find_,
                     "SELECT id, tenant, name, dial_mode, definition, updated_at "
                     "FROM campaigns WHERE id = ?",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(id.value());
  auto row = q.step(ctx);
  if (!row) return row.error();
  std::optional<CampaignRecord> out;
  if (*row) {
    auto mode = read_dial_mode(q, 3);
    if (!mode) {
      q.reset();
      return mode.error();
    }
    out = CampaignRecord{
        CampaignId{q.column_int64(0)},  q.column_text(1), q.column_text(2), *mode, q.column_text(4),
        from_unix_ms(q.column_int64(5))};
  }
  q.reset();
  return out;
}

Result<std::vector<CampaignSummary>> SqliteCampaignRepository::list() {
  const std::string ctx = "campaigns: list";
  auto stmt = cached(db_, list_,
                     "SELECT c.id, c.tenant, c.name, c.dial_mode, "
                     "(SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id) "
                     "FROM campaigns c ORDER BY c.id",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  std::vector<CampaignSummary> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto mode = read_dial_mode(q, 3);
    if (!mode) {
      q.reset();
      return mode.error();
    }
    out.push_back(CampaignSummary{CampaignId{q.column_int64(0)}, q.column_text(1), q.column_text(2),
                                  *mode, q.column_int64(4)});
  }
  q.reset();
  return out;
}

}  // namespace dialer::storage_detail
