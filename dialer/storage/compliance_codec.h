// Internal to dialer/storage: column values for the compliance types stored by both backends.
// Stateless.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

#include "compliance/consent_ledger.h"
#include "dialer/common/ids.h"

namespace dialer::storage_detail {

inline std::optional<compliance::ConsentType> consent_type_from_text(std::string_view text) {
  using compliance::ConsentType;
  for (ConsentType t :
       {ConsentType::pewc, ConsentType::pec, ConsentType::ebr_purchase, ConsentType::ebr_inquiry}) {
    if (compliance::to_string(t) == text) return t;
  }
  return std::nullopt;
}

inline std::string_view scope_text(compliance::RevokeScope s) {
  return s == compliance::RevokeScope::campaign ? "CAMPAIGN" : "SELLER_ALL";
}

inline std::optional<compliance::RevokeScope> scope_from_text(std::string_view text) {
  if (text == "CAMPAIGN") return compliance::RevokeScope::campaign;
  if (text == "SELLER_ALL") return compliance::RevokeScope::seller_all;
  return std::nullopt;
}

// The campaign id of a CAMPAIGN-list DNC event ("12"); nullopt when it is not a number.
inline std::optional<CampaignId> dnc_campaign(std::string_view text) {
  std::int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
  return CampaignId{id};
}

}  // namespace dialer::storage_detail
