#include "tools/leadgen/lead_generator.h"

#include <cstdio>
#include <iterator>
#include <string>
#include <vector>

#include "campaigns/phone_set.h"
#include "dialer/common/csv_writer.h"
#include "dialer/common/random.h"
#include "tools/leadgen/leadgen_data.h"

namespace dialer::leadgen {
namespace {

constexpr std::uint64_t kTenDigits = 10'000'000'000ULL;
constexpr RowKind kBadKinds[] = {RowKind::duplicate,         RowKind::invalid_number,
                                 RowKind::premium_rate,      RowKind::missing_phone,
                                 RowKind::wrong_field_count, RowKind::invalid_utf8};
// Share of each bad kind among bad rows, in kBadKinds order.
constexpr double kBadShares[] = {0.30, 0.25, 0.15, 0.15, 0.10, 0.05};

bool usable_exchange(int nxx) { return nxx % 100 != 11 && nxx != 555 && nxx != 976 && nxx != 950; }

class Generator {
 public:
  Generator(std::ostream& out, const GeneratorOptions& options)
      : writer_(out),
        options_(options),
        rng_(options.seed),
        used_(static_cast<std::size_t>(options.rows)) {
    for (std::size_t a = 0; a < area_codes().size(); ++a) {
      std::vector<int> pool;
      while (pool.size() < static_cast<std::size_t>(options.exchanges_per_area)) {
        const int nxx = static_cast<int>(rng_.uniform_int(200, 999));
        if (usable_exchange(nxx)) pool.push_back(nxx);
      }
      exchanges_.push_back(std::move(pool));
    }
  }

  GeneratorStats run() {
    write_header();
    for (std::int64_t i = 0; i < options_.rows; ++i) {
      RowKind kind = plan(i);
      if (kind == RowKind::duplicate && good_.empty()) kind = RowKind::good;  // nothing to repeat
      write_row(kind);
      ++stats_.by_kind[static_cast<std::size_t>(kind)];
      ++stats_.rows;
    }
    return stats_;
  }

