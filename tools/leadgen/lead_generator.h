// Synthetic lead lists for demos and benchmarks: realistic US leads (real area codes, names,
// addresses, ZIP codes, two custom columns) with a controlled share of bad rows of every kind
// the importer must report. Deterministic for a seed on every platform (SeededRandom).
// Not thread-safe; one generator per output.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

namespace dialer::leadgen {

enum class RowKind {
  good,
  duplicate,
  invalid_number,
  premium_rate,
  missing_phone,
  wrong_field_count,
  invalid_utf8
};
inline constexpr std::size_t kRowKindCount = 7;
std::string_view to_string(RowKind kind);

struct GeneratorOptions {
  std::int64_t rows = 1000;
  std::uint64_t seed = 1;
  double bad_fraction = 0.10;            // share of bad rows, drawn at random per row
  std::optional<std::int64_t> bad_rows;  // exact number of bad rows instead, kinds in rotation
  int exchanges_per_area = 80;           // NXX blocks in use per area code
};

struct GeneratorStats {
  std::int64_t rows = 0;
  std::array<std::int64_t, kRowKindCount> by_kind{};
  [[nodiscard]] std::int64_t count(RowKind kind) const {
    return by_kind[static_cast<std::size_t>(kind)];
  }
};

// Writes the header and `options.rows` data rows. Good rows never share a number, so an import
// reports exactly: loaded = good, duplicates = duplicate, invalid = every other kind.
GeneratorStats generate_leads(std::ostream& out, const GeneratorOptions& options);

}  // namespace dialer::leadgen
