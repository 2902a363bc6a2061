#include "compliance/files/bundle_directory.h"

namespace dialer::compliance {

Status BundleDirectory::prepare() {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) return Error{ErrorCode::io_error, dir_.string() + ": " + ec.message()};
  return ok_status();
}

std::ostream& BundleDirectory::create(const std::string& name) {
  auto& f = writing_[name];
  f = std::make_unique<std::ofstream>(dir_ / name, std::ios::binary | std::ios::trunc);
  return *f;
}

Status BundleDirectory::finish(const std::string& name) {
  auto it = writing_.find(name);
  if (it == writing_.end()) return Error{ErrorCode::internal, name + " was not opened"};
  it->second->close();
  const bool good = !it->second->fail();
  writing_.erase(it);
  if (!good) return Error{ErrorCode::io_error, (dir_ / name).string() + ": write failed"};
  return ok_status();
}

std::unique_ptr<std::istream> BundleDirectory::open(const std::string& name) {
  auto f = std::make_unique<std::ifstream>(dir_ / name, std::ios::binary);
  if (!f->is_open()) return nullptr;
  return f;
}

}  // namespace dialer::compliance
