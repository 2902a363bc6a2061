// ConsentRepository on MySQL/MariaDB: plain columns, replayed in insertion order.
#include "dialer/storage/compliance_codec.h"
#include "dialer/storage/mysql_repositories.h"

namespace dialer::storage_detail {

Status MysqlConsentRepository::append_consent(const compliance::ConsentEvent& c) {
  return db_.guarded("consents: append " + c.consent_id, [&]() -> Status {
    auto& q = db_.cached(consent_,
                         "INSERT INTO consents (consent_id, number, consent_type, captured_at, "
                         "source) VALUES (?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.text(c.consent_id);
    b.int64(static_cast<std::int64_t>(c.number));
    b.text(compliance::to_string(c.type));
    b.int64(to_unix_ms(c.captured_at));
    b.text(c.source);
    q.executeUpdate();
    return ok_status();
  });
}

Status MysqlConsentRepository::append_revocation(const compliance::RevocationEvent& r) {
  return db_.guarded("consents: append revocation", [&]() -> Status {
    auto& q = db_.cached(revocation_,
                         "INSERT INTO revocations (number, at_ms, channel, wording, scope, "
                         "campaign_id) VALUES (?, ?, ?, ?, ?, ?)");
    MysqlBinder b{q};
    b.int64(static_cast<std::int64_t>(r.number));
    b.int64(to_unix_ms(r.at));
    b.text(r.channel);
    b.text(r.wording);
    b.text(scope_text(r.scope));
    b.int64(r.campaign.value());
    q.executeUpdate();
    return ok_status();
  });
}

Status MysqlConsentRepository::for_each_consent(
    const std::function<void(const compliance::ConsentEvent&)>& visit) {
  const std::string ctx = "consents: load";
  return db_.guarded(ctx, [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        "SELECT consent_id, number, consent_type, captured_at, source FROM consents ORDER BY id"));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      const std::string type_text = rs->getString(3);
      auto type = consent_type_from_text(type_text);
      if (!type) return Error{ErrorCode::internal, ctx + ": unknown consent_type"};
      visit(compliance::ConsentEvent{rs->getString(1),
                                     static_cast<compliance::PhoneKey>(rs->getInt64(2)), *type,
                                     from_unix_ms(rs->getInt64(4)), rs->getString(5)});
    }
    return ok_status();
  });
}

Status MysqlConsentRepository::for_each_revocation(
    const std::function<void(const compliance::RevocationEvent&)>& visit) {
  const std::string ctx = "consents: load revocations";
  return db_.guarded(ctx, [&]() -> Status {
    std::unique_ptr<sql::PreparedStatement> q(db_.conn().prepareStatement(
        "SELECT number, at_ms, channel, wording, scope, campaign_id FROM revocations "
        "ORDER BY id"));
    std::unique_ptr<sql::ResultSet> rs(q->executeQuery());
    while (rs->next()) {
      const std::string scope_col = rs->getString(5);
      auto scope = scope_from_text(scope_col);
      if (!scope) return Error{ErrorCode::internal, ctx + ": unknown scope"};
      visit(compliance::RevocationEvent{static_cast<compliance::PhoneKey>(rs->getInt64(1)),
                                        from_unix_ms(rs->getInt64(2)), rs->getString(3),
                                        rs->getString(4), *scope, CampaignId{rs->getInt64(6)}});
    }
    return ok_status();
  });
}

}  // namespace dialer::storage_detail
