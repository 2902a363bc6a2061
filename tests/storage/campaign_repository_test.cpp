// Contract: CampaignRepository, identical on every backend.
#include <gtest/gtest.h>

#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using CampaignRepositoryTest = StorageTest;

TEST_F(CampaignRepositoryTest, UpsertCreatesAndFindReturnsEveryField) {
  auto db = open();
  ASSERT_TRUE(db);
  CampaignRecord record = campaign_record(42, "acme", "Spring renewals");
  record.dial_mode = DialMode::progressive;
  record.definition = "name: Spring renewals\ncaller_ids: [\"+12125550199\"]\nnote: ünïcødé, ok\n";
  ASSERT_TRUE(db->campaigns().upsert(record));

  auto found = db->campaigns().find(CampaignId{42});
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  const CampaignRecord& got = **found;
  EXPECT_EQ(got.id, record.id);
  EXPECT_EQ(got.tenant, "acme");
  EXPECT_EQ(got.name, record.name);
  EXPECT_EQ(got.dial_mode, DialMode::progressive);
  EXPECT_EQ(got.definition, record.definition);
  EXPECT_EQ(got.updated_at, record.updated_at);
}

TEST_F(CampaignRepositoryTest, UpsertWithSameIdReplacesTheDefinition) {
  auto db = open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->campaigns().upsert(campaign_record(7, "acme", "Old name")));
  CampaignRecord changed = campaign_record(7, "beta", "New name");
  changed.dial_mode = DialMode::preview;
  changed.definition = "name: New name\n";
  changed.updated_at = from_unix_ms(1'800'000'000'123);
  ASSERT_TRUE(db->campaigns().upsert(changed));

  auto found = db->campaigns().find(CampaignId{7});
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->tenant, "beta");
  EXPECT_EQ((*found)->name, "New name");
  EXPECT_EQ((*found)->dial_mode, DialMode::preview);
  EXPECT_EQ((*found)->definition, "name: New name\n");
  EXPECT_EQ((*found)->updated_at, from_unix_ms(1'800'000'000'123));
  auto all = db->campaigns().list();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

TEST_F(CampaignRepositoryTest, FindOfMissingCampaignReturnsNullopt) {
  auto db = open();
  ASSERT_TRUE(db);
  auto found = db->campaigns().find(CampaignId{999});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_FALSE(found->has_value());
}

TEST_F(CampaignRepositoryTest, ListIsOrderedByIdWithLeadCountsPerCampaign) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list3 = make_campaign(*db, 3, "acme");
  const ListId list1 = make_campaign(*db, 1, "beta");
  make_campaign(*db, 2, "acme");
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{3}, list3, 3)));
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("beta", CampaignId{1}, list1, 2, 100)));

  auto all = db->campaigns().list();
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, CampaignId{1});
  EXPECT_EQ((*all)[0].tenant, "beta");
  EXPECT_EQ((*all)[0].leads, 2);
  EXPECT_EQ((*all)[1].id, CampaignId{2});
  EXPECT_EQ((*all)[1].leads, 0);
  EXPECT_EQ((*all)[2].id, CampaignId{3});
  EXPECT_EQ((*all)[2].name, "Campaign 3");
  EXPECT_EQ((*all)[2].dial_mode, DialMode::predictive);
  EXPECT_EQ((*all)[2].leads, 3);
}

TEST_F(CampaignRepositoryTest, ListOfEmptyDatabaseIsEmpty) {
  auto db = open();
  ASSERT_TRUE(db);
  auto all = db->campaigns().list();
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_TRUE(all->empty());
}

}  // namespace
}  // namespace dialer::testing
