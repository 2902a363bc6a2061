// write_bundle(): streams the repositories into the bundle files and signs the manifest.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "compliance/abandonment_ledger.h"
#include "compliance/export_bundle.h"

namespace dialer::compliance {
namespace {

using nlohmann::json;

// An output file with its running SHA-256, size and record count. Bytes are gathered in a
// large buffer and hashed and written a buffer at a time: fewer system calls and digest calls.
class HashedFile {
 public:
  static constexpr std::size_t kBufferBytes = std::size_t{1} << 20;

  HashedFile(BundleTarget& target, std::string name)
      : name_(std::move(name)), out_(target.create(name_)) {
    buffer_.reserve(kBufferBytes + 8192);
  }
  // Callers append directly (no copy) and then call wrote().
  std::string& buffer() { return buffer_; }
  void wrote() {
    if (buffer_.size() >= kBufferBytes) flush_buffer();
  }
  void write(std::string_view bytes) {
    buffer_.append(bytes);
    wrote();
  }
  void record(std::string_view line) {
    buffer_.append(line);
    buffer_.push_back('\n');
    ++records_;
    wrote();
  }
  void count_record() { ++records_; }
  json finish(BundleTarget& target, Status* status) {
    flush_buffer();
    out_.flush();
    if (!out_.good()) *status = Error{ErrorCode::io_error, "writing " + name_ + " failed"};
    auto closed = target.finish(name_);
    if (!closed && status->ok()) *status = closed;
    return json{
        {"name", name_}, {"bytes", bytes_}, {"sha256", sha_.finish_hex()}, {"records", records_}};
  }

 private:
  void flush_buffer() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    sha_.update(buffer_);
    bytes_ += static_cast<std::int64_t>(buffer_.size());
    buffer_.clear();
  }

