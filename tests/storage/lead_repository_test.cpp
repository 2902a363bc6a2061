// Contract: LeadRepository, identical on every backend.
#include <gtest/gtest.h>

#include <set>

#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using LeadRepositoryTest = StorageTest;

TEST_F(LeadRepositoryTest, EnsureListCreatesOnceAndReturnsTheSameList) {
  auto db = open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->campaigns().upsert(campaign_record(5, "acme", "C5")));
  auto first = db->leads().ensure_list("acme", CampaignId{5}, "March upload");
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto again = db->leads().ensure_list("acme", CampaignId{5}, "March upload");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->tenant, "acme");
  EXPECT_EQ(again->campaign, CampaignId{5});
  EXPECT_EQ(again->name, "March upload");

  auto other_name = db->leads().ensure_list("acme", CampaignId{5}, "April upload");
  ASSERT_TRUE(db->campaigns().upsert(campaign_record(6, "acme", "C6")));
  auto other_campaign = db->leads().ensure_list("acme", CampaignId{6}, "March upload");
  ASSERT_TRUE(other_name.ok() && other_campaign.ok());
  EXPECT_NE(other_name->id, first->id);
  EXPECT_NE(other_campaign->id, first->id);
}

TEST_F(LeadRepositoryTest, InsertBatchAssignsIdsAndRoundTripsEveryField) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  Lead full = sample_lead("acme", CampaignId{1}, list, 1);
  full.first_name = "Zoë 李 \xF0\x9F\x98\x80";  // accents, CJK and a 4-byte emoji
  full.address = "12 \"Quoted\" Rd, Line 2\nLine 3\tTab \\ backslash";
  full.alt_phones = {"+33142685300", "+4930901820", "+12125550100"};
  full.custom_fields = {
      {"zeta", "first, really"}, {"alpha", "ü\"}"}, {"empty", ""}, {"json-ish", "[1,2]"}};
  full.status = LeadState::retry_scheduled;
  full.attempts = 3;
  full.next_attempt_at = from_unix_ms(1'795'000'000'250);
  full.source_line = 123456789012;
  Lead bare;
  bare.tenant = "acme";
  bare.campaign = CampaignId{1};
  bare.list = list;
  bare.phone = "+15555550100";
  const std::vector<Lead> batch = {full, bare};
  ASSERT_TRUE(db->leads().insert_batch(batch));

  auto rows = db->leads().page(CampaignId{1}, LeadId{0}, 10);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_GT((*rows)[0].id.value(), 0);
  EXPECT_LT((*rows)[0].id, (*rows)[1].id);
  expect_same_lead(full, (*rows)[0]);
  expect_same_lead(bare, (*rows)[1]);
  auto found = db->leads().find((*rows)[0].id);
  ASSERT_TRUE(found.ok() && found->has_value());
  expect_same_lead(full, **found);
  EXPECT_EQ((*found)->id, (*rows)[0].id);
}

TEST_F(LeadRepositoryTest, InsertBatchIsAllOrNothingWhenARowViolatesAConstraint) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  std::vector<Lead> batch = sample_leads("acme", CampaignId{1}, list, 700);
  batch.back().list = ListId{list.value() + 1000};  // no such list
  auto failed = db->leads().insert_batch(batch);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::conflict);
  EXPECT_NE(failed.error().message.find("leads: insert batch failed"), std::string::npos)
      << failed.error().message;
  auto n = db->leads().count(CampaignId{1});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 0);

  batch.back().list = list;  // the connection is still usable afterwards
  ASSERT_TRUE(db->leads().insert_batch(batch));
  EXPECT_EQ(*db->leads().count(CampaignId{1}), 700);
}

TEST_F(LeadRepositoryTest, NegativeAttemptsAreRejectedWithoutPartialInsert) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  std::vector<Lead> batch = sample_leads("acme", CampaignId{1}, list, 3);
  batch[1].attempts = -1;
  auto failed = db->leads().insert_batch(batch);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::conflict);
  EXPECT_EQ(*db->leads().count(CampaignId{1}), 0);
}

TEST_F(LeadRepositoryTest, EmptyBatchIsAccepted) {
  auto db = open();
  ASSERT_TRUE(db);
  EXPECT_TRUE(db->leads().insert_batch({}));
}

TEST_F(LeadRepositoryTest, LargeBatchesSpanSeveralStatementsAndKeepOrder) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  // 1,234 rows: two full multi-row statements plus a remainder; then a differently sized batch.
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{1}, list, 1234)));
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{1}, list, 17, 1234)));
  auto n = db->leads().count(CampaignId{1});
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1251);

  LeadId after{0};
  int seen = 0;
  while (true) {
    auto rows = db->leads().page(CampaignId{1}, after, 100);
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    if (rows->empty()) break;
    EXPECT_LE(rows->size(), 100u);
    for (const Lead& lead : *rows) {
      EXPECT_GT(lead.id, after);
      EXPECT_EQ(lead.phone, sample_lead("acme", CampaignId{1}, list, seen).phone);
      after = lead.id;
      ++seen;
    }
  }
  EXPECT_EQ(seen, 1251);
}

