// Calling-window rule (WIN-01..06, WIN-08): the call must be allowed in every candidate zone of
// the callee, under every jurisdiction's window and the campaign's, and must be able to ring out
// (ring timeout + margin) before the window closes. Unknown zone: deny UNKNOWN_TZ. Closed now:
// defer to the next instant open in every candidate zone (within a week), else deny.
#pragma once

#include <memory>

#include "compliance/calling_windows.h"
#include "compliance/dial_rule.h"

namespace dialer::compliance {

class CallingWindowRule final : public DialRule {
 public:
  explicit CallingWindowRule(std::shared_ptr<const WindowTable> table) : table_(std::move(table)) {}
  [[nodiscard]] std::string_view name() const override { return "calling_window"; }
  RuleOutcome evaluate(const DialContext& ctx) override;

 private:
  // Allowed at `t` in every zone? Sets `why` to the reason of the first zone that refuses.
  bool open_everywhere(const DialContext& ctx, TimePoint t, DecisionReason* why,
                       std::vector<std::string_view>* applied) const;
  std::optional<TimePoint> next_open(const DialContext& ctx) const;

  std::shared_ptr<const WindowTable> table_;
};

}  // namespace dialer::compliance