  std::string name_;
  std::ostream& out_;
  std::string buffer_;
  Sha256Stream sha_;
  std::int64_t bytes_ = 0;
  std::int64_t records_ = 0;
};

// Per-log chain bookkeeping shared by both chained files.
struct LogStats {
  Digest last_digest{};  // record_hash of last_seq as bytes: the next record's prev
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;
  std::int64_t count = 0;
  std::string first_prev_hash;
  std::string first_hash;
  std::string last_hash;
};

Status check_link(LogStats& s, const std::string& log_id, std::int64_t seq,
                  const std::string& prev_hash, const std::string& hash) {
  if (s.count > 0 && (seq != s.last_seq + 1 || prev_hash != s.last_hash)) {
    return Error{ErrorCode::conflict, "log " + log_id + ": seq " + std::to_string(seq) +
                                          " does not follow seq " + std::to_string(s.last_seq) +
                                          " in storage; the record store was altered"};
  }
  if (s.count == 0) {
    s.first_seq = seq;
    s.first_prev_hash = prev_hash;
    s.first_hash = hash;
  }
  s.last_seq = seq;
  s.last_hash = hash;
  ++s.count;
  return ok_status();
}

CallOutcome outcome_of(const CallRecord& r) {
  CallOutcome o;
  o.at = r.invite_sent_at.value_or(r.decided_at);
  o.live_answer = r.live_answer;
  o.amd_machine = r.amd_result == "MACHINE";
  o.abandoned = r.abandoned;
  if (r.abandon_reason == "LATE_BRIDGE")
    o.abandon_reason = AbandonReason::late_bridge;
  else if (r.abandon_reason && r.abandon_reason != "NO_AGENT")
    o.abandon_reason = AbandonReason::system_failure;
  o.safe_harbor_played = r.safe_harbor_started_at.has_value();
  o.optout_taken = r.optout_taken.value_or(false);
  return o;
}

std::string fixed6(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  return buf;
}

json period_json(const std::string& campaign, const PeriodReport& p, const ExportRequest& req) {
  const auto& c = p.counts;
  json j{{"campaign_id", campaign},
         {"period_kind", std::string(to_string(p.kind))},
         {"period_index", p.index},
         {"period_start_utc", format_utc(p.start)},
         {"period_end_utc", format_utc(p.end)},
         {"attempts_dialed", c.attempts_dialed},
         {"live_answered", c.live_answered},
         {"amd_machine", c.amd_machine},
         {"amd_false_positive_confirmed", c.amd_false_positive_confirmed},
         {"amd_false_positive_estimated", fixed6(p.estimated_false_positives)},
         {"estimate_rate", fixed6(req.false_positive_estimate)},
         {"abandoned_no_agent", c.abandoned_no_agent},
         {"abandoned_late_bridge", c.abandoned_late_bridge},
         {"abandoned_other", c.abandoned_other},
         {"abandoned_total", c.abandoned_total()},
         {"safe_harbor_played", c.safe_harbor_played},
         {"optouts_taken", c.optouts_taken},
         {"abandonment_rate", fixed6(p.rate)},
         {"abandonment_rate_with_estimate", fixed6(p.rate_with_estimate)},
         {"ceiling_applied", fixed6(req.abandon_ceiling)},
         {"ceiling_exceeded", p.rate > req.abandon_ceiling},
         {"scope", "RECORDS_IN_BUNDLE"}};
  j["record_hash"] = to_hex(sha256(j.dump()));
  return j;
}

struct CampaignLedger {
  std::unique_ptr<AbandonmentLedger> ledger;
  TimePoint last;
};

// Recomputes a stored record's hash from its canonical bytes. The previous record's digest is
// reused within a log (check_link() then proves prev_hash names it); only a log's first record
// parses its prev_hash.
std::optional<Digest> recheck(const LogStats& log, std::string_view prev_hash,
                              std::string_view canonical, std::string_view record_hash) {
  std::optional<Digest> prev;
  if (log.count > 0 && hex_equals(log.last_digest, prev_hash)) {
    prev = log.last_digest;
  } else {
    prev = digest_from_hex(prev_hash);
  }
  if (!prev) return std::nullopt;
  const Digest d = chain_digest(*prev, canonical);
  if (!hex_equals(d, record_hash)) return std::nullopt;
  return d;
}

// The exported line: the canonical text with record_hash inserted at `at`, then a newline.
void append_line(std::string& out, std::string_view canonical, std::size_t at,
                 std::string_view hash) {
  out.append(canonical.substr(0, at));
  out.append(",\"record_hash\":\"");
  out.append(hash);
  out.push_back('"');
  out.append(canonical.substr(at));
  out.push_back('\n');
}

void count_outcome(const CallRecord& r, const ExportRequest& req,
                   std::map<std::string, CampaignLedger>& ledgers) {
  auto& l = ledgers[r.campaign_id];
  if (!l.ledger) {
    auto start = req.campaign_starts.find(r.campaign_id);
    LedgerConfig cfg;
    cfg.control_windows.clear();
    cfg.false_positive_estimate = req.false_positive_estimate;
    l.ledger = std::make_unique<AbandonmentLedger>(
        start != req.campaign_starts.end() ? start->second : r.decided_at, cfg);
  }
  const auto o = outcome_of(r);
  l.ledger->record(o);
  if (r.amd_false_positive == "CONFIRMED") l.ledger->confirm_false_positive(o.at);
  l.last = std::max(l.last, o.at);
}

Status stream_attempts(CallRecordRepository& repo, const ExportRequest& req, HashedFile& jsonl,
                       HashedFile& csv, std::map<std::string, LogStats>& logs,
                       std::map<std::string, CampaignLedger>& ledgers) {
  csv.write(csv_header());
  std::string canonical;  // reused: no allocation per record once warm
  canonical.reserve(8192);
  LogStats* log = nullptr;
  const std::string* log_id = nullptr;
  return repo.for_each_sealed(
      {req.campaign_id, req.from, req.to}, [&](const CallRecord& r) -> Status {
        if (log_id == nullptr || *log_id != r.campaign_id) {
          auto it = logs.try_emplace(r.campaign_id).first;
          log = &it->second;
          log_id = &it->first;
        }
        std::size_t at = 0;
        canonical.clear();
        append_canonical_without_hash(canonical, r, &at);
        const auto digest = recheck(*log, r.prev_hash, canonical, r.record_hash);
        if (!digest) {
          return Error{ErrorCode::conflict, "log " + r.campaign_id + " seq " +
                                                std::to_string(r.seq) +
                                                ": stored record fails its hash"};
        }
        auto linked = check_link(*log, r.campaign_id, r.seq, r.prev_hash, r.record_hash);
        if (!linked) return linked;
        log->last_digest = *digest;
        append_line(jsonl.buffer(), canonical, at, r.record_hash);
        jsonl.count_record();
        jsonl.wrote();
        append_csv_row(csv.buffer(), r);
        csv.count_record();
        csv.wrote();
        if (r.decision == "DIALED") count_outcome(r, req, ledgers);
        return ok_status();
      });
}

Result<json> log_json(const std::string& file, const std::string& log_id, const LogStats& s,
                      Result<std::vector<Checkpoint>> checkpoints) {
  if (!checkpoints) return checkpoints.error();
  json cps = json::array();
  for (const auto& c : *checkpoints) {
    if (c.seq >= s.first_seq && c.seq <= s.last_seq) cps.push_back(json::parse(c.json()));
  }
  return json{{"file", file},
              {"log_id", log_id},
              {"first_seq", s.first_seq},
              {"last_seq", s.last_seq},
              {"count", s.count},
              {"first_prev_hash", s.first_prev_hash},
              {"first_hash", s.first_hash},
              {"last_hash", s.last_hash},
              {"checkpoints", cps}};
}

}  // namespace

