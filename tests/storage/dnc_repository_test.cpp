// DncRepository contract (compliance/repositories.h) on SQLite and MariaDB, as the in-memory
// fake behaves: one chain, conflict on a seq out of turn, range scan by received_at, the lists
// rebuilt at start-up, checkpoints by seq range.
#include <gtest/gtest.h>

#include "compliance/dnc_event.h"
#include "compliance/e164.h"
#include "compliance/record_log.h"
#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using compliance::DncEvent;

TimePoint at_ms(std::int64_t ms) { return from_unix_ms(1'780'000'000'000 + ms); }

DncEvent event(int n, std::optional<std::string> campaign = std::nullopt) {
  DncEvent e;
  e.dnc_request_id = "dnc-" + std::to_string(n);
  e.number = "+1305555" + std::to_string(2000 + n);
  e.campaign_id = std::move(campaign);
  if (e.campaign_id) e.list = "CAMPAIGN";
  e.channel = "AGENT";
  e.wording = "take me \"off\"";
  e.received_at = at_ms(n * 100);
  e.effective_at = e.received_at;
  e.actor = "agent-7";
  return e;
}

// Appends `e` as the chain's next event, like DncEventLog.
DncEvent append_next(compliance::DncRepository& repo, DncEvent e) {
  auto head = repo.head();
  EXPECT_TRUE(head.ok());
  const std::int64_t seq = (head.ok() && *head) ? (*head)->seq : 0;
  const std::string prev = (head.ok() && *head) ? (*head)->hash : compliance::kGenesisHash;
  compliance::seal_after(e, seq, prev);
  EXPECT_TRUE(repo.append_event(e).ok());
  return e;
}

using DncRepositoryTest = StorageTest;

TEST_F(DncRepositoryTest, EventsChainInSeqOrderAndComeBackByteForByte) {
  auto db = open();
  auto& repo = db->dnc();
  EXPECT_FALSE(repo.head()->has_value());
  std::vector<DncEvent> written;
  for (int n = 1; n <= 4; ++n) written.push_back(append_next(repo, event(n)));
  auto head = repo.head();
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->seq, 4);
  EXPECT_EQ((*head)->hash, written.back().record_hash);
  EXPECT_EQ((*head)->sealed_at, at_ms(400));

  std::vector<DncEvent> seen;
  ASSERT_TRUE(repo.for_each_event(at_ms(200), at_ms(400),
                                  [&](const DncEvent& e) -> Status {
                                    seen.push_back(e);
                                    return ok_status();
                                  })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);  // 200 included, 400 excluded
  EXPECT_EQ(compliance::canonical_line(seen[0]), compliance::canonical_line(written[1]));
  EXPECT_EQ(seen[1].seq, 3);
}

TEST_F(DncRepositoryTest, ASeqOutOfTurnIsAConflict) {
  auto db = open();
  auto& repo = db->dnc();
  const auto first = append_next(repo, event(1));
  auto again = event(2);
  compliance::seal_after(again, 0, compliance::kGenesisHash);
  auto s = repo.append_event(again);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::conflict);
  compliance::seal_after(again, 3, first.record_hash);
  s = repo.append_event(again);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::conflict);
  EXPECT_EQ((*repo.head())->seq, 1);
}

TEST_F(DncRepositoryTest, ListsAreRebuiltFromTheEvents) {
  auto db = open();
  auto& repo = db->dnc();
  append_next(repo, event(1));
  append_next(repo, event(2, "12"));
  append_next(repo, event(3));
  std::vector<compliance::PhoneKey> internal;
  ASSERT_TRUE(repo.for_each_internal([&](compliance::PhoneKey k) { internal.push_back(k); }).ok());
  EXPECT_EQ(internal, (std::vector<compliance::PhoneKey>{*compliance::parse_e164("+13055552001"),
                                                         *compliance::parse_e164("+13055552003")}));
  std::vector<std::pair<CampaignId, compliance::PhoneKey>> campaign;
  ASSERT_TRUE(repo.for_each_campaign_entry(
                      [&](CampaignId c, compliance::PhoneKey k) { campaign.emplace_back(c, k); })
                  .ok());
  ASSERT_EQ(campaign.size(), 1u);
  EXPECT_EQ(campaign[0].first, CampaignId{12});
  EXPECT_EQ(campaign[0].second, *compliance::parse_e164("+13055552002"));
}

TEST_F(DncRepositoryTest, CheckpointsComeBackInSeqOrderWithinTheAskedRange) {
  auto db = open();
  auto& repo = db->dnc();
  for (std::int64_t seq : {20, 5, 10}) {
    compliance::Checkpoint c;
    c.log_id = compliance::kDncLogId;
    c.seq = seq;
    c.head_hash = "h" + std::to_string(seq);
    c.count = seq;
    c.at = at_ms(seq);
    c.signature = "s" + std::to_string(seq);
    ASSERT_TRUE(repo.append_checkpoint(c).ok());
  }
  auto got = repo.checkpoints(5, 10);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].seq, 5);
  EXPECT_EQ((*got)[1].seq, 10);
  EXPECT_EQ((*got)[1].log_id, compliance::kDncLogId);
  EXPECT_EQ((*got)[1].head_hash, "h10");
  EXPECT_EQ((*got)[1].count, 10);
  EXPECT_EQ((*got)[1].at, at_ms(10));
  EXPECT_EQ((*got)[1].signature, "s10");
}

}  // namespace
}  // namespace dialer::testing
