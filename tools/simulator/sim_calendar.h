// Where the simulated days fall and which numbers the simulated lead list holds. Day d starts at
// `day_start_hour` on the clock of the call centre's zone, on the d-th calendar day after the
// scenario's start date, so that calling windows, weekdays and holidays are real. Lead k of the
// list is a NANP number whose area code (one of the scenario's, in turn) places it in a time zone.
// Immutable after construction; safe to share between threads.
#pragma once

#include <cstdint>
#include <string>

#include "dialer/common/result.h"
#include "dialer/common/time.h"
#include "tools/simulator/scenario.h"

namespace dialer::sim {

class SimCalendar {
 public:
  // Fails when the scenario's time zone is not in the tz database.
  static Result<SimCalendar> make(const Scenario& s);

  [[nodiscard]] TimePoint day_start(int day) const;
  // The call centre's local clock minus UTC at the start of `day` (VICIdial's server time).
  [[nodiscard]] Duration utc_offset(int day) const;

 private:
  SimCalendar(const void* zone, const Scenario& s) : zone_(zone), s_(&s) {}
  const void* zone_;  // date::time_zone, kept opaque so that users need not include date/tz.h
  const Scenario* s_;
};

// The E.164 number of lead `index` of the pool (index in [0, lead_pool)).
std::string lead_number(const ComplianceSetup& c, std::int64_t index);

}  // namespace dialer::sim
