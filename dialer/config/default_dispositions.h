// The disposition catalog a campaign gets when its file lists none, and the system codes the
// engine itself sets (always present in every campaign). Pure data; thread-safe.
// Retry delays of the system codes follow the campaign's retry rules.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "campaigns/campaign.h"

namespace dialer::config {

// NO_ANSWER, BUSY, AMD_MACHINE, VOICEMAIL_LEFT, ABANDONED, INVALID_NUMBER, CONGESTION, REJECTED,
// SYSTEM_FAILURE, NO_DISPOSITION.
std::span<const std::string_view> system_disposition_codes();
bool is_system_disposition_code(std::string_view code);

// The system codes followed by SALE, NOT_INTERESTED, DNC, CALLBACK, WRONG_NUMBER.
std::vector<Disposition> default_dispositions(const RetryRules& retry);
// The catalog entry for a system code (its label and effects), for files that omit it.
Disposition default_system_disposition(std::string_view code, const RetryRules& retry);

}  // namespace dialer::config
