#include "dialer/config/default_dispositions.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace dialer::config {
namespace {

// Which retry rule a system code's retry delay follows.
enum class RetryFrom { none, no_answer, busy, machine, abandoned };

struct Entry {
  std::string_view code;
  std::string_view label;
  bool system;
  RetryFrom retry;
  bool final;
  bool add_to_dnc;
  bool schedule_callback;
  bool contact;
  bool sale;
};

// UK FRQ-02 forbids calling an abandoned number again within 72 h; a safe margin everywhere.
constexpr auto kAbandonedRetry = std::chrono::hours{72};

constexpr std::array<Entry, 15> kCatalog{{
    {"NO_ANSWER", "No answer", true, RetryFrom::no_answer, false, false, false, false, false},
    {"BUSY", "Busy", true, RetryFrom::busy, false, false, false, false, false},
    {"AMD_MACHINE", "Answering machine", true, RetryFrom::machine, false, false, false, false,
     false},
    {"VOICEMAIL_LEFT", "Voicemail left", true, RetryFrom::machine, false, false, false, false,
     false},
    {"ABANDONED", "Abandoned (no agent in time)", true, RetryFrom::abandoned, false, false, false,
     false, false},
    {"INVALID_NUMBER", "Invalid number", true, RetryFrom::none, true, false, false, false, false},
    {"CONGESTION", "Network congestion", true, RetryFrom::busy, false, false, false, false, false},
    {"REJECTED", "Rejected by the called party", true, RetryFrom::no_answer, false, false, false,
     false, false},
    {"SYSTEM_FAILURE", "System failure", true, RetryFrom::busy, false, false, false, false, false},
    // A live call talked with an agent who set no code before the wrap-up timeout.
    {"NO_DISPOSITION", "Talked, no agent disposition", true, RetryFrom::none, true, false, false,
     true, false},
    {"SALE", "Sale", false, RetryFrom::none, true, false, false, true, true},
    {"NOT_INTERESTED", "Not interested", false, RetryFrom::none, true, false, false, true, false},
    {"DNC", "Do not call", false, RetryFrom::none, true, true, false, true, false},
    {"CALLBACK", "Call back", false, RetryFrom::none, false, false, true, true, false},
    {"WRONG_NUMBER", "Wrong number", false, RetryFrom::none, true, false, false, false, false},
}};

constexpr std::array<std::string_view, 10> kSystemCodes{
    "NO_ANSWER",      "BUSY",       "AMD_MACHINE", "VOICEMAIL_LEFT", "ABANDONED",
    "INVALID_NUMBER", "CONGESTION", "REJECTED",    "SYSTEM_FAILURE", "NO_DISPOSITION"};

std::optional<Duration> retry_delay(RetryFrom from, const RetryRules& retry) {
  switch (from) {
    case RetryFrom::no_answer:
      return retry.no_answer_delay;
    case RetryFrom::busy:
      return retry.busy_delay;
    case RetryFrom::machine:
      return retry.machine_delay;
    case RetryFrom::abandoned:
      return std::chrono::duration_cast<Duration>(kAbandonedRetry);
    case RetryFrom::none:
      break;
  }
  return std::nullopt;
}

Disposition make(const Entry& e, const RetryRules& retry) {
  Disposition d;
  d.code = std::string(e.code);
  d.label = std::string(e.label);
  d.system = e.system;
  d.effect.final = e.final;
  d.effect.retry_after = retry_delay(e.retry, retry);
  d.effect.add_to_dnc = e.add_to_dnc;
  d.effect.schedule_callback = e.schedule_callback;
  d.effect.contact = e.contact;
  d.effect.sale = e.sale;
  return d;
}

}  // namespace

std::span<const std::string_view> system_disposition_codes() { return kSystemCodes; }

bool is_system_disposition_code(std::string_view code) {
  return std::find(kSystemCodes.begin(), kSystemCodes.end(), code) != kSystemCodes.end();
}

std::vector<Disposition> default_dispositions(const RetryRules& retry) {
  std::vector<Disposition> out;
  out.reserve(kCatalog.size());
  for (const auto& entry : kCatalog) out.push_back(make(entry, retry));
  return out;
}

Disposition default_system_disposition(std::string_view code, const RetryRules& retry) {
  const auto it = std::find_if(kCatalog.begin(), kCatalog.end(),
                               [&](const Entry& e) { return e.system && e.code == code; });
  return it == kCatalog.end() ? Disposition{} : make(*it, retry);
}

}  // namespace dialer::config
