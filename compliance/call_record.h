// CallRecord: one dial attempt or refused dial decision, with the fields of the export schema
// (reference 6.1). Fields the engine does not produce yet stay null. A record is written ahead
// (before the INVITE) while open, completed as the call progresses, then sealed into its
// campaign's hash chain (seq, prev_hash, record_hash) and never changed again.
// Value type. Serialisation is canonical JSON (sorted keys) and CSV with the same columns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compliance/canonical_json.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

using OptText = std::optional<std::string>;
using OptInt = std::optional<std::int64_t>;
using OptBool = std::optional<bool>;
using OptTime = std::optional<TimePoint>;
using TextList = std::vector<std::string>;

struct CallRecord {
  // Identity and chain.
  std::string attempt_id;
  std::int64_t seq = 0;  // 0 until sealed
  std::string prev_hash;
  std::string record_hash;
  std::string record_state = "OPEN";  // OPEN, COMPLETE, INCOMPLETE (left open by a crash)
  TimePoint decided_at;
  OptTime sealed_at;
  // Who called, for whom, whom.
  std::string tenant_id;
  std::string seller_id;
  std::string telemarketer_id;
  std::string campaign_id;
  std::string campaign_type = "TELEMARKETING";
  std::string subject_matter;
  std::string lead_id;
  OptText list_id;
  std::string called_number;
  OptText caller_id_presented;
  OptText caller_id_name;
  std::string dial_mode;
  bool agent_reserved_before_dial = false;
  // The decision and its evidence.
  std::string decision;  // DIALED or REFUSED
  TextList refusal_reasons;
  OptTime deferred_until;
  std::string jurisdiction_profile;
  TextList tz_candidates;
  TextList tz_sources;
  OptText called_party_local_time;
  OptText called_party_tz;
  TextList window_rules_applied;
  std::string tzdata_version;
  OptText dnc_national_snapshot_id;
  OptText dnc_national_snapshot_date;
  TextList dnc_state_snapshots;
  OptTime internal_dnc_checked_at;
  OptText consent_id;
  OptText consent_type;
  OptTime consent_captured_at;
  OptText consent_source;
  OptText rnd_query_date;
  OptText rnd_consent_date_sent;
  std::string rnd_result = "NOT_CHECKED";
  // Progress of the call.
  OptTime invite_sent_at;
  OptTime ring_started_at;
  OptTime ring_ended_at;
  OptInt ring_duration_ms;
  OptInt sip_final_code;
  OptText hangup_cause;
  OptText hangup_side;
  OptTime answered_at;
  OptBool amd_enabled;
  OptText amd_result;
  OptTime amd_decided_at;
  OptInt amd_analysis_ms;
  OptText amd_false_positive;
  bool live_answer = false;
  OptTime greeting_started_at;
  OptTime greeting_ended_at;
  OptBool greeting_end_detected;
  OptText agent_id;
  OptTime agent_bridged_at;
  OptInt time_to_agent_from_greeting_ms;
  OptInt time_to_agent_from_answer_ms;
  bool abandoned = false;
  OptText abandon_reason;
  OptText safe_harbor_message_id;
  OptTime safe_harbor_started_at;
  OptBool safe_harbor_completed;
  OptBool optout_offered;
  OptBool optout_taken;
  OptTime optout_at;
  OptText dnc_request_id;
  OptTime call_ended_at;
  OptInt talk_duration_ms;
  OptInt total_duration_ms;
  OptText disposition;
  OptText disposition_agent_code;
  OptText disposition_set_by;
  OptTime disposition_at;
  OptTime callback_scheduled_for;
  OptText transfer_target;
  OptText recording_ref;
  OptText recording_sha256;
  OptText prerecorded_message_id;
  OptText script_version;
  // Provenance.
  OptText media_server_id;
  std::string dialer_node_id;
  std::string clock_sync_state = "UNSYNCED";
  OptInt clock_sync_offset_ms;
  std::string engine_version;
  std::string config_version;
};

// Canonical JSON without record_hash: the bytes the chain hashes. `record_hash_at` receives the
// offset where `,"record_hash":"..."` belongs in sorted key order.
std::string canonical_without_hash(const CallRecord& r, std::size_t* record_hash_at = nullptr);
// The same text appended to `out` (reused buffers, no allocation once warm); `record_hash_at`
// receives an offset into `out`.
void append_canonical_without_hash(std::string& out, const CallRecord& r,
                                   std::size_t* record_hash_at);
// The exported JSON line (without the newline): canonical JSON including record_hash.
std::string canonical_line(const CallRecord& r);
// The inverse of canonical_line(): every field must be present with its type (parse_error
// otherwise); canonical_line(parse_canonical_line(x)) == x for any x canonical_line() wrote.
Result<CallRecord> parse_canonical_line(std::string_view line);
// Inserts record_hash into a canonical_without_hash() text at `at`.
std::string insert_record_hash(std::string_view canonical, std::size_t at, std::string_view hash);

// CSV: the header row and one row per record, columns in the JSON key order; text is
// formula-safe (dialer/common/csv_writer.h), lists are joined with ';', null is empty.
std::string csv_header();
std::string csv_row(const CallRecord& r);
void append_csv_row(std::string& out, const CallRecord& r);
std::size_t call_record_field_count();

}  // namespace dialer::compliance
