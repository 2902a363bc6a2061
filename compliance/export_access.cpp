#include "compliance/export_access.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace dialer::compliance {
namespace {

std::string_view role_name(ExportRole r) {
  switch (r) {
    case ExportRole::compliance_officer:
      return "compliance officer";
    case ExportRole::auditor:
      return "auditor";
    case ExportRole::analyst:
      return "analyst";
    case ExportRole::supervisor:
      return "supervisor";
    case ExportRole::agent:
      return "agent";
  }
  return "?";
}

}  // namespace

Status authorize_export(ExportRole role, ExportKind kind) {
  const bool compliance_role = role == ExportRole::compliance_officer || role == ExportRole::auditor;
  const bool allowed = kind == ExportKind::compliance
                           ? compliance_role
                           : compliance_role || role == ExportRole::analyst;
  if (allowed) return ok_status();
  return Error{ErrorCode::invalid_argument,
               "the " + std::string(role_name(role)) + " role may not take " +
                   (kind == ExportKind::compliance ? "a compliance" : "an analytics") + " export"};
}

std::string pseudonymize_number(std::string_view e164, std::string_view key) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(e164.data()), e164.size(), mac, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "p_";
  for (unsigned int i = 0; i < 16 && i < len; ++i) {
    out.push_back(kHex[mac[i] >> 4]);
    out.push_back(kHex[mac[i] & 15]);
  }
  return out;
}

}  // namespace dialer::compliance
