// An export bundle held in memory: BundleTarget and BundleSource over strings, so that tests
// can write a bundle, tamper with its files and verify it.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "compliance/export_bundle.h"

namespace dialer::compliance::testing {

class MemoryBundle final : public BundleTarget, public BundleSource {
 public:
  std::ostream& create(const std::string& name) override {
    auto& s = writing_[name];
    s = std::make_unique<std::ostringstream>();
    return *s;
  }
  Status finish(const std::string& name) override {
    files_[name] = writing_[name]->str();
    writing_.erase(name);
    return ok_status();
  }
  std::unique_ptr<std::istream> open(const std::string& name) override {
    auto it = files_.find(name);
    if (it == files_.end()) return nullptr;
    return std::make_unique<std::istringstream>(it->second);
  }
  std::map<std::string, std::string> files_;

 private:
  std::map<std::string, std::unique_ptr<std::ostringstream>> writing_;
};

}  // namespace dialer::compliance::testing
