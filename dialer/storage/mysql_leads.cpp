// LeadRepository on MySQL/MariaDB.
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {
namespace {

const std::string kSelectLead = "SELECT id, " + std::string(kLeadColumns) + " FROM leads ";

// "INSERT ... VALUES (?, ...), (?, ...)" with `rows` groups of placeholders; no values.
std::string multi_row_insert(std::size_t rows) {
  const std::string group = lead_placeholders();
  std::string sql = "INSERT INTO leads (" + std::string(kLeadColumns) + ") VALUES ";
  sql.reserve(sql.size() + rows * (group.size() + 2));
  for (std::size_t i = 0; i < rows; ++i) {
    if (i > 0) sql += ", ";
    sql += group;
  }
  return sql;
}

}  // namespace

std::optional<LeadListRecord> MysqlLeadRepository::find_list(CampaignId campaign,
                                                             const std::string& name) {
  auto& q = db_.cached(find_list_,
                       "SELECT id, tenant FROM lead_lists WHERE campaign_id = ? AND name = ?");
  q.setInt64(1, campaign.value());
  q.setString(2, name);
  std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
  if (!rs->next()) return std::nullopt;
  return LeadListRecord{ListId{rs->getInt64(1)}, rs->getString(2), campaign, name};
}

Result<LeadListRecord> MysqlLeadRepository::ensure_list(const std::string& tenant,
                                                        CampaignId campaign,
                                                        const std::string& name) {
  return db_.guarded("leads: ensure list '" + name + "'", [&]() -> Result<LeadListRecord> {
    if (auto found = find_list(campaign, name)) return *found;
    {
      MysqlTransaction tx(db_.conn());
      ensure_tenant(db_, tenant_, tenant);
      // A concurrent creator wins harmlessly: the duplicate is ignored and both read its id.
      auto& q = db_.cached(insert_list_,
                           "INSERT INTO lead_lists (tenant, campaign_id, name) VALUES (?, ?, ?) "
                           "ON DUPLICATE KEY UPDATE name = name");
      q.setString(1, tenant);
      q.setInt64(2, campaign.value());
      q.setString(3, name);
      q.executeUpdate();
      tx.commit();
    }
    if (auto found = find_list(campaign, name)) return *found;
    return Error{ErrorCode::internal, "list vanished after insert"};
  });
}

Status MysqlLeadRepository::for_each_phone(CampaignId campaign,
                                           const std::function<void(std::string_view)>& visit) {
  const std::string ctx = "leads: phones of campaign " + std::to_string(campaign.value());
  return db_.guarded(ctx, [&]() -> Status {
    // Keyset chunks: Connector buffers a whole result set client-side, so memory stays bounded
    // by the chunk, not the campaign.
    auto& q = db_.cached(phones_,
                         "SELECT id, phone FROM leads WHERE campaign_id = ? AND id > ? "
                         "ORDER BY id LIMIT ?");
    std::int64_t after = 0;
    while (true) {
      q.setInt64(1, campaign.value());
      q.setInt64(2, after);
      q.setInt64(3, static_cast<std::int64_t>(kPhonesPerChunk));
      std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
      std::size_t rows = 0;
      while (rs->next()) {
        after = rs->getInt64(1);
        const sql::SQLString phone = rs->getString(2);
        visit(static_cast<const std::string&>(phone));
        ++rows;
      }
      if (rows < kPhonesPerChunk) return ok_status();
    }
  });
}

sql::PreparedStatement& MysqlLeadRepository::insert_statement(std::size_t rows) {
  if (rows == kRowsPerInsert) return db_.cached(insert_full_, multi_row_insert(rows));
  if (insert_rest_rows_ != rows) {  // keep one remainder statement: batch sizes rarely vary
    insert_rest_.reset();
    insert_rest_rows_ = rows;
  }
  return db_.cached(insert_rest_, multi_row_insert(rows));
}

void MysqlLeadRepository::insert_rows(std::span<const Lead> leads) {
  const std::string* last_tenant = nullptr;
  for (const Lead& lead : leads) {
    if (last_tenant == nullptr || *last_tenant != lead.tenant) {
      ensure_tenant(db_, tenant_, lead.tenant);
      last_tenant = &lead.tenant;
    }
  }
  for (std::size_t start = 0; start < leads.size(); start += kRowsPerInsert) {
    const auto chunk = leads.subspan(start, std::min(kRowsPerInsert, leads.size() - start));
    auto& q = insert_statement(chunk.size());
    MysqlBinder b{q};
    for (const Lead& lead : chunk) bind_lead(b, lead, json_);
    q.executeUpdate();
  }
}

Status MysqlLeadRepository::insert_batch(std::span<const Lead> leads) {
  if (leads.empty()) return ok_status();
  return db_.guarded("leads: insert batch failed", [&]() -> Status {
    MysqlTransaction tx(db_.conn());  // rolls back on any exception: all rows or none
    insert_rows(leads);
    tx.commit();
    return ok_status();
  });
}

Result<std::int64_t> MysqlLeadRepository::count(CampaignId campaign) {
  const std::string ctx = "leads: count campaign " + std::to_string(campaign.value());
  return db_.guarded(ctx, [&]() -> Result<std::int64_t> {
    auto& q = db_.cached(count_, "SELECT COUNT(*) FROM leads WHERE campaign_id = ?");
    q.setInt64(1, campaign.value());
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    return rs->next() ? rs->getInt64(1) : 0;
  });
}

Result<std::vector<Lead>> MysqlLeadRepository::page(CampaignId campaign, LeadId after,
                                                    std::size_t limit) {
  const std::string ctx = "leads: page of campaign " + std::to_string(campaign.value());
  return db_.guarded(ctx, [&]() -> Result<std::vector<Lead>> {
    auto& q =
        db_.cached(page_, kSelectLead + "WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?");
    q.setInt64(1, campaign.value());
    q.setInt64(2, after.value());
    q.setInt64(3, static_cast<std::int64_t>(limit));
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    std::vector<Lead> out;
    MysqlRow row{*rs};
    while (rs->next()) {
      auto lead = read_lead(row);
      if (!lead) return lead.error().with_context(ctx);
      out.push_back(std::move(*lead));
    }
    return out;
  });
}

Result<std::optional<Lead>> MysqlLeadRepository::find(LeadId id) {
  const std::string ctx = "leads: find " + std::to_string(id.value());
  return db_.guarded(ctx, [&]() -> Result<std::optional<Lead>> {
    auto& q = db_.cached(find_, kSelectLead + "WHERE id = ?");
    q.setInt64(1, id.value());
    std::unique_ptr<sql::ResultSet> rs(q.executeQuery());
    if (!rs->next()) return std::optional<Lead>{};
    MysqlRow row{*rs};
    auto lead = read_lead(row);
    if (!lead) return lead.error().with_context(ctx);
    return std::optional<Lead>{std::move(*lead)};
  });
}

Status MysqlLeadRepository::update_status(LeadId id, LeadState status, std::int32_t attempts,
                                          std::optional<TimePoint> next_attempt_at) {
  const std::string ctx = "leads: update status of " + std::to_string(id.value());
  return db_.guarded(ctx, [&]() -> Status {
    auto& q = db_.cached(update_,
                         "UPDATE leads SET status = ?, attempts = ?, next_attempt_at = ? "
                         "WHERE id = ?");
    MysqlBinder b{q};
    b.text(to_string(status));
    b.int64(attempts);
    if (next_attempt_at) {
      b.int64(to_unix_ms(*next_attempt_at));
    } else {
      b.null();
    }
    b.int64(id.value());
    if (q.executeUpdate() > 0) return ok_status();
    // MySQL counts changed rows, not matched ones: an unchanged row also reports 0.
    auto& e = db_.cached(exists_, "SELECT 1 FROM leads WHERE id = ?");
    e.setInt64(1, id.value());
    std::unique_ptr<sql::ResultSet> rs(e.executeQuery());
    if (rs->next()) return ok_status();
    return Error{ErrorCode::not_found, ctx + ": no such lead"};
  });
}

}  // namespace dialer::storage_detail
