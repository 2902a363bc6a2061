// CallRecordRepository contract (compliance/repositories.h), on SQLite and MariaDB alike: the
// behaviour CallRecordLog and the export writer rely on, as the in-memory fake implements it.
#include <gtest/gtest.h>

#include "compliance/call_record.h"
#include "compliance/record_log.h"
#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using compliance::CallRecord;
using compliance::Checkpoint;
using compliance::RecordRange;

TimePoint at_ms(std::int64_t ms) { return from_unix_ms(1'780'000'000'000 + ms); }

CallRecord open_record(const std::string& id, const std::string& campaign) {
  CallRecord r;
  r.attempt_id = id;
  r.campaign_id = campaign;
  r.decision = "DIALED";
  r.decided_at = at_ms(0);
  r.called_number = "+12125550123";
  r.refusal_reasons = {"A", "quote \" and ; and \n"};
  r.ring_duration_ms = 4200;
  r.amd_enabled = false;
  r.caller_id_name = "Zoë";
  return r;
}

// Seals `r` as the next record of its chain in `repo`, like CallRecordLog does.
CallRecord seal_next(compliance::CallRecordRepository& repo, CallRecord r, std::int64_t ms) {
  auto head = repo.chain_head(r.campaign_id);
  EXPECT_TRUE(head.ok());
  const std::int64_t seq = (head.ok() && *head) ? (*head)->seq : 0;
  const std::string prev = (head.ok() && *head) ? (*head)->hash : compliance::kGenesisHash;
  r.record_state = "COMPLETE";
  r.sealed_at = at_ms(ms);
  compliance::seal_after(r, seq, prev);
  return r;
}

std::vector<CallRecord> scan(compliance::CallRecordRepository& repo, const RecordRange& range) {
  std::vector<CallRecord> out;
  auto s = repo.for_each_sealed(range, [&](const CallRecord& r) -> Status {
    out.push_back(r);
    return ok_status();
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return out;
}

using CallRecordRepositoryTest = StorageTest;

TEST_F(CallRecordRepositoryTest, SealingRemovesTheOpenAttemptAndKeepsTheCanonicalBytes) {
  auto db = open();
  auto& repo = db->call_records();
  ASSERT_TRUE(repo.put_open(open_record("a2", "7")).ok());
  auto first = open_record("a1", "7");
  ASSERT_TRUE(repo.put_open(first).ok());
  first.ring_duration_ms = 9000;  // put_open replaces the stored state
  ASSERT_TRUE(repo.put_open(first).ok());
  auto open_now = repo.open_attempts();
  ASSERT_TRUE(open_now.ok());
  ASSERT_EQ(open_now->size(), 2u);
  EXPECT_EQ((*open_now)[0].attempt_id, "a1");
  EXPECT_EQ((*open_now)[0].ring_duration_ms, 9000);
  EXPECT_EQ(compliance::canonical_line((*open_now)[0]), compliance::canonical_line(first));

  const auto sealed = seal_next(repo, first, 10);
  ASSERT_TRUE(repo.append_sealed(sealed).ok());
  open_now = repo.open_attempts();
  ASSERT_TRUE(open_now.ok());
  ASSERT_EQ(open_now->size(), 1u);
  EXPECT_EQ((*open_now)[0].attempt_id, "a2");
  const auto stored = scan(repo, RecordRange{std::nullopt, at_ms(0), at_ms(1000)});
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(compliance::canonical_line(stored[0]), compliance::canonical_line(sealed));
  EXPECT_EQ(stored[0].caller_id_name, "Zoë");
}

TEST_F(CallRecordRepositoryTest, ChainHeadIsTheLastSealedRecordOfEachLog) {
  auto db = open();
  auto& repo = db->call_records();
  auto none = repo.chain_head("7");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  CallRecord last;
  for (int i = 1; i <= 3; ++i) {
    last = seal_next(repo, open_record("a" + std::to_string(i), "7"), i * 10);
    ASSERT_TRUE(repo.append_sealed(last).ok());
  }
  ASSERT_TRUE(repo.append_sealed(seal_next(repo, open_record("b1", "8"), 5)).ok());
  auto head = repo.chain_head("7");
  ASSERT_TRUE(head.ok());
  ASSERT_TRUE(head->has_value());
  EXPECT_EQ((*head)->seq, 3);
  EXPECT_EQ((*head)->hash, last.record_hash);
  EXPECT_EQ((*head)->sealed_at, at_ms(30));
  auto ids = repo.log_ids();
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"7", "8"}));
}

