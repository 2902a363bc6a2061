// storage_bench: streams N synthetic leads through LeadRepository::insert_batch into --db and
// prints rows/s, the way a CSV import would (one reused batch buffer, fixed batch size).
// Then walks every phone once with for_each_phone to time the duplicate-check read.
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "dialer/common/random.h"
#include "dialer/storage/database.h"

namespace {

using dialer::Lead;

constexpr const char* kFirst[] = {"James",     "Mary",    "Robert",  "Patricia",
                                  "Jennifer",  "Michael", "Linda",   "William",
                                  "Elizabeth", "David",   "Barbara", "Zoë"};
constexpr const char* kLast[] = {"Smith",  "Johnson", "Williams",  "Brown",    "Jones",  "Garcia",
                                 "Miller", "Davis",   "Rodriguez", "Martinez", "O'Neil", "Nguyen"};
constexpr const char* kStreet[] = {"Main St", "Oak Ave",         "Maple Dr",     "Cedar Ln",
                                   "Elm St",  "Washington Blvd", "Lake View Rd", "Park Pl"};
constexpr const char* kCity[] = {"New York",     "Chicago",     "Houston",   "Phoenix",
                                 "Philadelphia", "San Antonio", "San Diego", "Dallas"};
constexpr const char* kState[] = {"NY", "IL", "TX", "AZ", "PA", "TX", "CA", "TX"};
constexpr const char* kZone[] = {"America/New_York",    "America/Chicago",  "America/Chicago",
                                 "America/Phoenix",     "America/New_York", "America/Chicago",
                                 "America/Los_Angeles", "America/Chicago"};

template <std::size_t N>
const char* pick(const char* const (&items)[N], dialer::Random& rng) {
  return items[rng.uniform_int(0, static_cast<std::int64_t>(N) - 1)];
}

// Field sizes follow a typical US lead list: name, street address, city/state/zip, zone,
// e-mail, half the rows with one alternate phone, two custom columns.
// Phones are unique; "random" scrambles them (a bijection mod 10^9) so they reach the phone
// index in no particular order, "sequential" gives a list sorted by phone.
void fill(Lead& lead, std::int64_t n, bool random_order, dialer::Random& rng) {
  const int city = static_cast<int>(rng.uniform_int(0, 7));
  const std::int64_t number = random_order ? (n * 387'420'489) % 1'000'000'000 : n;
  lead.phone = "+1" + std::to_string(2'000'000'000 + number);
  lead.alt_phones.clear();
  if (rng.bernoulli(0.5)) lead.alt_phones.push_back("+1" + std::to_string(3'012'000'000 + n));
  lead.first_name = pick(kFirst, rng);
  lead.last_name = pick(kLast, rng);
  lead.address = std::to_string(rng.uniform_int(1, 9999)) + " " + pick(kStreet, rng) + ", Apt " +
                 std::to_string(rng.uniform_int(1, 40));
  lead.city = kCity[city];
  lead.state = kState[city];
  lead.postal_code = std::to_string(rng.uniform_int(10000, 99999));
  lead.timezone = kZone[city];
  lead.email = lead.first_name + "." + lead.last_name + std::to_string(n % 1000) + "@example.com";
  lead.custom_fields = {{"account", "AC-" + std::to_string(100'000'000 + n)},
                        {"segment", rng.bernoulli(0.3) ? "renewal" : "new, web form"}};
  lead.source_line = n + 2;
}

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  // A benchmark measures elapsed time; the core never reads clocks, this tool does.
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Bulk lead insert benchmark for dialer/storage"};
  std::string url = "sqlite:storage_bench.db";
  std::int64_t rows = 1'000'000;
  std::size_t batch = 5'000;
  std::int64_t campaign = 1;
  app.add_option("--db", url, "database URL (sqlite:PATH or mysql://user:pw@host:port/db)");
  app.add_option("--rows", rows, "leads to insert")->check(CLI::PositiveNumber);
  app.add_option("--batch", batch, "leads per insert_batch call")->check(CLI::PositiveNumber);
  std::string order = "random";
  app.add_option("--order", order, "phone order of the synthetic list")
      ->check(CLI::IsMember({"random", "sequential"}));
  app.add_option("--campaign", campaign, "campaign id to load into")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  auto db = dialer::open_database(url);
  if (!db) {
    std::fprintf(stderr, "storage_bench: %s\n", db.error().message.c_str());
    return 1;
  }
  dialer::Database& database = **db;
  const dialer::CampaignId id{campaign};
  if (auto s = database.campaigns().upsert({id, "bench", "Benchmark campaign",
                                            dialer::DialMode::predictive, "name: bench\n",
                                            dialer::from_unix_ms(0)});
      !s) {
    std::fprintf(stderr, "storage_bench: %s\n", s.error().message.c_str());
    return 1;
  }
  auto list = database.leads().ensure_list("bench", id, "bench-list");
  if (!list) {
    std::fprintf(stderr, "storage_bench: %s\n", list.error().message.c_str());
    return 1;
  }
  auto before = database.leads().count(id);
  dialer::SeededRandom rng(42);
  std::vector<Lead> buffer(batch);
  for (Lead& lead : buffer) {
    lead.tenant = "bench";
    lead.campaign = id;
    lead.list = list->id;
  }
  const auto start = std::chrono::steady_clock::now();
  double storage_s = 0;    // wall time inside insert_batch only
  double storage_cpu = 0;  // CPU time inside insert_batch only (client side)
  for (std::int64_t done = 0; done < rows;) {
    const auto n = static_cast<std::size_t>(std::min<std::int64_t>(batch, rows - done));
    for (std::size_t i = 0; i < n; ++i) {
      fill(buffer[i], done + static_cast<std::int64_t>(i), order == "random", rng);
    }
    const auto call = std::chrono::steady_clock::now();
    const double cpu = cpu_seconds();
    if (auto s = database.leads().insert_batch(std::span<const Lead>(buffer.data(), n)); !s) {
      std::fprintf(stderr, "storage_bench: %s\n", s.error().message.c_str());
      return 1;
    }
    storage_cpu += cpu_seconds() - cpu;
    storage_s += seconds_since(call);
    done += static_cast<std::int64_t>(n);
  }
  const double insert_s = seconds_since(start);
  auto after = database.leads().count(id);
  const auto read_start = std::chrono::steady_clock::now();
  std::int64_t phones = 0;
  auto walked = database.leads().for_each_phone(id, [&](std::string_view) { ++phones; });
  const double read_s = seconds_since(read_start);
  if (!after || !before || !walked || *after - *before != rows) {
    std::fprintf(stderr, "storage_bench: row count check failed\n");
    return 1;
  }
  std::printf("backend=%s rows=%lld batch=%zu order=%s insert_s=%.2f rows_per_s=%.0f\n",
              std::string(database.backend()).c_str(), static_cast<long long>(rows), batch,
              order.c_str(), insert_s, static_cast<double>(rows) / insert_s);
  std::printf("inside insert_batch: wall_s=%.2f rows_per_s=%.0f client_cpu_s=%.2f\n", storage_s,
              static_cast<double>(rows) / storage_s, storage_cpu);
  std::printf("for_each_phone: %lld phones in %.2f s (%.0f/s)\n", static_cast<long long>(phones),
              read_s, static_cast<double>(phones) / read_s);
  return 0;
}
