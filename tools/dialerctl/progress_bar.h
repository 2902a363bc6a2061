// A one-line progress bar on stderr for long imports; silent when stderr is not a terminal.
#pragma once

#include <chrono>
#include <cstdint>

#include "campaigns/lead_import.h"

namespace dialer::ctl {

class ProgressBar final : public ImportProgress {
 public:
  ProgressBar(std::int64_t total_bytes, bool enabled) : total_(total_bytes), enabled_(enabled) {}
  void on_progress(std::int64_t bytes_read, std::int64_t rows) override;
  void finish();

 private:
  std::int64_t total_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace dialer::ctl
