// `dialerctl db migrate [--db URL]`: opens the database, applying pending schema migrations,
// and prints the backend and schema version. The URL's password is never printed.
#include <iostream>
#include <memory>
#include <string>

#include "dialer/storage/database.h"
#include "tools/dialerctl/command.h"
#include "tools/dialerctl/db_option.h"

namespace dialer::ctl {
namespace {

const CommandRegistration kDb{
    "db", [](CLI::App& root) -> CommandRunner {
      auto* cmd = root.add_subcommand("db", "database maintenance");
      auto* migrate = cmd->add_subcommand("migrate", "apply pending schema migrations");
      cmd->require_subcommand(1);
      auto url = std::make_shared<std::string>(default_database_url());
      add_db_option(*migrate, *url);
      return [migrate, url] {
        if (!migrate->parsed()) return kExitOk;
        auto db = open_database(*url);
        if (!db) {
          std::cerr << "dialerctl db migrate: " << db.error().message << "\n";
          return db.error().code == ErrorCode::parse_error ? kExitInvalid : kExitFailure;
        }
        std::cout << redact_database_url(*url) << ": " << (*db)->backend() << " schema version "
                  << (*db)->schema_version() << "\n";
        return kExitOk;
      };
    }};

}  // namespace
}  // namespace dialer::ctl
