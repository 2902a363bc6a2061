// LeadRepository on SQLite: one transaction per batch, one reused prepared INSERT.
#include "dialer/storage/lead_codec.h"
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {
namespace {

const std::string kSelectLead = "SELECT id, " + std::string(kLeadColumns) + " FROM leads ";

}  // namespace

Result<std::optional<LeadListRecord>> SqliteLeadRepository::find_list(CampaignId campaign,
                                                                      const std::string& name) {
  const std::string ctx = "leads: find list '" + name + "'";
  auto stmt = cached(db_, find_list_,
                     "SELECT id, tenant FROM lead_lists WHERE campaign_id = ? AND name = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(campaign.value());
  q.text(name);
  auto row = q.step(ctx);
  if (!row) return row.error();
  std::optional<LeadListRecord> out;
  if (*row) out = LeadListRecord{ListId{q.column_int64(0)}, q.column_text(1), campaign, name};
  q.reset();
  return out;
}

Result<LeadListRecord> SqliteLeadRepository::ensure_list(const std::string& tenant,
                                                         CampaignId campaign,
                                                         const std::string& name) {
  auto existing = find_list(campaign, name);
  if (!existing) return existing.error();
  if (*existing) return **existing;
  const std::string ctx = "leads: create list '" + name + "'";
  SqliteTransaction tx(db_);
  if (auto s = tx.begin(ctx); !s) return s.error();
  if (auto s = ensure_tenant(db_, tenant_, tenant, ctx); !s) return s.error();
  // Another process may have created it since the lookup: the duplicate is ignored and the
  // list read back, as on MariaDB.
  auto stmt = cached(db_, insert_list_,
                     "INSERT INTO lead_lists (tenant, campaign_id, name) VALUES (?, ?, ?) "
                     "ON CONFLICT (campaign_id, name) DO NOTHING",
                     ctx);
  if (!stmt) return stmt.error();
  (*stmt)->text(tenant);
  (*stmt)->int64(campaign.value());
  (*stmt)->text(name);
  if (auto s = (*stmt)->run(ctx + ": insert failed"); !s) return s.error();
  if (auto s = tx.commit(ctx); !s) return s.error();
  auto created = find_list(campaign, name);
  if (!created) return created.error();
  if (!*created) return Error{ErrorCode::internal, ctx + ": list vanished after insert"};
  return **created;
}

Status SqliteLeadRepository::for_each_phone(CampaignId campaign,
                                            const std::function<void(std::string_view)>& visit) {
  const std::string ctx = "leads: phones of campaign " + std::to_string(campaign.value());
  auto stmt = cached(db_, phones_, "SELECT phone FROM leads WHERE campaign_id = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(campaign.value());
  // Rows stream straight from the cursor; nothing is collected.
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    visit(q.column_view(0));
  }
  q.reset();
  return ok_status();
}

Status SqliteLeadRepository::insert_rows(std::span<const Lead> leads) {
  const std::string ctx = "leads: insert batch failed";
  const std::string* last_tenant = nullptr;
  for (const Lead& lead : leads) {
    if (last_tenant == nullptr || *last_tenant != lead.tenant) {
      if (auto s = ensure_tenant(db_, tenant_, lead.tenant, ctx); !s) return s;
      last_tenant = &lead.tenant;
    }
  }
  auto stmt = cached(
      db_, insert_,
      "INSERT INTO leads (" + std::string(kLeadColumns) + ") VALUES " + lead_placeholders(), ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  for (const Lead& lead : leads) {
    bind_lead(q, lead, json_);
    if (auto s = q.run(ctx); !s) return s;
  }
  return ok_status();
}

Status SqliteLeadRepository::insert_batch(std::span<const Lead> leads) {
  if (leads.empty()) return ok_status();
  const std::string ctx = "leads: insert batch failed";
  SqliteTransaction tx(db_);
  if (auto s = tx.begin(ctx); !s) return s;
  if (auto s = insert_rows(leads); !s) return s;  // the transaction rolls back on return
  return tx.commit(ctx);
}

Result<std::int64_t> SqliteLeadRepository::count(CampaignId campaign) {
  const std::string ctx = "leads: count campaign " + std::to_string(campaign.value());
  auto stmt = cached(db_, count_, "SELECT COUNT(*) FROM leads WHERE campaign_id = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(campaign.value());
  auto row = q.step(ctx);
  if (!row) return row.error();
  const std::int64_t n = *row ? q.column_int64(0) : 0;
  q.reset();
  return n;
}

Result<std::vector<Lead>> SqliteLeadRepository::page(CampaignId campaign, LeadId after,
                                                     std::size_t limit) {
  const std::string ctx = "leads: page of campaign " + std::to_string(campaign.value());
  auto stmt =
      cached(db_, page_, kSelectLead + "WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(campaign.value());
  q.int64(after.value());
  q.int64(static_cast<std::int64_t>(limit));
  std::vector<Lead> out;
  while (true) {
    auto row = q.step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto lead = read_lead(SqliteRow{q});
    if (!lead) {
      q.reset();
      return lead.error().with_context(ctx);
    }
    out.push_back(std::move(*lead));
  }
  q.reset();
  return out;
}

Result<std::optional<Lead>> SqliteLeadRepository::find(LeadId id) {
  const std::string ctx = "leads: find " + std::to_string(id.value());
  auto stmt = cached(db_, find_, kSelectLead + "WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(id.value());
  auto row = q.step(ctx);
  if (!row) return row.error();
  std::optional<Lead> out;
  if (*row) {
    auto lead = read_lead(SqliteRow{q});
    if (!lead) {
      q.reset();
      return lead.error().with_context(ctx);
    }
    out = std::move(*lead);
  }
  q.reset();
  return out;
}

Status SqliteLeadRepository::update_status(LeadId id, LeadState status, std::int32_t attempts,
                                           std::optional<TimePoint> next_attempt_at) {
  const std::string ctx = "leads: update status of " + std::to_string(id.value());
  auto stmt =
      cached(db_, update_,
             "UPDATE leads SET status = ?, attempts = ?, next_attempt_at = ? WHERE id = ?", ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(to_string(status));
  q.int64(attempts);
  if (next_attempt_at) {
    q.int64(to_unix_ms(*next_attempt_at));
  } else {
    q.null();
  }
  q.int64(id.value());
  if (auto s = q.run(ctx + ": write failed"); !s) return s;
  if (db_.changes() == 0) return Error{ErrorCode::not_found, ctx + ": no such lead"};
  return ok_status();
}

}  // namespace dialer::storage_detail
