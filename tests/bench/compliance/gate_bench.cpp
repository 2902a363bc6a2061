// Dial-gate decision cost with N internal DNC numbers loaded (default 10 million).
// Usage: compliance_gate_bench DATA_DIR [dnc_numbers] [decisions] [spacing_ms]
// Prints bytes per DNC number, the DNC lookup cost alone and the full gate decision cost, as
// wall time and as this thread's CPU time (the machine may be shared). Requests start at
// 14:13 Eastern; with the default 5 ms spacing they all fall inside the calling window, a larger
// spacing (e.g. 50) runs into the night and measures deferrals too.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "compliance/dial_gate.h"
#include "compliance/files/table_files.h"
#include "dialer/common/random.h"

using namespace dialer;
using namespace dialer::compliance;

namespace {

PhoneKey random_nanp(SeededRandom& rnd) {
  static const int kNpas[] = {212, 305, 401, 214, 605, 928, 808, 206, 312, 415, 617, 702};
  const int npa = kNpas[rnd.uniform_int(0, 11)];
  return 10'000'000'000ULL + static_cast<PhoneKey>(npa) * 10'000'000ULL +
         static_cast<PhoneKey>(rnd.uniform_int(2'000'000, 9'999'999));
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATA_DIR [dnc_numbers] [decisions]\n", argv[0]);
    return 2;
  }
  const std::size_t n_dnc = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 10'000'000;
  const std::size_t n_dec = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1'000'000;
  const std::int64_t spacing_ms = argc > 4 ? std::strtoll(argv[4], nullptr, 10) : 5;
  auto tables = load_compliance_tables(argv[1]);
  if (!tables) {
    std::fprintf(stderr, "%s\n", tables.error().message.c_str());
    return 2;
  }
  SeededRandom rnd{1};
  std::vector<PhoneKey> numbers(n_dnc);
  for (auto& n : numbers) n = random_nanp(rnd);
  auto t0 = std::chrono::steady_clock::now();
  DncLists dnc;
  dnc.set_internal(DncSet{std::move(numbers)});
  std::printf("dnc_numbers=%zu load_s=%.2f bytes_per_number=%.2f\n", dnc.internal().size(),
              seconds_since(t0),
              static_cast<double>(dnc.internal().memory_bytes()) /
                  static_cast<double>(dnc.internal().size()));
  dnc.set_national({"bench", date::sys_days{date::year{2026} / 6 / 1}, DncSet{}});

  std::vector<PhoneKey> probes(n_dec);
  for (auto& p : probes) p = random_nanp(rnd);
  t0 = std::chrono::steady_clock::now();
  double cpu0 = thread_cpu_seconds();
  std::size_t hits = 0;
  for (auto p : probes) hits += dnc.internal_contains(p) ? 1 : 0;
  std::printf("dnc_lookup_ns wall=%.1f cpu=%.1f hits=%zu\n",
              seconds_since(t0) * 1e9 / static_cast<double>(n_dec),
              (thread_cpu_seconds() - cpu0) * 1e9 / static_cast<double>(n_dec), hits);

  ConsentLedger consents;
  AttemptHistory history;
  AbandonmentMonitor monitor;
  DialGateConfig config;
  auto campaign = std::make_shared<Campaign>();
  campaign->id = CampaignId{1};
  campaign->retry.max_attempts_per_day = 3;
  CampaignPolicy policy;
  policy.campaign = campaign;
  config.campaigns[campaign->id] = policy;
  monitor.add_campaign(campaign->id, {}, {}, {});
  auto gate =
      make_dial_gate(config, {tables->timezones, tables->windows, dnc, consents, history, monitor});
  // Requests during the afternoon in US zones, spread over a week: mostly allowed or DNC-denied.
  std::vector<DialRequest> requests(n_dec);
  const auto base = from_unix_ms(1'781'000'000'000);  // 2026-06-09 10:13 UTC
  for (std::size_t i = 0; i < n_dec; ++i) {
    auto& r = requests[i];
    r.number = format_e164(probes[i]);
    r.campaign = campaign->id;
    r.lead = LeadId{static_cast<std::int64_t>(i)};
    r.now = base + std::chrono::hours{8} +
            std::chrono::milliseconds{static_cast<std::int64_t>(i) * spacing_ms};
  }
  t0 = std::chrono::steady_clock::now();
  cpu0 = thread_cpu_seconds();
  for (const auto& r : requests) gate->decide(r);
  const double ns = seconds_since(t0) * 1e9 / static_cast<double>(n_dec);
  const double cpu_ns = (thread_cpu_seconds() - cpu0) * 1e9 / static_cast<double>(n_dec);
  std::printf(
      "gate_decision_ns wall=%.1f cpu=%.1f allowed=%llu internal_dnc=%llu window=%llu caps=%llu\n",
      ns, cpu_ns, static_cast<unsigned long long>(gate->count(Verdict::allow)),
      static_cast<unsigned long long>(gate->count(DecisionReason::internal_dnc)),
      static_cast<unsigned long long>(gate->count(DecisionReason::outside_window) +
                                      gate->count(DecisionReason::window_closing)),
      static_cast<unsigned long long>(gate->count(DecisionReason::freq_cap_campaign_24h)));
  return 0;
}
