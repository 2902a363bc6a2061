// Who may take which export (reference REC-07). Compliance exports carry clear phone numbers
// and go only to compliance officers and auditors; analytics exports may go to analysts, with
// every phone number replaced by a keyed pseudonym (HMAC-SHA256 under a key the analysts do not
// hold), so the same number maps to the same pseudonym without revealing it. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "dialer/common/result.h"

namespace dialer::compliance {

enum class ExportRole : std::uint8_t { compliance_officer, auditor, analyst, supervisor, agent };
enum class ExportKind : std::uint8_t { compliance, analytics };

// ok, or invalid_argument naming the role and the export it may not take.
Status authorize_export(ExportRole role, ExportKind kind);

// "p_" + the first 32 hex digits of HMAC-SHA256(key, number).
std::string pseudonymize_number(std::string_view e164, std::string_view key);

}  // namespace dialer::compliance
