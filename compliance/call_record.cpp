#include "compliance/call_record.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "compliance/canonical_read.h"
#include "compliance/e164.h"
#include "dialer/common/csv_writer.h"

namespace dialer::compliance {
namespace {

using canonical_read::json;
using canonical_read::read_value;

struct Field {
  std::string_view name;
  void (*write)(const CallRecord&, ValueSink&);
  bool (*read)(const json&, CallRecord&);
  std::string json_key = {};  // `,"name":`, encoded once
};

#define DIALER_RECORD_FIELD(f)                                                               \
  Field {                                                                                    \
#f, [](const CallRecord& r,                                                              \
           ValueSink& s) { s.value(r.f); }, [](const json& j,                                \
                                               CallRecord& r) { return read_value(j, r.f); } \
  }

// Every exported field except record_hash (inserted separately). Sorted once at start-up.
std::vector<Field> make_fields() {
  std::vector<Field> f{DIALER_RECORD_FIELD(attempt_id),
                       DIALER_RECORD_FIELD(seq),
                       DIALER_RECORD_FIELD(prev_hash),
                       DIALER_RECORD_FIELD(record_state),
                       DIALER_RECORD_FIELD(decided_at),
                       DIALER_RECORD_FIELD(sealed_at),
                       DIALER_RECORD_FIELD(tenant_id),
                       DIALER_RECORD_FIELD(seller_id),
                       DIALER_RECORD_FIELD(telemarketer_id),
                       DIALER_RECORD_FIELD(campaign_id),
                       DIALER_RECORD_FIELD(campaign_type),
                       DIALER_RECORD_FIELD(subject_matter),
                       DIALER_RECORD_FIELD(lead_id),
                       DIALER_RECORD_FIELD(list_id),
                       DIALER_RECORD_FIELD(called_number),
                       DIALER_RECORD_FIELD(caller_id_presented),
                       DIALER_RECORD_FIELD(caller_id_name),
                       DIALER_RECORD_FIELD(dial_mode),
                       DIALER_RECORD_FIELD(agent_reserved_before_dial),
                       DIALER_RECORD_FIELD(decision),
                       DIALER_RECORD_FIELD(refusal_reasons),
                       DIALER_RECORD_FIELD(deferred_until),
                       DIALER_RECORD_FIELD(jurisdiction_profile),
                       DIALER_RECORD_FIELD(tz_candidates),
                       DIALER_RECORD_FIELD(tz_sources),
                       DIALER_RECORD_FIELD(called_party_local_time),
                       DIALER_RECORD_FIELD(called_party_tz),
                       DIALER_RECORD_FIELD(window_rules_applied),
                       DIALER_RECORD_FIELD(tzdata_version),
                       DIALER_RECORD_FIELD(dnc_national_snapshot_id),
                       DIALER_RECORD_FIELD(dnc_national_snapshot_date),
                       DIALER_RECORD_FIELD(dnc_state_snapshots),
                       DIALER_RECORD_FIELD(internal_dnc_checked_at),
                       DIALER_RECORD_FIELD(consent_id),
                       DIALER_RECORD_FIELD(consent_type),
                       DIALER_RECORD_FIELD(consent_captured_at),
                       DIALER_RECORD_FIELD(consent_source),
                       DIALER_RECORD_FIELD(rnd_query_date),
                       DIALER_RECORD_FIELD(rnd_consent_date_sent),
                       DIALER_RECORD_FIELD(rnd_result),
                       DIALER_RECORD_FIELD(invite_sent_at),
                       DIALER_RECORD_FIELD(ring_started_at),
                       DIALER_RECORD_FIELD(ring_ended_at),
                       DIALER_RECORD_FIELD(ring_duration_ms),
                       DIALER_RECORD_FIELD(sip_final_code),
                       DIALER_RECORD_FIELD(hangup_cause),
                       DIALER_RECORD_FIELD(hangup_side),
                       DIALER_RECORD_FIELD(answered_at),
                       DIALER_RECORD_FIELD(amd_enabled),
                       DIALER_RECORD_FIELD(amd_result),
                       DIALER_RECORD_FIELD(amd_decided_at),
                       DIALER_RECORD_FIELD(amd_analysis_ms),
                       DIALER_RECORD_FIELD(amd_false_positive),
                       DIALER_RECORD_FIELD(live_answer),
                       DIALER_RECORD_FIELD(greeting_started_at),
                       DIALER_RECORD_FIELD(greeting_ended_at),
                       DIALER_RECORD_FIELD(greeting_end_detected),
                       DIALER_RECORD_FIELD(agent_id),
                       DIALER_RECORD_FIELD(agent_bridged_at),
                       DIALER_RECORD_FIELD(time_to_agent_from_greeting_ms),
                       DIALER_RECORD_FIELD(time_to_agent_from_answer_ms),
                       DIALER_RECORD_FIELD(abandoned),
                       DIALER_RECORD_FIELD(abandon_reason),
                       DIALER_RECORD_FIELD(safe_harbor_message_id),
                       DIALER_RECORD_FIELD(safe_harbor_started_at),
                       DIALER_RECORD_FIELD(safe_harbor_completed),
                       DIALER_RECORD_FIELD(optout_offered),
                       DIALER_RECORD_FIELD(optout_taken),
                       DIALER_RECORD_FIELD(optout_at),
                       DIALER_RECORD_FIELD(dnc_request_id),
                       DIALER_RECORD_FIELD(call_ended_at),
                       DIALER_RECORD_FIELD(talk_duration_ms),
                       DIALER_RECORD_FIELD(total_duration_ms),
                       DIALER_RECORD_FIELD(disposition),
                       DIALER_RECORD_FIELD(disposition_agent_code),
                       DIALER_RECORD_FIELD(disposition_set_by),
                       DIALER_RECORD_FIELD(disposition_at),
                       DIALER_RECORD_FIELD(callback_scheduled_for),
                       DIALER_RECORD_FIELD(transfer_target),
                       DIALER_RECORD_FIELD(recording_ref),
                       DIALER_RECORD_FIELD(recording_sha256),
                       DIALER_RECORD_FIELD(prerecorded_message_id),
                       DIALER_RECORD_FIELD(script_version),
                       DIALER_RECORD_FIELD(media_server_id),
                       DIALER_RECORD_FIELD(dialer_node_id),
                       DIALER_RECORD_FIELD(clock_sync_state),
                       DIALER_RECORD_FIELD(clock_sync_offset_ms),
                       DIALER_RECORD_FIELD(engine_version),
                       DIALER_RECORD_FIELD(config_version)};
  std::sort(f.begin(), f.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
  for (auto& field : f) {
    field.json_key = ",";
    append_json_string(field.json_key, field.name);
    field.json_key.push_back(':');
  }
  return f;
}
#undef DIALER_RECORD_FIELD

const std::vector<Field>& fields() {
  static const std::vector<Field> kFields = make_fields();
  return kFields;
}

constexpr std::string_view kHashKey = "record_hash";

// Position of record_hash among the sorted fields: the first field named after it.
std::size_t hash_position() {
  static const std::size_t kAt = static_cast<std::size_t>(
      std::find_if(fields().begin(), fields().end(),
                   [](const Field& f) { return f.name > kHashKey; }) -
      fields().begin());
  return kAt;
}

// True when csv_text_field(s) would return `s` unchanged (checked without building a string):
// no formula prefix, nothing to quote. An empty text also stays empty.
bool plain_csv_text(std::string_view s) {
  if (s.empty()) return true;
  switch (s.front()) {
    case '=': case '+': case '-': case '@': case '\t': case '\r': return false;
    default: break;
  }
  for (const char c : s) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return false;
  }
  return true;
}

class CsvSink final : public ValueSink {
 public:
  explicit CsvSink(std::string& out) : out_(out) {}
  void next() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  void null() override {}
  void text(std::string_view s) override {
    // Validated E.164 numbers stay readable; anything else starting like a formula is defused.
    if (plain_csv_text(s) || (s.front() == '+' && parse_e164(s))) {
      out_.append(s);
    } else {
      out_.append(csv_text_field(s));
    }
  }
  void integer(std::int64_t v) override {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, static_cast<std::size_t>(end - buf));
  }
  void boolean(bool b) override { out_.append(b ? "true" : "false"); }
  void time(TimePoint t) override { append_utc(out_, t); }
  void text_list(const std::vector<std::string>& v) override {
    if (std::all_of(v.begin(), v.end(), [](const std::string& s) { return plain_csv_text(s); })) {
      for (std::size_t i = 0; i < v.size(); ++i) {  // the joined text needs no quoting either
        if (i > 0) out_.push_back(';');
        out_.append(v[i]);
      }
      return;
    }
    std::string joined;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i > 0) joined.push_back(';');
      joined.append(v[i]);
    }
    out_.append(csv_text_field(joined));
  }

 private:
  std::string& out_;
  bool first_ = true;
};

}  // namespace

