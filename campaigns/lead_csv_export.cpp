#include "campaigns/lead_csv_export.h"

#include <string>

#include "campaigns/lead_columns.h"

namespace dialer {

void write_lead_csv_header(CsvWriter& out, std::span<const std::string> custom_keys) {
  out.raw_field("id").raw_field("phone");
  for (const auto& name : LeadColumnMap::default_alt_phone_columns()) out.raw_field(name);
  for (const char* name : {"first_name", "last_name", "address", "city", "state", "postal_code",
                           "timezone", "email", "status", "attempts"}) {
    out.raw_field(name);
  }
  for (const auto& key : custom_keys) out.field(key);  // headers come from customers' files
  out.end_row();
}

void write_lead_csv_row(CsvWriter& out, const Lead& lead,
                        std::span<const std::string> custom_keys) {
  out.raw_field(std::to_string(lead.id.value())).raw_field(lead.phone);
  for (std::size_t i = 0; i < kMaxAltPhones; ++i) {
    out.raw_field(i < lead.alt_phones.size() ? lead.alt_phones[i] : std::string());
  }
  out.field(lead.first_name).field(lead.last_name).field(lead.address).field(lead.city);
  out.field(lead.state).field(lead.postal_code).field(lead.timezone).field(lead.email);
  out.raw_field(to_string(lead.status)).raw_field(std::to_string(lead.attempts));
  for (const auto& key : custom_keys) {
    std::string_view value;
    for (const auto& [k, v] : lead.custom_fields) {
      if (k == key) value = v;
    }
    out.field(value);
  }
  out.end_row();
}

}  // namespace dialer
