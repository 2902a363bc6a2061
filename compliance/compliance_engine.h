// ComplianceEngine: the one entry point the dialer engine calls around every dial.
// decide_and_record() asks the gate and writes the decision ahead (refusals included); only a
// successfully recorded Allow may be dialed. complete() seals the finished attempt and feeds its
// outcome to the abandonment monitor and the redial lockouts. record_dnc_request() chains the
// request and blocks the number for the next decision. Not thread-safe: engine thread only.
#pragma once

#include <string>

#include "compliance/decision_record.h"
#include "compliance/dial_gate.h"
#include "compliance/record_log.h"

namespace dialer::compliance {

struct RecordedDecision {
  GateDecision decision;
  std::string attempt_id;
};

class ComplianceEngine {
 public:
  ComplianceEngine(DialGate& gate, CallRecordLog& records, DncEventLog& dnc_events, DncLists& dnc,
                   AttemptHistory& history, AbandonmentMonitor& monitor, RecordContext context,
                   Random& random)
      : gate_(gate),
        records_(records),
        dnc_events_(dnc_events),
        dnc_(dnc),
        history_(history),
        monitor_(monitor),
        context_(std::move(context)),
        random_(random) {}

  // An error means the decision could not be recorded: do not dial.
  Result<RecordedDecision> decide_and_record(const DialRequest& request);
  // Seals the attempt and counts its outcome (abandonment ledger, UK lockouts).
  Status complete(const std::string& attempt_id, TimePoint now);
  // A do-not-call request from any channel: recorded in its chain, effective at once.
  Status record_dnc_request(DncEvent event, TimePoint now);

 private:
  DialGate& gate_;
  CallRecordLog& records_;
  DncEventLog& dnc_events_;
  DncLists& dnc_;
  AttemptHistory& history_;
  AbandonmentMonitor& monitor_;
  RecordContext context_;
  Random& random_;
};

}  // namespace dialer::compliance