std::size_t call_record_field_count() { return fields().size() + 1; }

void append_canonical_without_hash(std::string& out, const CallRecord& r,
                                   std::size_t* record_hash_at) {
  JsonObjectWriter w{out};
  w.begin();
  const auto& all = fields();
  const std::size_t hash_at = hash_position();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i == hash_at && record_hash_at != nullptr) *record_hash_at = out.size();
    w.encoded_key(all[i].json_key);
    all[i].write(r, w);
  }
  w.end();
}

std::string canonical_without_hash(const CallRecord& r, std::size_t* record_hash_at) {
  std::string out;
  out.reserve(2600);
  append_canonical_without_hash(out, r, record_hash_at);
  return out;
}

std::string insert_record_hash(std::string_view canonical, std::size_t at, std::string_view hash) {
  std::string line;
  line.reserve(canonical.size() + 84);
  line.append(canonical.substr(0, at));
  line.append(",\"record_hash\":\"");
  line.append(hash);
  line.push_back('"');
  line.append(canonical.substr(at));
  return line;
}

std::string canonical_line(const CallRecord& r) {
  std::size_t at = 0;
  const auto canonical = canonical_without_hash(r, &at);
  return insert_record_hash(canonical, at, r.record_hash);
}

Result<CallRecord> parse_canonical_line(std::string_view line) {
  return canonical_read::parse_line(line, fields(), &CallRecord::record_hash, "call record");
}

std::string csv_header() {
  std::string out;
  bool hash_done = false;
  for (const auto& f : fields()) {
    if (!hash_done && f.name > kHashKey) {
      out.append("record_hash,");
      hash_done = true;
    }
    out.append(f.name);
    out.push_back(',');
  }
  out.back() = '\r';
  out.push_back('\n');
  return out;
}

void append_csv_row(std::string& out, const CallRecord& r) {
  CsvSink sink{out};
  const auto& all = fields();
  const std::size_t hash_at = hash_position();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i == hash_at) {
      sink.next();
      sink.text(r.record_hash);
    }
    sink.next();
    all[i].write(r, sink);
  }
  out.append("\r\n");
}

std::string csv_row(const CallRecord& r) {
  std::string out;
  out.reserve(1200);
  append_csv_row(out, r);
  return out;
}

}  // namespace dialer::compliance
