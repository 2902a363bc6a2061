// End to end: the real `dialerctl config check` on the inbound example and on broken files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dialer::inbound {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

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

// Runs from the source tree, as the README's command does, so that paths read as typed.
CliRun run_check(const std::string& args) {
  const auto err_path =
      std::filesystem::path(::testing::TempDir()) /
      ("inbound_check_stderr_" +
       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  const std::string command = "cd " + std::string(DIALER_SOURCE_DIR) + " && " +
                              std::string(DIALERCTL_PATH) + " config check " + args + " 2>" +
                              err_path.string();
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

TEST(InboundCheckCliTest, TheExampleInboundFileIsValid) {
  const CliRun run = run_check("examples/inbound.yaml");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_THAT(run.out, ElementsAre("examples/inbound.yaml: ok"));
  EXPECT_THAT(run.err, IsEmpty());
}

TEST(InboundCheckCliTest, ALoopWithoutInputIsReportedAtItsFirstNode) {
  const std::string file = "tests/inbound/data/loop_without_input.yaml";
  const CliRun run = run_check(file);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, IsEmpty());
  EXPECT_THAT(run.err, ElementsAre(file + ":9:7: flows.main.nodes.welcome: loop without any "
                                          "input node: welcome -> again -> welcome never waits "
                                          "for a key, so the caller cannot leave it"));
}

TEST(InboundCheckCliTest, MixedKindsAreEachCheckedWithTheirOwnSchema) {
  const CliRun run = run_check(
      "examples/campaign.yaml examples/inbound.yaml tests/inbound/data/missing_prompt.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, ElementsAre("examples/campaign.yaml: ok", "examples/inbound.yaml: ok"));
  EXPECT_THAT(run.err,
              ElementsAre("tests/inbound/data/missing_prompt.yaml:9:37: "
                          "flows.main.nodes.welcome.prompt: prompt file 'prompts/welcome.wav' not "
                          "found (looked for tests/inbound/data/prompts/welcome.wav)"));
}

}  // namespace
}  // namespace dialer::inbound
