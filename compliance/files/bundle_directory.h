// BundleDirectory: an export bundle as files in one directory (BundleTarget and BundleSource
// over std::fstream). Not thread-safe; one export or verification at a time.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "compliance/export_bundle.h"

namespace dialer::compliance {

class BundleDirectory final : public BundleTarget, public BundleSource {
 public:
  explicit BundleDirectory(std::filesystem::path dir) : dir_(std::move(dir)) {}
  // Creates the directory when missing.
  Status prepare();
  std::ostream& create(const std::string& name) override;
  Status finish(const std::string& name) override;
  std::unique_ptr<std::istream> open(const std::string& name) override;

 private:
  std::filesystem::path dir_;
  std::map<std::string, std::unique_ptr<std::ofstream>> writing_;
};

}  // namespace dialer::compliance
