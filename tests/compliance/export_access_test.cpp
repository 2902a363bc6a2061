// Role-restricted exports and keyed pseudonyms for analytics exports (reference REC-07).
#include "compliance/export_access.h"

#include <gtest/gtest.h>

namespace dialer::compliance {
namespace {

TEST(ExportAccessTest, REC_07_OnlyComplianceRolesTakeComplianceExports) {
  EXPECT_TRUE(authorize_export(ExportRole::compliance_officer, ExportKind::compliance).ok());
  EXPECT_TRUE(authorize_export(ExportRole::auditor, ExportKind::compliance).ok());
  for (auto r : {ExportRole::analyst, ExportRole::supervisor, ExportRole::agent}) {
    EXPECT_FALSE(authorize_export(r, ExportKind::compliance).ok());
  }
  EXPECT_TRUE(authorize_export(ExportRole::analyst, ExportKind::analytics).ok());
  EXPECT_FALSE(authorize_export(ExportRole::agent, ExportKind::analytics).ok());
  const auto denied = authorize_export(ExportRole::supervisor, ExportKind::compliance);
  EXPECT_NE(denied.error().message.find("supervisor"), std::string::npos);
}

TEST(ExportAccessTest, REC_07_AnalyticsPseudonymsAreKeyedStableAndHideTheNumber) {
  const auto a = pseudonymize_number("+12125550123", "key-1");
  EXPECT_EQ(a, pseudonymize_number("+12125550123", "key-1"));
  EXPECT_NE(a, pseudonymize_number("+12125550124", "key-1"));
  EXPECT_NE(a, pseudonymize_number("+12125550123", "key-2"));
  EXPECT_EQ(a.size(), 34u);
  EXPECT_EQ(a.find("2125550123"), std::string::npos);
}

}  // namespace
}  // namespace dialer::compliance