TEST_F(CallRecordRepositoryTest, ASealOutOfTurnIsAConflictAndChangesNothing) {
  auto db = open();
  auto& repo = db->call_records();
  ASSERT_TRUE(repo.put_open(open_record("a2", "7")).ok());
  const auto first = seal_next(repo, open_record("a1", "7"), 10);
  ASSERT_TRUE(repo.append_sealed(first).ok());
  auto duplicate = open_record("a2", "7");
  duplicate.record_state = "COMPLETE";
  duplicate.sealed_at = at_ms(20);
  compliance::seal_after(duplicate, 0, compliance::kGenesisHash);  // seq 1 again
  auto s = repo.append_sealed(duplicate);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::conflict);
  compliance::seal_after(duplicate, 5, first.record_hash);  // a gap
  s = repo.append_sealed(duplicate);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::conflict);
  EXPECT_EQ(repo.open_attempts()->size(), 1u);  // the failed seal kept the open attempt
  EXPECT_EQ((*repo.chain_head("7"))->seq, 1);
}

TEST_F(CallRecordRepositoryTest, ScansInLogAndSeqOrderWithinAHalfOpenRange) {
  auto db = open();
  auto& repo = db->call_records();
  // Log "9" is written first, log "10" second; "10" sorts first by log id.
  for (int i = 1; i <= 4; ++i) {
    ASSERT_TRUE(
        repo.append_sealed(seal_next(repo, open_record("n" + std::to_string(i), "9"), i * 100))
            .ok());
  }
  for (int i = 1; i <= 2; ++i) {
    ASSERT_TRUE(repo.append_sealed(
                        seal_next(repo, open_record("t" + std::to_string(i), "10"), i * 100 + 50))
                    .ok());
  }
  auto all = scan(repo, RecordRange{std::nullopt, at_ms(0), at_ms(10'000)});
  std::vector<std::string> order;
  for (const auto& r : all) order.push_back(r.attempt_id);
  EXPECT_EQ(order, (std::vector<std::string>{"t1", "t2", "n1", "n2", "n3", "n4"}));

  auto window = scan(repo, RecordRange{std::string{"9"}, at_ms(200), at_ms(400)});
  ASSERT_EQ(window.size(), 2u);  // 200 included, 400 excluded
  EXPECT_EQ(window[0].seq, 2);
  EXPECT_EQ(window[1].seq, 3);

  int visited = 0;
  auto stopped = repo.for_each_sealed(RecordRange{std::nullopt, at_ms(0), at_ms(10'000)},
                                      [&](const CallRecord&) -> Status {
                                        ++visited;
                                        return Error{ErrorCode::io_error, "disk full"};
                                      });
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().code, ErrorCode::io_error);
  EXPECT_EQ(visited, 1);
}

TEST_F(CallRecordRepositoryTest, CheckpointsComeBackInSeqOrderWithinTheAskedRange) {
  auto db = open();
  auto& repo = db->call_records();
  for (std::int64_t seq : {30, 10, 20}) {
    Checkpoint c;
    c.log_id = "7";
    c.seq = seq;
    c.head_hash = "h" + std::to_string(seq);
    c.count = seq;
    c.at = at_ms(seq);
    c.signature = "sig" + std::to_string(seq);
    ASSERT_TRUE(repo.append_checkpoint(c).ok());
  }
  Checkpoint other;
  other.log_id = "8";
  other.seq = 15;
  ASSERT_TRUE(repo.append_checkpoint(other).ok());
  auto got = repo.checkpoints("7", 10, 20);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 2u);
  EXPECT_EQ((*got)[0].seq, 10);
  EXPECT_EQ((*got)[1].seq, 20);
  EXPECT_EQ((*got)[1].head_hash, "h20");
  EXPECT_EQ((*got)[1].count, 20);
  EXPECT_EQ((*got)[1].at, at_ms(20));
  EXPECT_EQ((*got)[1].signature, "sig20");
  EXPECT_EQ((*got)[1].log_id, "7");
}

TEST_F(CallRecordRepositoryTest, CallRecordLogRecoversOpenAttemptsFromTheDatabase) {
  auto pem = compliance::Ed25519Signer::generate_private_pem();
  ASSERT_TRUE(pem.ok());
  auto signer = compliance::Ed25519Signer::from_private_pem(*pem);
  ASSERT_TRUE(signer.ok());
  {
    auto db = open();
    compliance::CallRecordLog log{db->call_records(), *signer};
    ASSERT_TRUE(log.record_decision(open_record("a1", "7"), at_ms(0)).ok());
    ASSERT_TRUE(log.record_decision(open_record("a2", "7"), at_ms(1)).ok());
    ASSERT_TRUE(log.close("a1", at_ms(5)).ok());
  }  // the process "crashes" with a2 open
  auto db = open();
  compliance::CallRecordLog log{db->call_records(), *signer};
  ASSERT_TRUE(log.recover_open(at_ms(60'000)).ok());
  EXPECT_TRUE(db->call_records().open_attempts()->empty());
  auto records = scan(db->call_records(), RecordRange{std::nullopt, at_ms(0), at_ms(120'000)});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].attempt_id, "a2");
  EXPECT_EQ(records[1].record_state, "INCOMPLETE");
  EXPECT_EQ(records[1].prev_hash, records[0].record_hash);
}

}  // namespace
}  // namespace dialer::testing
