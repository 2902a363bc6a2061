#include "inbound/ivr_counters.h"

namespace dialer::inbound {

void IvrCounters::record(const IvrSession& session) {
  if (!session.finished()) return;
  ++outcomes_.at(static_cast<std::size_t>(session.outcome()));
  if (auto reason = session.hangup_reason()) ++hangups_.at(static_cast<std::size_t>(*reason));
  const CallVariables& vars = session.variables();
  if (vars.callback_requested) ++callbacks_;
  if (vars.opted_out) ++opt_outs_;
  if (vars.closed) ++after_hours_;
}

}  // namespace dialer::inbound
