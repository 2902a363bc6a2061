#include "compliance/crypto.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <vector>

namespace dialer::compliance {
namespace {

std::shared_ptr<void> wrap(EVP_PKEY* key) {
  return {key, [](void* p) { EVP_PKEY_free(static_cast<EVP_PKEY*>(p)); }};
}

EVP_PKEY* pkey(const std::shared_ptr<void>& p) { return static_cast<EVP_PKEY*>(p.get()); }

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(len));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;  // upper case is not canonical
}

// Fetched once: EVP_sha256() makes every EVP_DigestInit_ex look the provider up again, which
// costs about as much as hashing a short record.
const EVP_MD* sha256_md() {
  static EVP_MD* const kMd = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return kMd;
}

// One reusable context per thread for one-shot digests.
EVP_MD_CTX* scratch_context() {
  struct Holder {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~Holder() { EVP_MD_CTX_free(ctx); }
  };
  thread_local Holder holder;
  return holder.ctx;
}

}  // namespace

Digest sha256(std::string_view data) {
  Digest d{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), d.data(), &len, sha256_md(), nullptr);
  return d;
}

Digest chain_digest(const Digest& prev, std::string_view head, std::string_view tail) {
  EVP_MD_CTX* ctx = scratch_context();
  EVP_DigestInit_ex(ctx, sha256_md(), nullptr);
  EVP_DigestUpdate(ctx, prev.data(), prev.size());
  EVP_DigestUpdate(ctx, head.data(), head.size());
  if (!tail.empty()) EVP_DigestUpdate(ctx, tail.data(), tail.size());
  Digest d{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, d.data(), &len);
  return d;
}

bool hex_equals(const Digest& d, std::string_view hex) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (hex.size() != 64) return false;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (hex[2 * i] != kHex[d[i] >> 4] || hex[2 * i + 1] != kHex[d[i] & 15]) return false;
  }
  return true;
}

std::string to_hex(const Digest& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (std::size_t i = 0; i < d.size(); ++i) {
    out[2 * i] = kHex[d[i] >> 4];
    out[2 * i + 1] = kHex[d[i] & 15];
  }
  return out;
}

std::optional<Digest> digest_from_hex(std::string_view hex) {
  if (hex.size() != 64) return std::nullopt;
  Digest d{};
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = hex_value(hex[2 * i]);
    const int lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    d[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return d;
}

std::string chain_hash(const Digest& prev, std::string_view canonical) {
  return to_hex(chain_digest(prev, canonical));
}

struct Sha256Stream::Impl {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Impl() { EVP_MD_CTX_free(ctx); }
};

Sha256Stream::Sha256Stream() : impl_(std::make_unique<Impl>()) {
  EVP_DigestInit_ex(impl_->ctx, sha256_md(), nullptr);
}
Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::update(std::string_view data) {
  EVP_DigestUpdate(impl_->ctx, data.data(), data.size());
}

std::string Sha256Stream::finish_hex() {
  Digest d{};
  unsigned int len = 0;
  EVP_DigestFinal_ex(impl_->ctx, d.data(), &len);
  return to_hex(d);
}

Result<Ed25519Signer> Ed25519Signer::from_private_pem(std::string_view pem) {
  BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  if (key == nullptr || EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return Error{ErrorCode::invalid_argument, "not an Ed25519 private key in PEM form"};
  }
  Ed25519Signer s;
  s.key_ = wrap(key);
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(out, key);
  s.public_pem_ = bio_text(out);
  BIO_free(out);
  return s;
}

Result<std::string> Ed25519Signer::generate_private_pem() {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (key == nullptr) return Error{ErrorCode::internal, "Ed25519 key generation failed"};
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(out, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::string pem = bio_text(out);
  BIO_free(out);
  EVP_PKEY_free(key);
  return pem;
}

std::string Ed25519Signer::sign_hex(std::string_view message) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::vector<unsigned char> sig(64);
  std::size_t len = sig.size();
  EVP_DigestSignInit(ctx, nullptr, nullptr, nullptr, pkey(key_));
  EVP_DigestSign(ctx, sig.data(), &len, reinterpret_cast<const unsigned char*>(message.data()),
                 message.size());
  EVP_MD_CTX_free(ctx);
  std::string hex;
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < len; ++i) {
    hex.push_back(kHex[sig[i] >> 4]);
    hex.push_back(kHex[sig[i] & 15]);
  }
  return hex;
}

Result<Ed25519Verifier> Ed25519Verifier::from_public_pem(std::string_view pem) {
  BIO* in = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  if (key == nullptr || EVP_PKEY_get_id(key) != EVP_PKEY_ED25519) {
    EVP_PKEY_free(key);
    return Error{ErrorCode::invalid_argument, "not an Ed25519 public key in PEM form"};
  }
  Ed25519Verifier v;
  v.key_ = wrap(key);
  return v;
}

bool Ed25519Verifier::verify_hex(std::string_view message, std::string_view signature_hex) const {
  if (signature_hex.size() != 128) return false;
  std::vector<unsigned char> sig(64);
  for (std::size_t i = 0; i < 64; ++i) {
    const int hi = hex_value(signature_hex[2 * i]);
    const int lo = hex_value(signature_hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    sig[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, pkey(key_));
  const int ok =
      EVP_DigestVerify(ctx, sig.data(), sig.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size());
  EVP_MD_CTX_free(ctx);
  return ok == 1;
}

}  // namespace dialer::compliance
