// dialerd: the dialer engine daemon. See docs/getting-started.md and docs/operations.md.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>

#include "dialer/app/daemon.h"

int main(int argc, char** argv) {
  CLI::App app{"dialerd: the outbound campaign and predictive dialer engine"};
  dialer::app::DaemonOptions options;
  double run_for_s = 0;
  double status_s = 1;
  app.add_option("-c,--config", options.config_path, "engine file (kind: engine)")->required();
  app.add_option("--run-for", run_for_s, "stop dialing after this many seconds (0: no limit)");
  app.add_flag("--stop-when-done", options.stop_when_done,
               "stop once every lead is done and every call has ended");
  app.add_option("--status-interval", status_s, "seconds between status lines (0: none)");
  app.add_option("--summary-json", options.summary_json, "write the final counters as JSON");
  app.add_option("--log", options.log_file, "append the engine log to this file");
  app.add_option("--ready-file", options.ready_file,
                 "write the SIP port here once the engine listens");
  app.add_option("--compliance-data", options.compliance_data_dir,
                 "compliance tables when the engine file names none");
  CLI11_PARSE(app, argc, argv);
  if (run_for_s > 0) {
    options.run_for = dialer::Duration{static_cast<std::int64_t>(run_for_s * 1000)};
  }
  options.status_interval = dialer::Duration{static_cast<std::int64_t>(status_s * 1000)};
  if (options.compliance_data_dir.empty()) {
    for (const char* dir : {DIALER_INSTALLED_DATA_DIR, DIALER_SOURCE_DATA_DIR}) {
      if (std::filesystem::exists(std::filesystem::path(dir) / "calling_windows.txt")) {
        options.compliance_data_dir = dir;
        break;
      }
    }
  }
  return dialer::app::run_daemon(options, std::cout, std::cerr);
}
