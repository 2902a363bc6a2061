#include "compliance/checkpoint.h"

#include "compliance/canonical_json.h"

namespace dialer::compliance {
namespace {

std::string write(const Checkpoint& c, std::string_view at_text, bool with_signature) {
  std::string out;
  JsonObjectWriter w{out};
  w.begin();
  w.key("at");
  w.text(at_text);
  w.key("count");
  w.integer(c.count);
  w.key("head_hash");
  w.text(c.head_hash);
  w.key("log_id");
  w.text(c.log_id);
  w.key("seq");
  w.integer(c.seq);
  if (with_signature) {
    w.key("signature");
    w.text(c.signature);
  }
  w.end();
  return out;
}

}  // namespace

std::string Checkpoint::signed_text() const { return write(*this, format_utc(at), false); }
std::string Checkpoint::json() const { return write(*this, format_utc(at), true); }
std::string Checkpoint::signed_text_with_time(std::string_view at_text) const {
  return write(*this, at_text, false);
}

Checkpoint make_checkpoint(std::string log_id, std::int64_t seq, std::string head_hash,
                           TimePoint at, const Ed25519Signer& signer) {
  Checkpoint c{std::move(log_id), seq, std::move(head_hash), seq, at, {}};
  c.signature = signer.sign_hex(c.signed_text());
  return c;
}

bool checkpoint_signature_valid(const Checkpoint& c, const Ed25519Verifier& verifier) {
  return verifier.verify_hex(c.signed_text(), c.signature);
}

}  // namespace dialer::compliance
