#include <gtest/gtest.h>

#include <type_traits>
#include <unordered_set>

#include "dialer/common/ids.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer {
namespace {

TEST(StrongIdTest, IdsOfDifferentKindsDoNotConvert) {
  static_assert(!std::is_convertible_v<LeadId, CallId>);
  static_assert(!std::is_convertible_v<std::int64_t, LeadId>);
  std::unordered_set<LeadId> ids{LeadId{1}, LeadId{2}, LeadId{1}};
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_LT(LeadId{1}, LeadId{2});
}

Result<int> parse_positive(int v) {
  if (v <= 0) return Error{ErrorCode::invalid_argument, "must be positive"};
  return v;
}

TEST(ResultTest, HoldsValueOrErrorWithContext) {
  auto good = parse_positive(3);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 3);
  auto bad = parse_positive(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(bad.error().with_context("campaign 42").message, "campaign 42: must be positive");
}

TEST(TimeTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(format_utc(from_unix_ms(1'795'449'787'250)), "2026-11-23T16:03:07.250Z");
}

}  // namespace
}  // namespace dialer
