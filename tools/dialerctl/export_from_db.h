// `dialerctl export --db URL [--campaign ID] --from DATE --to DATE --out DIR --signing-key PEM`:
// streams sealed call records and DNC events from the database through compliance::write_bundle() into a
// bundle directory. Dates are UTC days; --to is inclusive (the whole day is exported).
#pragma once

#include <string>

#include "tools/dialerctl/command.h"

namespace dialer::ctl {

struct DbExportOptions {
  std::string db;
  std::string campaign;
  std::string from;
  std::string to;
  std::string out;
  std::string signing_key;
  std::string requester;
};

void add_db_export_options(CLI::App& cmd, DbExportOptions& opts);
// Exit 0 when the bundle was written, 1 when the stored chains fail their check, 2 when the
// command could not run (bad option, database or file unreachable).
int run_db_export(const DbExportOptions& opts);

}  // namespace dialer::ctl
