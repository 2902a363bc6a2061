// leadgen: writes a synthetic lead CSV (see lead_generator.h) and prints what it wrote as JSON.
//   leadgen --rows 1000000 --seed 1 --out leads.csv
//   leadgen --rows 1200 --seed 42 --bad-rows 7 --out examples/leads.csv
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <vector>

#include "tools/leadgen/lead_generator.h"

int main(int argc, char** argv) {
  using namespace dialer::leadgen;
  CLI::App app{"Generate a synthetic lead CSV for demos and benchmarks"};
  GeneratorOptions options;
  std::string out_path;
  std::int64_t bad_rows = -1;
  app.add_option("--rows", options.rows, "data rows to write")
      ->check(CLI::Range(0LL, 100'000'000LL));
  app.add_option("--seed", options.seed, "random seed; the same seed gives the same file");
  app.add_option("--out", out_path, "output CSV file")->required();
  app.add_option("--bad-fraction", options.bad_fraction, "share of bad rows, drawn per row")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--bad-rows", bad_rows, "exact number of bad rows, kinds in rotation")
      ->check(CLI::NonNegativeNumber);
  CLI11_PARSE(app, argc, argv);
  if (bad_rows >= 0) options.bad_rows = std::min(bad_rows, options.rows);

  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  std::vector<char> buffer(1 << 20);
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  if (!out) {
    std::cerr << "leadgen: cannot open " << out_path << " for writing\n";
    return 1;
  }
  const GeneratorStats stats = generate_leads(out, options);
  out.close();
  if (!out) {
    std::cerr << "leadgen: writing " << out_path << " failed\n";
    return 1;
  }
  std::cout << "{\"rows\":" << stats.rows;
  for (std::size_t k = 0; k < kRowKindCount; ++k) {
    std::cout << ",\"" << to_string(static_cast<RowKind>(k)) << "\":" << stats.by_kind[k];
  }
  std::cout << "}\n";
  return 0;
}
