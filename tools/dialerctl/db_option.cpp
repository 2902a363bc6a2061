#include "tools/dialerctl/db_option.h"

#include <iostream>

namespace dialer::ctl {

std::optional<std::unique_ptr<Database>> open_database_or_report(const std::string& url) {
  auto db = open_database(url);
  if (!db.ok()) {
    std::cerr << "database: " << db.error().message << "\n";
    return std::nullopt;
  }
  return std::move(db).value();
}

}  // namespace dialer::ctl
