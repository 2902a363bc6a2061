// ConsentRepository on SQLite: plain columns, replayed in insertion order.
#include "dialer/storage/compliance_codec.h"
#include "dialer/storage/sqlite_repositories.h"

namespace dialer::storage_detail {

Status SqliteConsentRepository::append_consent(const compliance::ConsentEvent& c) {
  const std::string ctx = "consents: append " + c.consent_id;
  auto stmt = cached(db_, consent_,
                     "INSERT INTO consents (consent_id, number, consent_type, captured_at, "
                     "source) VALUES (?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.text(c.consent_id);
  q.int64(static_cast<std::int64_t>(c.number));
  q.text(compliance::to_string(c.type));
  q.int64(to_unix_ms(c.captured_at));
  q.text(c.source);
  return q.run(ctx + ": insert failed");
}

Status SqliteConsentRepository::append_revocation(const compliance::RevocationEvent& r) {
  const std::string ctx = "consents: append revocation";
  auto stmt = cached(db_, revocation_,
                     "INSERT INTO revocations (number, at_ms, channel, wording, scope, "
                     "campaign_id) VALUES (?, ?, ?, ?, ?, ?)",
                     ctx);
  if (!stmt) return stmt.error();
  SqliteStatement& q = **stmt;
  q.int64(static_cast<std::int64_t>(r.number));
  q.int64(to_unix_ms(r.at));
  q.text(r.channel);
  q.text(r.wording);
  q.text(scope_text(r.scope));
  q.int64(r.campaign.value());
  return q.run(ctx + ": insert failed");
}

Status SqliteConsentRepository::for_each_consent(
    const std::function<void(const compliance::ConsentEvent&)>& visit) {
  const std::string ctx = "consents: load";
  auto stmt = db_.prepare(
      "SELECT consent_id, number, consent_type, captured_at, source FROM consents ORDER BY id",
      ctx);
  if (!stmt) return stmt.error();
  while (true) {
    auto row = stmt->step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto type = consent_type_from_text(stmt->column_view(2));
    if (!type) return Error{ErrorCode::internal, ctx + ": unknown consent_type"};
    visit(compliance::ConsentEvent{stmt->column_text(0),
                                   static_cast<compliance::PhoneKey>(stmt->column_int64(1)), *type,
                                   from_unix_ms(stmt->column_int64(3)), stmt->column_text(4)});
  }
  return ok_status();
}

Status SqliteConsentRepository::for_each_revocation(
    const std::function<void(const compliance::RevocationEvent&)>& visit) {
  const std::string ctx = "consents: load revocations";
  auto stmt = db_.prepare(
      "SELECT number, at_ms, channel, wording, scope, campaign_id FROM revocations ORDER BY id",
      ctx);
  if (!stmt) return stmt.error();
  while (true) {
    auto row = stmt->step(ctx);
    if (!row) return row.error();
    if (!*row) break;
    auto scope = scope_from_text(stmt->column_view(4));
    if (!scope) return Error{ErrorCode::internal, ctx + ": unknown scope"};
    visit(compliance::RevocationEvent{static_cast<compliance::PhoneKey>(stmt->column_int64(0)),
                                      from_unix_ms(stmt->column_int64(1)), stmt->column_text(2),
                                      stmt->column_text(3), *scope,
                                      CampaignId{stmt->column_int64(5)}});
  }
  return ok_status();
}

}  // namespace dialer::storage_detail
