// Daemon: dialerd's wiring. The engine thread (this one) runs an Asio io_context that owns the
// Engine; the SIP adapter (its own su_root thread) and the media adapter (Asio threads) post
// their events here. Storage is called on this thread (SQLite or MariaDB, one connection).
// run() returns when the run limit passes, when every lead is done (with stop_when_done), or on
// SIGINT/SIGTERM; calls in progress are let finish up to `drain_timeout`, then hung up.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "dialer/config/engine_config.h"

namespace dialer::app {

struct DaemonOptions {
  std::string config_path;
  std::optional<Duration> run_for;  // stop dialing after this long
  bool stop_when_done = false;      // stop once no lead is left to dial and every call ended
  Duration status_interval{1000};   // 0: no status line
  Duration drain_timeout{15000};
  std::string summary_json;         // write the final counters here
  std::string log_file;             // engine log; empty: warnings to stderr only
  std::string ready_file;           // written with the SIP port once the engine listens
  std::string compliance_data_dir;  // default tables when the engine file names none
};

// 0 on a clean stop, 1 when start-up failed (the reason is printed to `err`).
int run_daemon(const DaemonOptions& options, std::ostream& out, std::ostream& err);

}  // namespace dialer::app
