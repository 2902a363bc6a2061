// AttemptHistory: recent attempts and outcomes per number, for frequency caps and redial
// lockouts (FRQ-01, FRQ-02, AMD-04). Keeps 72 hours of attempts per number and prunes older ones
// as it goes. Not thread-safe: owned by the engine thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compliance/e164.h"
#include "compliance/phone_table.h"
#include "dialer/common/ids.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

struct AttemptMark {
  TimePoint at;
  CampaignId campaign;
  std::uint32_t subject = 0;  // interned subject matter
};

class AttemptHistory {
 public:
  void record_attempt(PhoneKey number, CampaignId campaign, std::string_view subject, TimePoint at);
  void record_abandoned(PhoneKey number, TimePoint at);
  // `london_day`: the UK calendar day (days since epoch) of the machine verdict.
  void record_amd_machine(PhoneKey number, std::int32_t london_day);

  // Attempts in (now - window, now], oldest first, filtered by campaign or subject when given.
  [[nodiscard]] std::vector<TimePoint> attempts_within(
      PhoneKey number, TimePoint now, Duration window, std::optional<CampaignId> campaign,
      std::optional<std::string_view> subject) const;
  [[nodiscard]] std::optional<TimePoint> last_abandoned(PhoneKey number) const;
  // Anything recorded for this number (attempts or outcomes)?
  [[nodiscard]] bool knows(PhoneKey number) const { return index_.contains(number); }
  [[nodiscard]] std::optional<std::int32_t> last_amd_machine_day(PhoneKey number) const;

 private:
  struct PerNumber {
    std::vector<AttemptMark> attempts;
    std::optional<TimePoint> last_abandoned;
    std::optional<std::int32_t> amd_machine_day;
  };
  std::uint32_t intern(std::string_view subject);
  PerNumber& entry(PhoneKey number);
  [[nodiscard]] const PerNumber* find(PhoneKey number) const;
  // number -> position in numbers_: a flat table, one cache line per lookup.
  PhoneTable index_{true};
  std::vector<PerNumber> numbers_;
  std::map<std::string, std::uint32_t, std::less<>> subjects_;
};

}  // namespace dialer::compliance
