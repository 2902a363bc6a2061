#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "dialer/config/config_load.h"
#include "dialer/config/default_dispositions.h"
#include "tests/config/test_support.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using testing::lines;
using testing::load_minimal_with;

std::vector<std::string> codes(const Campaign& c) {
  std::vector<std::string> out;
  for (const auto& d : c.dispositions) out.push_back(d.code);
  return out;
}

const Disposition& find(const Campaign& c, std::string_view code) {
  return *std::find_if(c.dispositions.begin(), c.dispositions.end(),
                       [&](const Disposition& d) { return d.code == code; });
}

TEST(DispositionTest, FileWithoutDispositionsGetsTheDefaultCatalog) {
  const auto load = load_minimal_with("retry: {busy_delay: 45m}\n");
  ASSERT_TRUE(load.ok());
  EXPECT_THAT(codes(*load.value),
              ElementsAre("NO_ANSWER", "BUSY", "AMD_MACHINE", "VOICEMAIL_LEFT", "ABANDONED",
                          "INVALID_NUMBER", "CONGESTION", "REJECTED", "SYSTEM_FAILURE",
                          "NO_DISPOSITION", "SALE",
                          "NOT_INTERESTED", "DNC", "CALLBACK", "WRONG_NUMBER"));
  const Campaign& c = *load.value;
  EXPECT_TRUE(find(c, "BUSY").system);
  EXPECT_EQ(find(c, "BUSY").effect.retry_after, Duration{45min});  // follows the retry rules
  EXPECT_TRUE(find(c, "INVALID_NUMBER").effect.final);
  EXPECT_FALSE(find(c, "SALE").system);
  EXPECT_TRUE(find(c, "SALE").effect.sale);
  EXPECT_TRUE(find(c, "DNC").effect.add_to_dnc);
  EXPECT_TRUE(find(c, "CALLBACK").effect.schedule_callback);
}

TEST(DispositionTest, SystemCodesAreAlwaysPresentAfterTheFilesOwn) {
  const auto load = load_minimal_with(R"(
dispositions:
  - {code: SALE, final: true, sale: true, contact: true}
  - {code: BUSY, label: "Line busy", retry_after: 10m}
)");
  ASSERT_TRUE(load.ok()) << lines(load.diagnostics).front();
  EXPECT_THAT(codes(*load.value),
              ElementsAre("SALE", "BUSY", "NO_ANSWER", "AMD_MACHINE", "VOICEMAIL_LEFT", "ABANDONED",
                          "INVALID_NUMBER", "CONGESTION", "REJECTED", "SYSTEM_FAILURE",
                          "NO_DISPOSITION"));
  const Disposition& busy = find(*load.value, "BUSY");
  EXPECT_TRUE(busy.system);  // a system code stays a system code
  EXPECT_EQ(busy.label, "Line busy");
  EXPECT_EQ(busy.effect.retry_after, Duration{10min});
  EXPECT_EQ(find(*load.value, "SALE").label, "Sale");  // label derived from the code
}

TEST(DispositionTest, RejectsDuplicateCodesNamingTheFirstDefinition) {
  const auto load = load_minimal_with(R"(
dispositions:
  - {code: SALE, final: true}
  - {code: NOT_INTERESTED, final: true}
  - {code: SALE}
)");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:7:12: dispositions[2].code: duplicate disposition code 'SALE' "
                          "(first defined at line 5)"));
}

TEST(DispositionTest, RejectsBadCodesAndMisusedSystemFlags) {
  const auto load = load_minimal_with(R"(
dispositions:
  - {code: sale}
  - {code: FOO, system: true}
  - {code: NO_ANSWER, system: false}
  - {label: "No code"}
)");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:5:12: dispositions[0].code: 'sale' must be upper-case letters, "
                          "digits and underscores, starting with a letter (e.g. NOT_INTERESTED)",
                          "c.yaml:6:25: dispositions[1]: 'FOO' is not a system code; the engine "
                          "sets only NO_ANSWER, BUSY, AMD_MACHINE, VOICEMAIL_LEFT, ABANDONED, "
                          "INVALID_NUMBER, CONGESTION, REJECTED, SYSTEM_FAILURE, NO_DISPOSITION",
                          "c.yaml:7:31: dispositions[2]: NO_ANSWER is a system code set by the "
                          "engine; system must be true",
                          "c.yaml:8:5: dispositions[3]: missing required key 'code'"));
}

TEST(DispositionTest, RejectsContradictoryEffects) {
  const auto load = load_minimal_with(R"(
dispositions:
  - {code: SALE, final: true, retry_after: 1h}
  - {code: LATER, final: true, schedule_callback: true}
  - {code: DNC, add_to_dnc: true}
  - {code: MAYBE, contact: perhaps}
)");
  EXPECT_THAT(lines(load.diagnostics),
              ElementsAre("c.yaml:5:44: dispositions[0]: a final disposition cannot have "
                          "retry_after",
                          "c.yaml:6:51: dispositions[1]: a final disposition cannot schedule a "
                          "callback",
                          "c.yaml:7:29: dispositions[2]: add_to_dnc requires final: true (a number "
                          "on the DNC list is never dialed again)",
                          "c.yaml:8:28: dispositions[3].contact: expected true or false, got "
                          "'perhaps'"));
}

TEST(DispositionTest, EmptyListMeansTheDefaultCatalog) {
  const auto load = load_minimal_with("dispositions: []\n");
  ASSERT_TRUE(load.ok());
  EXPECT_EQ(load.value->dispositions.size(), default_dispositions(RetryRules{}).size());
}

}  // namespace
}  // namespace dialer::config