TEST_F(LeadRepositoryTest, PagingStaysWithinTheCampaign) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId a = make_campaign(*db, 1);
  const ListId b = make_campaign(*db, 2);
  for (int i = 0; i < 5; ++i) {  // interleave the two campaigns' ids
    ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{1}, a, 1, i)));
    ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{2}, b, 1, 100 + i)));
  }
  auto first = db->leads().page(CampaignId{2}, LeadId{0}, 3);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 3u);
  for (const Lead& lead : *first) EXPECT_EQ(lead.campaign, CampaignId{2});
  auto rest = db->leads().page(CampaignId{2}, first->back().id, 3);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 2u);
  EXPECT_EQ(rest->back().phone, sample_lead("acme", CampaignId{2}, b, 104).phone);
  auto done = db->leads().page(CampaignId{2}, rest->back().id, 3);
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->empty());
  auto unknown = db->leads().page(CampaignId{77}, LeadId{0}, 3);
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->empty());
  EXPECT_EQ(*db->leads().count(CampaignId{77}), 0);
}

TEST_F(LeadRepositoryTest, ForEachPhoneVisitsEveryPhoneOfTheCampaignOnly) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId a = make_campaign(*db, 1);
  const ListId b = make_campaign(*db, 2);
  // More rows than one MariaDB chunk (10,000), to cross chunk boundaries.
  for (int start = 0; start < 21'000; start += 3'000) {
    ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{1}, a, 3'000, start)));
  }
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{2}, b, 5, 500'000)));
  std::set<std::string> phones;
  std::size_t calls = 0;
  ASSERT_TRUE(db->leads().for_each_phone(CampaignId{1}, [&](std::string_view phone) {
    phones.emplace(phone);
    ++calls;
  }));
  EXPECT_EQ(calls, 21'000u);
  EXPECT_EQ(phones.size(), 21'000u);
  EXPECT_TRUE(phones.count(sample_lead("acme", CampaignId{1}, a, 20'999).phone));
  EXPECT_FALSE(phones.count(sample_lead("acme", CampaignId{2}, b, 500'000).phone));
}

TEST_F(LeadRepositoryTest, FindOfMissingLeadReturnsNullopt) {
  auto db = open();
  ASSERT_TRUE(db);
  auto found = db->leads().find(LeadId{12345});
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_FALSE(found->has_value());
}

TEST_F(LeadRepositoryTest, UpdateStatusRoundTripsAndClearsTheNextAttempt) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1);
  ASSERT_TRUE(db->leads().insert_batch(sample_leads("acme", CampaignId{1}, list, 2)));
  const LeadId id = (*db->leads().page(CampaignId{1}, LeadId{0}, 1))[0].id;

  const TimePoint retry_at = from_unix_ms(1'795'000'123'456);
  ASSERT_TRUE(db->leads().update_status(id, LeadState::retry_scheduled, 2, retry_at));
  auto lead = db->leads().find(id);
  ASSERT_TRUE(lead.ok() && lead->has_value());
  EXPECT_EQ((*lead)->status, LeadState::retry_scheduled);
  EXPECT_EQ((*lead)->attempts, 2);
  EXPECT_EQ((*lead)->next_attempt_at, retry_at);
  // Writing the same values again is not a "missing lead".
  EXPECT_TRUE(db->leads().update_status(id, LeadState::retry_scheduled, 2, retry_at));

  ASSERT_TRUE(db->leads().update_status(id, LeadState::final, 3, std::nullopt));
  lead = db->leads().find(id);
  ASSERT_TRUE(lead.ok() && lead->has_value());
  EXPECT_EQ((*lead)->status, LeadState::final);
  EXPECT_EQ((*lead)->attempts, 3);
  EXPECT_FALSE((*lead)->next_attempt_at.has_value());
  auto other = db->leads().page(CampaignId{1}, id, 1);
  ASSERT_TRUE(other.ok() && other->size() == 1);
  EXPECT_EQ((*other)[0].status, LeadState::fresh);  // only the one lead changed
}

TEST_F(LeadRepositoryTest, UpdateStatusOfMissingLeadIsNotFound) {
  auto db = open();
  ASSERT_TRUE(db);
  auto s = db->leads().update_status(LeadId{4242}, LeadState::queued, 0, std::nullopt);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::not_found);
}

TEST_F(LeadRepositoryTest, EveryRowKeepsItsTenant) {
  auto db = open();
  ASSERT_TRUE(db);
  const ListId list = make_campaign(*db, 1, "acme");
  auto other_list = db->leads().ensure_list("globex", CampaignId{1}, "shared");
  ASSERT_TRUE(other_list.ok());
  EXPECT_EQ(other_list->tenant, "globex");
  std::vector<Lead> batch = sample_leads("acme", CampaignId{1}, list, 2);
  batch[1].tenant = "globex";
  batch[1].list = other_list->id;
  ASSERT_TRUE(db->leads().insert_batch(batch));
  auto rows = db->leads().page(CampaignId{1}, LeadId{0}, 10);
  ASSERT_TRUE(rows.ok() && rows->size() == 2);
  EXPECT_EQ((*rows)[0].tenant, "acme");
  EXPECT_EQ((*rows)[1].tenant, "globex");
  EXPECT_EQ((*db->campaigns().find(CampaignId{1}))->tenant, "acme");
}

}  // namespace
}  // namespace dialer::testing
