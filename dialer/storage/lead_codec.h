// Internal to dialer/storage: how a Lead maps onto the leads table's columns, shared by both
// backends so they cannot drift apart. Stateless functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "campaigns/lead.h"
#include "dialer/common/result.h"

namespace dialer::storage_detail {

// Insert column order; a SELECT reads "id, " followed by the same columns.
inline constexpr std::string_view kLeadColumns =
    "tenant, campaign_id, list_id, phone, alt_phones, first_name, last_name, address, city, "
    "state, postal_code, timezone, email, custom_fields, status, attempts, next_attempt_at, "
    "source_line";
inline constexpr int kLeadColumnCount = 18;

// JSON text for the two structured fields: ["+1...", ...] and {"key":"value", ...} in order.
void append_json_list(std::string& out, const std::vector<std::string>& items);
void append_json_fields(std::string& out,
                        const std::vector<std::pair<std::string, std::string>>& fields);
Result<std::vector<std::string>> decode_json_list(std::string_view json);
Result<std::vector<std::pair<std::string, std::string>>> decode_json_fields(std::string_view json);

// "(?, ?, ..., ?)" for one lead row: only placeholders, never values.
std::string lead_placeholders();

// Scratch space for one row's JSON columns, reused across rows to avoid allocations.
struct LeadJson {
  std::string alt_phones;
  std::string custom_fields;
};

// Binds a lead's columns in kLeadColumns order through `b`, which provides
// text(std::string_view), int64(std::int64_t) and null().
template <typename Binder>
void bind_lead(Binder& b, const Lead& lead, LeadJson& json) {
  json.alt_phones.clear();
  json.custom_fields.clear();
  append_json_list(json.alt_phones, lead.alt_phones);
  append_json_fields(json.custom_fields, lead.custom_fields);
  b.text(lead.tenant);
  b.int64(lead.campaign.value());
  b.int64(lead.list.value());
  b.text(lead.phone);
  b.text(json.alt_phones);
  b.text(lead.first_name);
  b.text(lead.last_name);
  b.text(lead.address);
  b.text(lead.city);
  b.text(lead.state);
  b.text(lead.postal_code);
  b.text(lead.timezone);
  b.text(lead.email);
  b.text(json.custom_fields);
  b.text(to_string(lead.status));
  b.int64(lead.attempts);
  if (lead.next_attempt_at) {
    b.int64(to_unix_ms(*lead.next_attempt_at));
  } else {
    b.null();
  }
  b.int64(lead.source_line);
}

// Reads "id, <kLeadColumns>" starting at column 0 through `row`, which provides
// text(int) -> std::string, int64(int) and is_null(int).
template <typename Row>
Result<Lead> read_lead(const Row& row) {
  Lead lead;
  lead.id = LeadId{row.int64(0)};
  lead.tenant = row.text(1);
  lead.campaign = CampaignId{row.int64(2)};
  lead.list = ListId{row.int64(3)};
  lead.phone = row.text(4);
  auto alt = decode_json_list(row.text(5));
  if (!alt) return alt.error();
  lead.alt_phones = std::move(*alt);
  lead.first_name = row.text(6);
  lead.last_name = row.text(7);
  lead.address = row.text(8);
  lead.city = row.text(9);
  lead.state = row.text(10);
  lead.postal_code = row.text(11);
  lead.timezone = row.text(12);
  lead.email = row.text(13);
  auto fields = decode_json_fields(row.text(14));
  if (!fields) return fields.error();
  lead.custom_fields = std::move(*fields);
  const std::string status = row.text(15);
  const auto state = lead_state_from_string(status);
  if (!state) return Error{ErrorCode::internal, "unknown lead status '" + status + "'"};
  lead.status = *state;
  lead.attempts = static_cast<std::int32_t>(row.int64(16));
  if (!row.is_null(17)) lead.next_attempt_at = from_unix_ms(row.int64(17));
  lead.source_line = row.int64(18);
  return lead;
}

}  // namespace dialer::storage_detail
