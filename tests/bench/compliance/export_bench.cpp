// Export and verification throughput of N call records (default 1 million) from a synthetic
// repository that seals records on the fly (its own cost is measured first and reported).
// Usage: compliance_export_bench OUT_DIR [records]     (OUT_DIR is created; delete it after)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "compliance/files/bundle_directory.h"
#include "compliance/record_log.h"

using namespace dialer;
using namespace dialer::compliance;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of this process: the meaningful figure when other builds share the cores.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// A realistic answered and bridged attempt.
CallRecord sample(std::int64_t i, TimePoint t) {
  CallRecord r;
  r.attempt_id = "2f1c8a9e-0000-4000-8000-" + std::to_string(100000000000 + i);
  r.campaign_id = "42";
  r.tenant_id = "acme";
  r.seller_id = "acme-solar";
  r.telemarketer_id = "acme-cc";
  r.subject_matter = "solar";
  r.lead_id = std::to_string(1000000 + i);
  r.list_id = "spring-2026";
  r.called_number = "+1212555" + std::to_string(1000 + i % 9000);
  r.caller_id_presented = "+12125550100";
  r.dial_mode = "PREDICTIVE";
  r.decision = "DIALED";
  r.jurisdiction_profile = "US-FED+US-NY";
  r.tz_candidates = {"America/New_York"};
  r.tz_sources = {"NPA"};
  r.called_party_tz = "America/New_York";
  r.called_party_local_time = "2026-06-10T10:00:00.000-04:00";
  r.window_rules_applied = {"CAMPAIGN_WINDOW", "US_FED_08_21"};
  r.tzdata_version = "2026f";
  r.dnc_national_snapshot_id = "ftc-2026-06-01";
  r.dnc_national_snapshot_date = "2026-06-01";
  r.decided_at = t;
  r.internal_dnc_checked_at = t;
  r.invite_sent_at = t;
  r.ring_started_at = t + std::chrono::milliseconds{800};
  r.ring_ended_at = t + std::chrono::seconds{9};
  r.ring_duration_ms = 8200;
  r.sip_final_code = 200;
  r.answered_at = r.ring_ended_at;
  r.amd_enabled = true;
  r.amd_result = "HUMAN";
  r.live_answer = true;
  r.agent_id = "agent-17";
  r.agent_bridged_at = t + std::chrono::seconds{10};
  r.time_to_agent_from_answer_ms = 1000;
  r.call_ended_at = t + std::chrono::seconds{190};
  r.talk_duration_ms = 180000;
  r.total_duration_ms = 190000;
  r.disposition = "SALE";
  r.disposition_set_by = "agent-17";
  r.dialer_node_id = "node-1";
  r.engine_version = "0.1.0";
  r.config_version = "c-9";
  r.record_state = "COMPLETE";
  r.sealed_at = t + std::chrono::seconds{200};
  return r;
}

class SyntheticRecords final : public CallRecordRepository {
 public:
  explicit SyntheticRecords(std::int64_t n) : n_(n) {}
  Status put_open(const CallRecord&) override { return ok_status(); }
  Status append_sealed(const CallRecord&) override { return ok_status(); }
  Result<std::vector<CallRecord>> open_attempts() override { return std::vector<CallRecord>{}; }
  Result<std::optional<ChainHead>> chain_head(const std::string&) override {
    return std::optional<ChainHead>{};
  }
  Result<std::vector<std::string>> log_ids() override { return std::vector<std::string>{"42"}; }
  Status for_each_sealed(const RecordRange&,
                         const std::function<Status(const CallRecord&)>& visit) override {
    std::string prev = kGenesisHash;
    const auto t0 = from_unix_ms(1'781'000'000'000);
    for (std::int64_t i = 0; i < n_; ++i) {
      auto r = sample(i, t0 + std::chrono::milliseconds{i * 300});
      seal_after(r, i, prev);
      prev = r.record_hash;
      auto s = visit(r);
      if (!s) return s;
    }
    return ok_status();
  }
  Status append_checkpoint(const Checkpoint&) override { return ok_status(); }
  Result<std::vector<Checkpoint>> checkpoints(const std::string&, std::int64_t,
                                              std::int64_t) override {
    return std::vector<Checkpoint>{};
  }

 private:
  std::int64_t n_;
};

class NoDnc final : public DncRepository {
 public:
  Status append_event(const DncEvent&) override { return ok_status(); }
  Result<std::optional<ChainHead>> head() override { return std::optional<ChainHead>{}; }
  Status for_each_event(TimePoint, TimePoint,
                        const std::function<Status(const DncEvent&)>&) override {
    return ok_status();
  }
  Status for_each_internal(const std::function<void(PhoneKey)>&) override { return ok_status(); }
  Status for_each_campaign_entry(const std::function<void(CampaignId, PhoneKey)>&) override {
    return ok_status();
  }
  Status append_checkpoint(const Checkpoint&) override { return ok_status(); }
  Result<std::vector<Checkpoint>> checkpoints(std::int64_t, std::int64_t) override {
    return std::vector<Checkpoint>{};
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR [records] [phase: all|export|verify]\n", argv[0]);
    return 2;
  }
  const std::int64_t n = argc > 2 ? std::strtoll(argv[2], nullptr, 10) : 1'000'000;
  const std::string phase = argc > 3 ? argv[3] : "all";
  auto signer = *Ed25519Signer::from_private_pem(*Ed25519Signer::generate_private_pem());
  SyntheticRecords records{n};
  NoDnc dnc;
  if (phase == "all" || phase == "export") {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_seconds();
    std::int64_t seen = 0;
    (void)records.for_each_sealed({}, [&](const CallRecord&) -> Status {
      ++seen;
      return ok_status();
    });
    const double gen = seconds_since(t0);
    const double gen_cpu = cpu_seconds() - c0;
    BundleDirectory dir{argv[1]};
    if (!dir.prepare()) return 2;
    ExportRequest req;
    req.from = TimePoint::min();
    req.to = TimePoint::max();
    t0 = std::chrono::steady_clock::now();
    c0 = cpu_seconds();
    auto summary = write_bundle(records, dnc, req, signer, dir);
    const double total = seconds_since(t0);
    const double total_cpu = cpu_seconds() - c0;
    if (!summary) {
      std::fprintf(stderr, "%s\n", summary.error().message.c_str());
      return 1;
    }
    std::printf(
        "records=%lld source_seal_s=%.2f export_total_s=%.2f export_only_s=%.2f "
        "export_records_per_s=%.0f (with source sealing: %.0f)\n",
        static_cast<long long>(seen), gen, total, total - gen,
        static_cast<double>(n) / (total - gen), static_cast<double>(n) / total);
    std::printf("cpu: source_seal_s=%.2f export_total_s=%.2f export_only_records_per_cpu_s=%.0f\n",
                gen_cpu, total_cpu, static_cast<double>(n) / (total_cpu - gen_cpu));
  }
  if (phase == "all" || phase == "verify") {
    BundleDirectory dir{argv[1]};
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = cpu_seconds();
    auto report = verify_bundle(dir, std::nullopt);
    const double s = seconds_since(t0);
    const double cpu = cpu_seconds() - c0;
    std::printf(
        "verify_ok=%d verify_s=%.2f verify_records_per_s=%.0f cpu_s=%.2f "
        "verify_records_per_cpu_s=%.0f\n",
        report.ok() ? 1 : 0, s, static_cast<double>(report.records_checked) / s, cpu,
        static_cast<double>(report.records_checked) / cpu);
    if (!report.ok()) std::printf("%s\n", describe(report.issues.front()).c_str());
  }
  return 0;
}
