// docs/api/openapi.yaml and the server's routes are the same set of (method, path) pairs.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "api_fixture.h"

namespace dialer::api::testing {
namespace {

TEST_F(ApiFixture, OpenApiDocumentListsExactlyTheServersRoutes) {
  const auto doc = YAML::LoadFile(std::string(DIALER_SOURCE_DIR) + "/docs/api/openapi.yaml");
  std::set<std::string> documented;
  for (const auto& path : doc["paths"]) {
    for (const auto& op : path.second) {
      auto method = op.first.as<std::string>();
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      documented.insert(method + " " + path.first.as<std::string>());
      EXPECT_TRUE(op.second["summary"]) << method << " " << path.first.as<std::string>();
    }
  }
  std::set<std::string> served;
  for (const auto& r : router_.routes()) served.insert(r.method + " " + r.pattern);
  EXPECT_EQ(documented, served);
}

}  // namespace
}  // namespace dialer::api::testing
