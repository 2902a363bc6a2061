// Signed checkpoints of a hash chain (reference REC-05): log id, seq, head hash, count and time,
// signed with Ed25519 so that an auditor holding only the public key can prove that the chain
// up to `seq` was not rewritten or truncated afterwards. Value type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "compliance/crypto.h"
#include "dialer/common/time.h"

namespace dialer::compliance {

struct Checkpoint {
  std::string log_id;
  std::int64_t seq = 0;
  std::string head_hash;
  std::int64_t count = 0;  // records in the log up to and including seq
  TimePoint at;
  std::string signature;  // hex Ed25519 over signed_text()

  // Canonical JSON of every field but the signature: the signed bytes.
  [[nodiscard]] std::string signed_text() const;
  // The same with the time as written in a manifest (verification never re-formats it).
  [[nodiscard]] std::string signed_text_with_time(std::string_view at_text) const;
  // Canonical JSON including the signature (manifest entries).
  [[nodiscard]] std::string json() const;
};

Checkpoint make_checkpoint(std::string log_id, std::int64_t seq, std::string head_hash,
                           TimePoint at, const Ed25519Signer& signer);
bool checkpoint_signature_valid(const Checkpoint& c, const Ed25519Verifier& verifier);

}  // namespace dialer::compliance
