// Baseline for the simulator: VICIdial's ADAPT_HARD_LIMIT and ADAPT_TAPERED dial-level law, as
// read in AST_VDadapt.pl / AST_VDauto_dial.pl (see docs/pacing.md): 1 s samples, a 15 s
// proportional update on (idle agents - waiting calls) / agents, a daily drop cap, a one-minute
// emergency halving, and a 2.5 s dial loop. A reference model, not a product mode.
// Not thread-safe.
#pragma once

#include <deque>

#include "dialer/pacing/pacer.h"

namespace dialer::sim {

struct VicidialConfig {
  bool tapered = false;      // false: ADAPT_HARD_LIMIT
  double max_level = 3.0;    // adaptive_maximum_level
  double drop_limit = 0.03;  // adaptive_dropped_percentage
  double intensity = 0;      // adaptive_intensity, -40..40
  double diff_target = 0;    // adaptive_dl_diff_target
  int latest_hhmm = 2100;    // adaptive_latest_server_time
  double initial_level = 1.0;
  Duration server_utc_offset{0};  // the server's local clock minus UTC (days and HHMM are local)
  pacing::CapsConfig caps;
};

class VicidialAdaptPacer final : public pacing::Pacer {
 public:
  explicit VicidialAdaptPacer(VicidialConfig config);
  pacing::PacingDecision decide(const pacing::PacingInputs& in) override;
  void observe(TimePoint now, const pacing::CallObservation& obs) override;
  [[nodiscard]] std::string_view name() const override {
    return config_.tapered ? "vicidial_adapt_tapered" : "vicidial_adapt_hard_limit";
  }
  [[nodiscard]] double level() const { return level_; }

 private:
  void sample(const pacing::PacingInputs& in);
  void update_level(TimePoint now);
  void roll_day(TimePoint now);

  VicidialConfig config_;
  pacing::DialCaps caps_;
  double level_;
  std::deque<double> ready_, wait_, total_;                // last 15 one-second samples
  std::deque<std::pair<TimePoint, bool>> minute_answers_;  // (time, dropped)
  std::deque<TimePoint> minute_dials_;
  long long day_ = -1;
  double answered_today_ = 0, drops_today_ = 0, dials_today_ = 0;
  TimePoint next_sample_{}, next_update_{}, next_dial_{};
  bool started_ = false;
};

}  // namespace dialer::sim
