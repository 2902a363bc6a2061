// Internal to dialer/storage: column text for the compliance enums stored by both backends.
// Stateless.
#pragma once

#include <optional>
#include <string_view>

#include "compliance/consent_ledger.h"

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

}  // namespace dialer::storage_detail
