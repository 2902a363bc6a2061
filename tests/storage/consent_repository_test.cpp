// ConsentRepository contract (compliance/repositories.h) on SQLite and MariaDB: consents and
// revocations come back field for field, in the order they were appended.
#include <gtest/gtest.h>

#include "compliance/e164.h"
#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using compliance::ConsentEvent;
using compliance::ConsentType;
using compliance::RevocationEvent;
using compliance::RevokeScope;

compliance::PhoneKey key(const char* e164) { return *compliance::parse_e164(e164); }

using ConsentRepositoryTest = StorageTest;

TEST_F(ConsentRepositoryTest, ConsentsAndRevocationsReplayInAppendOrder) {
  auto db = open();
  auto& repo = db->consents();
  const std::vector<ConsentEvent> consents{
      {"c-2", key("+13055552002"), ConsentType::ebr_inquiry, from_unix_ms(2000), "web:form-9"},
      {"c-1", key("+447700900123"), ConsentType::pewc, from_unix_ms(1000), "rec:\"x\""},
      {"c-3", key("+13055552002"), ConsentType::ebr_purchase, from_unix_ms(3000), ""}};
  for (const auto& c : consents) ASSERT_TRUE(repo.append_consent(c).ok());
  const std::vector<RevocationEvent> revocations{
      {key("+13055552002"), from_unix_ms(5000), "AGENT", "stop calling", RevokeScope::campaign,
       CampaignId{12}},
      {key("+447700900123"), from_unix_ms(4000), "SMS_KEYWORD", "STOP", RevokeScope::seller_all,
       CampaignId{0}}};
  for (const auto& r : revocations) ASSERT_TRUE(repo.append_revocation(r).ok());

  std::vector<ConsentEvent> got;
  ASSERT_TRUE(repo.for_each_consent([&](const ConsentEvent& c) { got.push_back(c); }).ok());
  ASSERT_EQ(got.size(), consents.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].consent_id, consents[i].consent_id);
    EXPECT_EQ(got[i].number, consents[i].number);
    EXPECT_EQ(got[i].type, consents[i].type);
    EXPECT_EQ(got[i].captured_at, consents[i].captured_at);
    EXPECT_EQ(got[i].source, consents[i].source);
  }
  std::vector<RevocationEvent> revs;
  ASSERT_TRUE(repo.for_each_revocation([&](const RevocationEvent& r) { revs.push_back(r); }).ok());
  ASSERT_EQ(revs.size(), revocations.size());
  for (std::size_t i = 0; i < revs.size(); ++i) {
    EXPECT_EQ(revs[i].number, revocations[i].number);
    EXPECT_EQ(revs[i].at, revocations[i].at);
    EXPECT_EQ(revs[i].channel, revocations[i].channel);
    EXPECT_EQ(revs[i].wording, revocations[i].wording);
    EXPECT_EQ(revs[i].scope, revocations[i].scope);
    EXPECT_EQ(revs[i].campaign, revocations[i].campaign);
  }
}

TEST_F(ConsentRepositoryTest, ReplayedEventsRebuildTheLedgersVerdicts) {
  {
    auto db = open();
    ASSERT_TRUE(db->consents()
                    .append_revocation({key("+13055552002"), from_unix_ms(5000), "AGENT", "stop",
                                        RevokeScope::campaign, CampaignId{12}})
                    .ok());
  }
  auto db = open();
  compliance::ConsentLedger ledger;
  ASSERT_TRUE(
      db->consents()
          .for_each_revocation([&](const RevocationEvent& r) { ledger.record_revocation(r); })
          .ok());
  EXPECT_TRUE(ledger.revoked(key("+13055552002"), CampaignId{12}, from_unix_ms(6000)));
  EXPECT_FALSE(ledger.revoked(key("+13055552002"), CampaignId{13}, from_unix_ms(6000)));
  EXPECT_FALSE(ledger.revoked(key("+13055552002"), CampaignId{12}, from_unix_ms(4000)));
}

}  // namespace
}  // namespace dialer::testing
