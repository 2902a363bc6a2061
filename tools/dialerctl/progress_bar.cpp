#include "tools/dialerctl/progress_bar.h"

#include <cstdio>

namespace dialer::ctl {

void ProgressBar::on_progress(std::int64_t bytes_read, std::int64_t rows) {
  if (!enabled_ || total_ <= 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds{100}) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 40;
  const double fraction = static_cast<double>(bytes_read) / static_cast<double>(total_);
  const int filled = static_cast<int>(fraction * kWidth);
  std::fprintf(stderr, "\r[");
  for (int i = 0; i < kWidth; ++i) std::fputc(i < filled ? '#' : ' ', stderr);
  std::fprintf(stderr, "] %3d%%  %lld rows", static_cast<int>(fraction * 100),
               static_cast<long long>(rows));
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (drawn_) std::fprintf(stderr, "\r%*s\r", 70, "");
}

}  // namespace dialer::ctl
