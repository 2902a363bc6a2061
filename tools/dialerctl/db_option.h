// The --db option shared by dialerctl's commands, and opening the database it names.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "dialer/storage/database.h"
#include "tools/dialerctl/command.h"

namespace dialer::ctl {

inline void add_db_option(CLI::App& cmd, std::string& url) {
  cmd.add_option("--db", url, "database URL: sqlite:PATH or mysql://user:pass@host:port/db")
      ->capture_default_str();
}

// Opens the database (applying migrations); prints the error and returns nullopt on failure.
std::optional<std::unique_ptr<Database>> open_database_or_report(const std::string& url);

}  // namespace dialer::ctl