 private:
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(
        rng_.uniform_int(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

  RowKind plan(std::int64_t i) {
    if (options_.bad_rows) {  // evenly spread, kinds in rotation
      const std::int64_t n = *options_.bad_rows;
      const std::int64_t slot = (i + 1) * (n + 1) / (options_.rows + 1);
      const std::int64_t previous = i * (n + 1) / (options_.rows + 1);
      if (slot == previous || slot > n) return RowKind::good;
      return kBadKinds[static_cast<std::size_t>(slot - 1) % std::size(kBadKinds)];
    }
    if (!rng_.bernoulli(options_.bad_fraction)) return RowKind::good;
    double u = rng_.uniform01();
    for (std::size_t k = 0; k < std::size(kBadKinds); ++k) {
      if (u < kBadShares[k]) return kBadKinds[k];
      u -= kBadShares[k];
    }
    return RowKind::invalid_number;
  }

  // A valid national number, distinct from every earlier one when `fresh`.
  std::uint64_t valid_national(std::size_t& area, bool fresh) {
    for (;;) {
      area = static_cast<std::size_t>(
          rng_.uniform_int(0, static_cast<std::int64_t>(area_codes().size()) - 1));
      const auto& pool = exchanges_[area];
      const auto nxx = static_cast<std::uint64_t>(pool[static_cast<std::size_t>(
          rng_.uniform_int(0, static_cast<std::int64_t>(pool.size()) - 1))]);
      const auto national = static_cast<std::uint64_t>(area_codes()[area].npa) * 10'000'000 +
                            nxx * 10'000 + static_cast<std::uint64_t>(rng_.uniform_int(0, 9999));
      if (!fresh || used_.insert(kTenDigits + national)) return national;
    }
  }

  std::string spell(std::uint64_t national) {
    const auto npa = static_cast<unsigned>(national / 10'000'000);
    const auto nxx = static_cast<unsigned>(national / 10'000 % 1000);
    const auto line = static_cast<unsigned>(national % 10'000);
    static constexpr const char* kFormats[] = {"(%03u) %03u-%04u",  "%03u-%03u-%04u",
                                               "%03u.%03u.%04u",    "%03u%03u%04u",
                                               "+1 %03u %03u %04u", "1-%03u-%03u-%04u"};
    char buf[32];
    std::snprintf(buf, sizeof buf, kFormats[rng_.uniform_int(0, 5)], npa, nxx, line);
    return buf;
  }

  std::string invalid_number(std::size_t& area) {
    const std::uint64_t national = valid_national(area, false);
    const auto npa = national / 10'000'000;
    char buf[32];
    switch (rng_.uniform_int(0, 5)) {
      case 0:  // N11 exchange
        std::snprintf(buf, sizeof buf, "%03u-%u11-%04u", static_cast<unsigned>(npa),
                      static_cast<unsigned>(rng_.uniform_int(2, 9)),
                      static_cast<unsigned>(national % 10'000));
        return buf;
      case 1:  // the 555-01XX range reserved for fiction
        std::snprintf(buf, sizeof buf, "(%03u) 555-01%02u", static_cast<unsigned>(npa),
                      static_cast<unsigned>(rng_.uniform_int(0, 99)));
        return buf;
      case 2:  // a digit short
        return std::to_string(national / 10);
      case 3: {
        static constexpr std::string_view kJunk[] = {"N/A", "unknown", "TBD", "none", "call back"};
        return std::string(pick(std::span<const std::string_view>(kJunk)));
      }
      case 4:  // area code starting with 1
        return "(1" + std::to_string(rng_.uniform_int(10, 99)) + ") " +
               std::to_string(national % 10'000'000);
      default:  // area code not in service
        return "999-" + std::to_string(rng_.uniform_int(200, 999)) + "-" +
               std::to_string(rng_.uniform_int(1000, 9999));
    }
  }

  std::string premium_number(std::size_t& area) {
    const std::uint64_t national = valid_national(area, false);
    if (rng_.bernoulli(0.5)) return spell(900 * 10'000'000ULL + national % 10'000'000);
    return spell(national / 10'000'000 * 10'000'000 + 976 * 10'000 + national % 10'000);
  }

  std::string phone_for(RowKind kind, std::size_t& area) {
    switch (kind) {
      case RowKind::duplicate: {
        const auto last = static_cast<std::int64_t>(good_.size()) - 1;
        const auto& [national, a] = good_[static_cast<std::size_t>(rng_.uniform_int(0, last))];
        area = a;
        return spell(national);
      }
      case RowKind::good: {
        const std::uint64_t national = valid_national(area, true);
        good_.emplace_back(national, area);
        return spell(national);
      }
      case RowKind::invalid_number:
        return invalid_number(area);
      case RowKind::premium_rate:
        return premium_number(area);
      case RowKind::missing_phone:
        valid_national(area, false);
        return rng_.bernoulli(0.5) ? "" : "  ";
      case RowKind::wrong_field_count:
      case RowKind::invalid_utf8:
        return spell(valid_national(area, true));
    }
    return {};
  }

  void write_header() {
    for (const char* name : {"phone", "alt_phone_1", "first_name", "last_name", "address", "city",
                             "state", "postal_code", "email", "customer_id", "source"}) {
      writer_.raw_field(name);
    }
    writer_.end_row();
  }

  void write_row(RowKind kind);
  std::string email_for(std::string_view first, std::string_view last);

  CsvWriter writer_;
  const GeneratorOptions& options_;
  SeededRandom rng_;
  PhoneSet used_;
  std::vector<std::vector<int>> exchanges_;
  std::vector<std::pair<std::uint64_t, std::size_t>> good_;  // national number, area index
  GeneratorStats stats_;
};

std::string Generator::email_for(std::string_view first, std::string_view last) {
  std::string local;
  for (std::string_view part : {first, std::string_view("."), last}) {
    for (char c : part) {
      if (c >= 'A' && c <= 'Z') local.push_back(static_cast<char>(c - 'A' + 'a'));
      if ((c >= 'a' && c <= 'z') || c == '.') local.push_back(c);
    }
  }
  static constexpr std::string_view kDomains[] = {"example.com", "example.net", "example.org"};
  return local + std::to_string(rng_.uniform_int(1, 999)) + "@" +
         std::string(pick(std::span<const std::string_view>(kDomains)));
}

void Generator::write_row(RowKind kind) {
  std::size_t area = 0;
  const std::string phone = phone_for(kind, area);
  writer_.raw_field(phone);  // generated numbers are trusted text, written as spelled
  if (rng_.bernoulli(0.25)) {
    std::size_t alt_area = 0;
    writer_.raw_field(spell(valid_national(alt_area, true)));
  } else {
    writer_.raw_field("");
  }
  const std::string_view first =
      kind == RowKind::invalid_utf8 ? pick(latin1_first_names()) : pick(first_names());
  const std::string_view last = pick(last_names());
  writer_.field(first).field(last);
  std::string address = std::to_string(rng_.uniform_int(1, 9899)) + " " +
                        std::string(pick(street_names())) + " " +
                        std::string(pick(street_suffixes()));
  if (rng_.bernoulli(0.1)) address += ", Apt " + std::to_string(rng_.uniform_int(1, 40));
  const AreaCode& place = area_codes()[area];
  char zip[8];
  std::snprintf(zip, sizeof zip, "%.3s%02d", place.zip_prefix.data(),
                static_cast<int>(rng_.uniform_int(1, 99)));
  writer_.field(address).field(place.city).field(place.state).field(zip);
  writer_.field(email_for(first, last));
  char customer[24];
  std::snprintf(customer, sizeof customer, "C%08lld", static_cast<long long>(stats_.rows + 1));
  writer_.field(customer);
  if (kind == RowKind::wrong_field_count && rng_.bernoulli(0.5)) {
    writer_.end_row();  // the source column is missing
    return;
  }
  writer_.field(pick(lead_sources()));
  if (kind == RowKind::wrong_field_count) writer_.field("extra");
  writer_.end_row();
}

}  // namespace

std::string_view to_string(RowKind kind) {
  switch (kind) {
    case RowKind::good:
      return "good";
    case RowKind::duplicate:
      return "duplicate";
    case RowKind::invalid_number:
      return "invalid_number";
    case RowKind::premium_rate:
      return "premium_rate";
    case RowKind::missing_phone:
      return "missing_phone";
    case RowKind::wrong_field_count:
      return "wrong_field_count";
    case RowKind::invalid_utf8:
      return "invalid_utf8";
  }
  return "unknown";
}

GeneratorStats generate_leads(std::ostream& out, const GeneratorOptions& options) {
  Generator generator(out, options);
  return generator.run();
}

}  // namespace dialer::leadgen
