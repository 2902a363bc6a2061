// Database URL parsing and password redaction (no database needed).
#include <gtest/gtest.h>

#include "dialer/storage/database.h"

namespace dialer {
namespace {

TEST(DatabaseUrlTest, SqliteUrlNamesAFile) {
  auto url = parse_database_url("sqlite:/var/lib/dialer/dialer.db");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->kind, DatabaseUrl::Kind::sqlite);
  EXPECT_EQ(url->path, "/var/lib/dialer/dialer.db");
  auto relative = parse_database_url("sqlite:dialer.db");
  ASSERT_TRUE(relative.ok());
  EXPECT_EQ(relative->path, "dialer.db");
}

TEST(DatabaseUrlTest, DefaultIsALocalSqliteFile) {
  EXPECT_EQ(default_database_url(), "sqlite:dialer.db");
  auto url = parse_database_url(default_database_url());
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->kind, DatabaseUrl::Kind::sqlite);
}

TEST(DatabaseUrlTest, MysqlUrlHasEveryPart) {
  auto url = parse_database_url("mysql://dialer:pw@127.0.0.1:33306/dialer_prod");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->kind, DatabaseUrl::Kind::mysql);
  EXPECT_EQ(url->user, "dialer");
  EXPECT_EQ(url->password, "pw");
  EXPECT_EQ(url->host, "127.0.0.1");
  EXPECT_EQ(url->port, 33306);
  EXPECT_EQ(url->database, "dialer_prod");
}

TEST(DatabaseUrlTest, MysqlPortDefaultsTo3306AndPasswordIsOptional) {
  auto url = parse_database_url("mariadb://reader@db.local/crm");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->kind, DatabaseUrl::Kind::mysql);
  EXPECT_EQ(url->user, "reader");
  EXPECT_EQ(url->password, "");
  EXPECT_EQ(url->host, "db.local");
  EXPECT_EQ(url->port, 3306);
}

TEST(DatabaseUrlTest, PasswordMayBePercentEncodedOrHoldAnAt) {
  auto encoded = parse_database_url("mysql://u:p%40ss%3Aw%2Fd@127.0.0.1:1/db");
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  EXPECT_EQ(encoded->password, "p@ss:w/d");
  auto raw = parse_database_url("mysql://u:p@ss@127.0.0.1:1/db");
  ASSERT_TRUE(raw.ok()) << raw.error().message;
  EXPECT_EQ(raw->password, "p@ss");
  EXPECT_EQ(raw->host, "127.0.0.1");
}

TEST(DatabaseUrlTest, MalformedUrlsAreParseErrors) {
  for (const char* bad :
       {"", "dialer.db", "sqlite:", "mysql:", "mysql:/u:p@h/db", "mysql://u:p@127.0.0.1:3306",
        "mysql://u:p@127.0.0.1:3306/", "mysql://127.0.0.1:3306/db", "mysql://:p@h/db",
        "mysql://u:p@:3306/db", "mysql://u:p@h:0/db", "mysql://u:p@h:65536/db",
        "mysql://u:p@h:33a/db", "mysql://u:p@h:/db", "mysql://u:p%4@h/db", "mysql://u:p@h/d b",
        "postgres://u:p@h/db", "http://example.com"}) {
    auto url = parse_database_url(bad);
    EXPECT_FALSE(url.ok()) << "accepted: " << bad;
    if (!url.ok()) {
      EXPECT_EQ(url.error().code, ErrorCode::parse_error) << bad;
    }
  }
}

TEST(DatabaseUrlTest, ErrorsNeverEchoThePassword) {
  for (const char* bad : {"postgres://admin:T0pSecret@h/db", "mysql://admin:T0pSecret@h:99999/db",
                          "mysql://admin:T0pSecret@h:3306/", "mysql://admin:T0pSecret@/db"}) {
    auto url = parse_database_url(bad);
    ASSERT_FALSE(url.ok()) << bad;
    EXPECT_EQ(url.error().message.find("T0pSecret"), std::string::npos) << url.error().message;
    auto db = open_database(bad);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(db.error().message.find("T0pSecret"), std::string::npos) << db.error().message;
  }
}

TEST(DatabaseUrlTest, ClosedPortIsStorageUnavailableWithoutPassword) {
  // Nothing listens on port 1: the connection is refused at once, no server needed.
  auto db = open_database("mysql://dialer:Sup3rS3cret@127.0.0.1:1/dialer");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().code, ErrorCode::storage_unavailable);
  EXPECT_EQ(db.error().message.find("Sup3rS3cret"), std::string::npos) << db.error().message;
  EXPECT_NE(db.error().message.find("127.0.0.1:1"), std::string::npos) << db.error().message;
}

TEST(DatabaseUrlTest, RedactionHidesOnlyThePassword) {
  EXPECT_EQ(redact_database_url("mysql://dialer:T0pSecret@127.0.0.1:3306/dialer"),
            "mysql://dialer:***@127.0.0.1:3306/dialer");
  EXPECT_EQ(redact_database_url("mysql://u:p@ss@h/db"), "mysql://u:***@h/db");
  EXPECT_EQ(redact_database_url("mysql://reader@h/db"), "mysql://reader@h/db");
  EXPECT_EQ(redact_database_url("sqlite:dialer.db"), "sqlite:dialer.db");
  EXPECT_EQ(redact_database_url("weird:T0pSecret"), "weird:***");
}

}  // namespace
}  // namespace dialer
