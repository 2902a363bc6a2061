#include "dialer/sip/digest_auth.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace dialer::sip {

std::string md5_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_md5(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0x0f]);
  }
  return out;
}

std::optional<std::pair<std::string, std::string>> split_param(std::string_view param) {
  const auto eq = param.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  std::string key(param.substr(0, eq));
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  std::string_view value = param.substr(eq + 1);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return std::make_pair(std::move(key), std::string(value));
}

DigestCredentials parse_digest_params(const std::map<std::string, std::string>& params) {
  auto get = [&](const char* key) {
    const auto it = params.find(key);
    return it == params.end() ? std::string{} : it->second;
  };
  return DigestCredentials{get("username"), get("realm"),    get("nonce"),
                           get("uri"),      get("response"), get("qop"),
                           get("nc"),       get("cnonce"),   get("algorithm")};
}

std::string digest_response(const DigestCredentials& c, std::string_view method,
                            std::string_view password) {
  const std::string ha1 = md5_hex(c.username + ":" + c.realm + ":" + std::string(password));
  const std::string ha2 = md5_hex(std::string(method) + ":" + c.uri);
  if (c.qop.empty()) return md5_hex(ha1 + ":" + c.nonce + ":" + ha2);
  return md5_hex(ha1 + ":" + c.nonce + ":" + c.nc + ":" + c.cnonce + ":" + c.qop + ":" + ha2);
}

bool digest_matches(const DigestCredentials& c, std::string_view method,
                    std::string_view password) {
  if (!c.algorithm.empty() && c.algorithm != "MD5" && c.algorithm != "md5") return false;
  if (!c.qop.empty() && c.qop != "auth") return false;
  if (c.response.empty()) return false;
  return digest_response(c, method, password) == c.response;
}

}  // namespace dialer::sip
