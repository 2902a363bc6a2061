#include "dialer/amd/amd_params.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dialer::amd {
namespace {

TEST(AmdParamsTest, SetsParametersByName) {
  AmdConfig config;
  ASSERT_TRUE(apply_param(config, "cadence.short_silence=600").ok());
  ASSERT_TRUE(apply_param(config, "classic.max_words=3").ok());
  ASSERT_TRUE(apply_param(config, "max_analysis=5000").ok());
  EXPECT_EQ(config.cadence.short_silence, Duration{600});
  EXPECT_EQ(config.classic.max_words, 3);
  EXPECT_EQ(config.max_analysis, Duration{5000});
  auto all = describe_params(config);
  EXPECT_NE(std::find(all.begin(), all.end(), "cadence.short_silence=600"), all.end());
}

TEST(AmdParamsTest, ReachesTheGreetingShapeParameters) {
  AmdConfig config;
  ASSERT_TRUE(apply_param(config, "cadence.sentence_pause=250").ok());
  ASSERT_TRUE(apply_param(config, "cadence.unbroken_greeting=3600").ok());
  ASSERT_TRUE(apply_param(config, "cadence.limit_silence=200").ok());
  ASSERT_TRUE(apply_param(config, "cadence.late_onset=2500").ok());
  EXPECT_EQ(config.cadence.sentence_pause, Duration{250});
  EXPECT_EQ(config.cadence.unbroken_greeting, Duration{3600});
  EXPECT_EQ(config.cadence.limit_silence, Duration{200});
  EXPECT_EQ(config.cadence.late_onset, Duration{2500});
  EXPECT_TRUE(validate(config).ok());
  config.cadence.unbroken_greeting = Duration{2000};  // below long_greeting
  EXPECT_FALSE(validate(config).ok());
}

TEST(AmdParamsTest, RejectsUnknownNamesAndMalformedValues) {
  AmdConfig config;
  EXPECT_FALSE(apply_param(config, "cadence.nonsense=1").ok());
  EXPECT_FALSE(apply_param(config, "cadence.short_silence=fast").ok());
  EXPECT_FALSE(apply_param(config, "cadence.short_silence").ok());
  EXPECT_EQ(config.cadence.short_silence, AmdConfig{}.cadence.short_silence);
}

}  // namespace
}  // namespace dialer::amd
