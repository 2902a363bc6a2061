#include "compliance/legal_floors.h"

#include "compliance/e164.h"

namespace dialer::compliance {
namespace {

constexpr Duration kMinRing = std::chrono::seconds{15};
constexpr double kUsCeiling = 0.03;
constexpr double kCanadaCeiling = 0.05;  // ABN-13 default, pending verification (reference C6)

void check_message(const Campaign& c, std::vector<LegalFloorViolation>& out) {
  if (!c.abandoned_message) {
    out.push_back({"abandoned_message",
                   "a predictive or power campaign needs an abandoned-call "
                   "message (seller name and opt-out number)"});
    return;
  }
  const auto& m = *c.abandoned_message;
  if (m.seller_name.find_first_not_of(" \t") == std::string::npos) {
    out.push_back({"abandoned_message.seller_name", "the seller's name is required"});
  }
  const auto number = parse_e164(m.opt_out_number);
  if (!number) {
    out.push_back({"abandoned_message.opt_out_number", "not a valid E.164 number"});
  } else if (is_nanp(*number) && (nanp_npa(*number) == 900 || nanp_npa(*number) == 976)) {
    out.push_back({"abandoned_message.opt_out_number",
                   "a premium-rate number cannot take "
                   "do-not-call requests"});
  }
  if (m.opt_out_digit < '0' || m.opt_out_digit > '9') {
    out.push_back({"abandoned_message.opt_out_digit", "the key-press opt-out must be a digit"});
  }
}

}  // namespace

std::vector<LegalFloorViolation> validate_legal_floors(const Campaign& campaign) {
  std::vector<LegalFloorViolation> out;
  if (campaign.ring_timeout < kMinRing) {
    out.push_back({"ring_timeout", "below the 15 s legal minimum ring time"});
  }
  if (campaign.default_region == "US" && campaign.abandon_ceiling > kUsCeiling) {
    out.push_back({"abandon_ceiling", "above the 3 % US abandonment ceiling"});
  }
  if (campaign.default_region == "CA" && campaign.abandon_ceiling > kCanadaCeiling) {
    out.push_back({"abandon_ceiling", "above the 5 % Canadian abandonment ceiling"});
  }
  if (campaign.abandon_ceiling <= 0) {
    out.push_back({"abandon_ceiling", "must be positive"});
  }
  if (campaign.dial_mode == DialMode::predictive || campaign.dial_mode == DialMode::power) {
    check_message(campaign, out);
  }
  return out;
}

}  // namespace dialer::compliance
