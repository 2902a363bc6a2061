// HTTP digest authentication (RFC 2617, MD5, qop "auth" or none) as used by SIP REGISTER.
// Stateless functions; safe from any thread. Nonce bookkeeping lives in the registrar.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace dialer::sip {

std::string md5_hex(std::string_view data);

// The fields of an Authorization header the check needs (values already unquoted).
struct DigestCredentials {
  std::string username;
  std::string realm;
  std::string nonce;
  std::string uri;
  std::string response;
  std::string qop;
  std::string nc;
  std::string cnonce;
  std::string algorithm;
};

// Builds credentials from "key=value" parameters as Sofia splits them (values may be quoted).
DigestCredentials parse_digest_params(const std::map<std::string, std::string>& params);
// Splits one `key=value` / `key="value"` parameter; nullopt when there is no '='.
std::optional<std::pair<std::string, std::string>> split_param(std::string_view param);

// The expected `response` for the given request and password.
std::string digest_response(const DigestCredentials& c, std::string_view method,
                            std::string_view password);

// True when the response matches; the caller checks realm and nonce freshness separately.
bool digest_matches(const DigestCredentials& c, std::string_view method, std::string_view password);

}  // namespace dialer::sip
