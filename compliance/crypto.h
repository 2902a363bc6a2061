// SHA-256 and Ed25519 through OpenSSL's libcrypto, for the tamper-evident record chain
// (reference REC-05, REC-06). Keys arrive as PEM text (the caller reads the file whose path is
// configuration); nothing here touches files. Signer/verifier objects are immutable after
// creation and safe to share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dialer/common/result.h"

namespace dialer::compliance {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);
std::string to_hex(const Digest& d);
// 64 hex digits -> digest; nullopt when malformed.
std::optional<Digest> digest_from_hex(std::string_view hex);

// The chain rule: record_hash = SHA-256(prev_hash bytes || canonical record bytes).
std::string chain_hash(const Digest& prev, std::string_view canonical);
// The same digest when the canonical bytes arrive in two pieces (an exported line with its
// record_hash field cut out), without copying them together.
Digest chain_digest(const Digest& prev, std::string_view head, std::string_view tail = {});
// True when `hex` is the lower-case hex text of `d` (no allocation).
bool hex_equals(const Digest& d, std::string_view hex);
inline const std::string kGenesisHash(64, '0');

// Incremental SHA-256 for whole files written or read as streams.
class Sha256Stream {
 public:
  Sha256Stream();
  ~Sha256Stream();
  Sha256Stream(const Sha256Stream&) = delete;
  Sha256Stream& operator=(const Sha256Stream&) = delete;
  void update(std::string_view data);
  std::string finish_hex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Ed25519Signer {
 public:
  static Result<Ed25519Signer> from_private_pem(std::string_view pem);
  // A fresh key pair as PKCS#8 PEM (tests, `dialerctl` key generation).
  static Result<std::string> generate_private_pem();
  [[nodiscard]] std::string sign_hex(std::string_view message) const;
  [[nodiscard]] const std::string& public_key_pem() const { return public_pem_; }

 private:
  std::shared_ptr<void> key_;  // EVP_PKEY
  std::string public_pem_;
};

class Ed25519Verifier {
 public:
  static Result<Ed25519Verifier> from_public_pem(std::string_view pem);
  [[nodiscard]] bool verify_hex(std::string_view message, std::string_view signature_hex) const;

 private:
  std::shared_ptr<void> key_;
};

}  // namespace dialer::compliance
