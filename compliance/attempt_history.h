// AttemptHistory: recent attempts and outcomes per number, for frequency caps and redial
// lockouts (FRQ-01..04, AMD-04). Keeps 31 days of attempts per number (the longest cap window,
// FRQ-03's 30 days) and prunes older ones as it goes; per debt (collections) the attempts of 7
// days and the last conversation. Not thread-safe: owned by the engine thread.
#pragma once

#include <cstdint>
#include <deque>
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
  bool prerecorded = false;   // a prerecorded-message call (FRQ-03 counts only these)
};

class AttemptHistory {
 public:
  void record_attempt(PhoneKey number, CampaignId campaign, std::string_view subject, TimePoint at,
                      bool prerecorded = false);
  // Collections (FRQ-04): attempts and completed conversations per debt, across numbers.
  void record_debt_attempt(std::string_view debt, TimePoint at);
  void record_debt_conversation(std::string_view debt, TimePoint at);
  [[nodiscard]] std::vector<TimePoint> debt_attempts_within(std::string_view debt, TimePoint now,
                                                            Duration window) const;
  [[nodiscard]] std::optional<TimePoint> last_debt_conversation(std::string_view debt) const;
  // Prerecorded-message attempts to the number in (now - window, now], oldest first.
  [[nodiscard]] std::vector<TimePoint> prerecorded_within(PhoneKey number, TimePoint now,
                                                          Duration window) const;
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
  std::deque<PerNumber> numbers_;  // stable, never relocated as it grows
  std::map<std::string, std::uint32_t, std::less<>> subjects_;
  struct PerDebt {
    std::vector<TimePoint> attempts;
    std::optional<TimePoint> last_conversation;
  };
  std::map<std::string, PerDebt, std::less<>> debts_;
};

}  // namespace dialer::compliance
