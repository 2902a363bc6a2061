// `dialerctl simulate --db`: a simulated campaign's calls are recorded through the compliance
// module into SQLite, exported with `dialerctl export --db` and verified with `export verify`,
// like a real campaign's (issue 4). Runs the built binary on a small scenario in a temp dir.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

namespace dialer::sim {
namespace {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string output;
};

Run dialerctl(const std::string& args, bool with_stderr = true) {
  Run r;
  const std::string cmd =
      std::string(DIALERCTL_PATH) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[512];
  while (fgets(buf, sizeof buf, p) != nullptr) r.output += buf;
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class SimulateDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dialer-simdb-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "small.yaml") << "name: small\n"
                                          "agents: 4\n"
                                          "hours_per_day: 1\n"
                                          "days: 2\n"
                                          "live_answer_rate: 0.3\n"
                                          "policies: [predictive]\n";
    const auto key = dialerctl("export keygen --out " + (dir_ / "key.pem").string(), false);
    ASSERT_EQ(key.exit_code, 0);
    std::ofstream(dir_ / "key.pub.pem") << key.output;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string db() const { return "sqlite:" + (dir_ / "sim.db").string(); }
  fs::path dir_;
};

TEST_F(SimulateDbTest, SimulatedDaysAreRecordedExportedAndVerified) {
  const auto sim = dialerctl("simulate " + (dir_ / "small.yaml").string() + " --json --db " + db() +
                                 " --signing-key " + (dir_ / "key.pem").string(),
                             false);
  ASSERT_EQ(sim.exit_code, 0) << sim.output;
  const auto report = nlohmann::json::parse(sim.output);
  const auto dials = report.at("policies").at(0).at("dials").get<std::int64_t>();
  ASSERT_GT(dials, 100);

  const auto out = dir_ / "bundle";
  const auto exported =
      dialerctl("export --db " + db() + " --from 2026-06-01 --to 2026-06-02 --out " + out.string() +
                " --signing-key " + (dir_ / "key.pem").string());
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  const auto verified = dialerctl("export verify " + out.string() + " --public-key " +
                                  (dir_ / "key.pub.pem").string());
  ASSERT_EQ(verified.exit_code, 0) << verified.output;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(verified.output, m, std::regex("OK: ([0-9]+) chained records")))
      << verified.output;
  // Every dialled call is a sealed record (refused decisions, if any, are records too).
  EXPECT_GE(std::stoll(m[1]), dials);

  // And the check can fail: one changed record is found.
  std::fstream f(out / "call_attempts.jsonl");
  ASSERT_TRUE(f.good());
  f.seekp(40);
  f.put('#');
  f.close();
  EXPECT_EQ(dialerctl("export verify " + out.string()).exit_code, 1);
}

TEST_F(SimulateDbTest, RecordingNeedsASigningKey) {
  const auto sim = dialerctl("simulate " + (dir_ / "small.yaml").string() + " --db " + db());
  EXPECT_NE(sim.exit_code, 0);
  EXPECT_NE(sim.output.find("--signing-key"), std::string::npos) << sim.output;
}

}  // namespace
}  // namespace dialer::sim
