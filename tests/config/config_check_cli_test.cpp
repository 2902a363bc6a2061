// End to end: runs the real `dialerctl config check` binary as an operator or the demo does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/config/test_support.h"

namespace dialer::config {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::source_path;

struct CliRun {
  int exit_code = -1;
  std::vector<std::string> out;
  std::vector<std::string> err;
};

std::vector<std::string> split_lines(std::istream& in) {
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

CliRun run_check(const std::string& args) {
  const auto err_path =
      std::filesystem::path(::testing::TempDir()) /
      ("config_check_stderr_" +
       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  const std::string command =
      std::string(DIALERCTL_PATH) + " config check " + args + " 2>" + err_path.string();
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::string out;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
    out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::istringstream out_stream(out);
  run.out = split_lines(out_stream);
  std::ifstream err_stream(err_path);
  run.err = split_lines(err_stream);
  std::filesystem::remove(err_path);
  return run;
}

TEST(ConfigCheckCliTest, BadFileExitsOneWithItsThreeDiagnostics) {
  const std::string bad = source_path("tests/config/data/three_mistakes.yaml");
  const CliRun run = run_check(bad);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err,
              ElementsAre(bad + ":4:1: unknown key 'ring_timout' (did you mean 'ring_timeout'?)",
                          bad + ":6:17: retry.max_attempts: expected an integer, got 'many'",
                          bad + ":7:18: abandon_ceiling: must be at most 0.03 (ABN-08: legal "
                                "abandonment ceiling), got 0.05"));
}

TEST(ConfigCheckCliTest, ExampleFilesAreValid) {
  const std::string campaign = source_path("examples/campaign.yaml");
  const std::string engine = source_path("examples/dialerd.yaml");
  const CliRun run = run_check(campaign + " " + engine);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, ElementsAre(campaign + ": ok", engine + ": ok"));
  EXPECT_THAT(run.err, IsEmpty());
}

TEST(ConfigCheckCliTest, UnreadableFileExitsTwoWithTheOsError) {
  const std::string campaign = source_path("examples/campaign.yaml");
  const CliRun run = run_check("/nonexistent/campaign.yaml " + campaign);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, ElementsAre(campaign + ": ok"));
  EXPECT_THAT(run.err, ElementsAre("/nonexistent/campaign.yaml: cannot read file: No such file or "
                                   "directory"));
}

}  // namespace
}  // namespace dialer::config