Result<ExportSummary> write_bundle(CallRecordRepository& records, DncRepository& dnc,
                                   const ExportRequest& req, const Ed25519Signer& signer,
                                   BundleTarget& target) {
  if (auto allowed = authorize_export(req.requester_role, ExportKind::compliance); !allowed) {
    return allowed.error();
  }
  ExportSummary summary;
  Status io = ok_status();
  std::map<std::string, LogStats> logs;
  std::map<std::string, CampaignLedger> ledgers;
  json files = json::array();
  {
    HashedFile jsonl{target, kAttemptsJsonl};
    HashedFile csv{target, kAttemptsCsv};
    auto status = stream_attempts(records, req, jsonl, csv, logs, ledgers);
    if (!status) return status.error().with_context("export of call attempts");
    files.push_back(jsonl.finish(target, &io));
    files.push_back(csv.finish(target, &io));
  }
  for (const auto& [id, s] : logs) summary.call_records += s.count;
  {
    HashedFile periods{target, kPeriodsJsonl};
    for (const auto& [campaign, l] : ledgers) {
      for (const auto& p : l.ledger->legal_periods(l.last + Duration{1})) {
        periods.record(period_json(campaign, p, req).dump());
      }
      for (const auto& p : l.ledger->uk_days())
        periods.record(period_json(campaign, p, req).dump());
    }
    files.push_back(periods.finish(target, &io));
    summary.periods = files.back()["records"].get<std::int64_t>();
  }
  LogStats dnc_stats;
  {
    HashedFile events{target, kDncJsonl};
    auto status = dnc.for_each_event(req.from, req.to, [&](const DncEvent& e) -> Status {
      std::size_t at = 0;
      const auto canonical = canonical_without_hash(e, &at);
      auto prev = digest_from_hex(e.prev_hash);
      if (!prev || chain_hash(*prev, canonical) != e.record_hash) {
        return Error{ErrorCode::conflict,
                     "dnc event seq " + std::to_string(e.seq) + ": stored event fails its hash"};
      }
      auto linked = check_link(dnc_stats, kDncLogId, e.seq, e.prev_hash, e.record_hash);
      if (!linked) return linked;
      events.record(insert_record_hash(canonical, at, e.record_hash));
      return ok_status();
    });
    if (!status) return status.error().with_context("export of DNC events");
    files.push_back(events.finish(target, &io));
    summary.dnc_events = dnc_stats.count;
  }
  if (!io) return io.error();

  json log_list = json::array();
  for (const auto& [id, s] : logs) {
    auto j = log_json(kAttemptsJsonl, id, s, records.checkpoints(id, s.first_seq, s.last_seq));
    if (!j) return j.error();
    log_list.push_back(std::move(*j));
  }
  if (dnc_stats.count > 0) {
    auto j = log_json(kDncJsonl, kDncLogId, dnc_stats,
                      dnc.checkpoints(dnc_stats.first_seq, dnc_stats.last_seq));
    if (!j) return j.error();
    log_list.push_back(std::move(*j));
  }
  json manifest{{"bundle_format", "dialer-compliance-export/1"},
                {"export_id", req.export_id},
                {"requester", req.requester},
                {"generated_at", format_utc(req.generated_at)},
                {"filters",
                 {{"campaign_id", req.campaign_id ? json(*req.campaign_id) : json(nullptr)},
                  {"from", format_utc(req.from)},
                  {"to", format_utc(req.to)},
                  {"range_field", "sealed_at"}}},
                {"engine_version", req.engine_version},
                {"tzdata_version", req.tzdata_version},
                {"rule_table_version", req.rule_table_version},
                {"hash_rule",
                 "record_hash = SHA-256(32 bytes of prev_hash || canonical JSON of the record "
                 "without record_hash); genesis prev_hash = 64 zeros"},
                {"files", files},
                {"logs", log_list},
                {"signing_public_key", signer.public_key_pem()}};
  const std::string text = manifest.dump();
  auto& m = target.create(kManifest);
  m << text;
  auto& sig = target.create(kManifestSig);
  sig << signer.sign_hex(text) << "\n";
  if (!m.good() || !sig.good()) return Error{ErrorCode::io_error, "writing the manifest failed"};
  auto s1 = target.finish(kManifest);
  if (!s1) return s1.error();
  auto s2 = target.finish(kManifestSig);
  if (!s2) return s2.error();
  return summary;
}

}  // namespace dialer::compliance
