// CSV export of leads, in the import's default column layout (so an export re-imports).
// Every text value goes through CsvWriter::field, which defuses spreadsheet formulas; only E.164
// numbers, ids and counts are written raw. Stateless functions; the writer is the caller's.
#pragma once

#include <span>

#include "campaigns/lead.h"
#include "dialer/common/csv_writer.h"

namespace dialer {

// id, phone, alt_phone_1..alt_phone_10, first_name ... email, status, attempts, then the
// custom-field keys given (values looked up by key in each lead).
void write_lead_csv_header(CsvWriter& out, std::span<const std::string> custom_keys);
void write_lead_csv_row(CsvWriter& out, const Lead& lead, std::span<const std::string> custom_keys);

}  // namespace dialer
