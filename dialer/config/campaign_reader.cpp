// The top level of `kind: campaign` files and the rules that span several of its keys.
#include <array>
#include <chrono>
#include <limits>
#include <set>
#include <sstream>

#include "dialer/config/converters.h"
#include "dialer/config/kind_readers.h"
#include "dialer/config/system_data.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;

constexpr std::array<std::pair<std::string_view, DialMode>, 4> kDialModes{{
    {"preview", DialMode::preview},
    {"progressive", DialMode::progressive},
    {"power", DialMode::power},
    {"predictive", DialMode::predictive},
}};

constexpr std::array<std::pair<std::string_view, CampaignType>, 5> kCampaignTypes{{
    {"telemarketing", CampaignType::telemarketing},
    {"informational", CampaignType::informational},
    {"collections", CampaignType::collections},
    {"survey", CampaignType::survey},
    {"callback", CampaignType::callback},
}};

constexpr double kLegalAbandonCeiling = 0.03;  // ABN-08, US: 3% of live answers per 30 days

struct RegionCode {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "an ISO 3166 alpha-2 country code");
    if (text && !is_iso3166_alpha2(*text)) {
      sink.error(field.at, prefix(field.path) + "'" + *text +
                               "' is not an ISO 3166 alpha-2 country code (e.g. US, CA, GB)");
      return std::nullopt;
    }
    return text;
  }
};

// A list of unique values, each converted by `convert`.
template <typename Convert>
std::vector<std::string> read_unique_list(const std::optional<Field>& field, const Convert& convert,
                                          DiagnosticSink& sink) {
  std::vector<std::string> out;
  if (!field) return out;
  std::set<std::string> seen;
  for (const auto& item : list_items(*field, sink)) {
    auto value = convert(item, sink);
    if (!value) continue;
    if (!seen.insert(*value).second) {
      sink.error(item.at, prefix(item.path) + "'" + *value + "' is listed twice");
      continue;
    }
    out.push_back(*value);
  }
  return out;
}

// abandon_target and abandon_ceiling, each capped by the legal ceiling, the target by the ceiling.
void read_abandon_rates(FieldReader& root, Campaign& out) {
  const Decimal rate{0.0, kLegalAbandonCeiling, "ABN-08: legal abandonment ceiling", true};
  const bool has_target = root.read("abandon_target", out.abandon_target, rate);
  root.read("abandon_ceiling", out.abandon_ceiling, rate);
  DiagnosticSink& sink = root.sink();
  if (has_target && out.abandon_target > out.abandon_ceiling) {
    std::ostringstream message;
    message << "abandon_target: " << out.abandon_target << " must not be above abandon_ceiling "
            << out.abandon_ceiling << " (ABN-08)";
    sink.error(sink.position_of("abandon_target", root.self().at), message.str());
  } else if (!sink.seen("abandon_target") && out.abandon_target > out.abandon_ceiling) {
    // The default target keeps the default's margin under a ceiling set lower than the default.
    out.abandon_target = out.abandon_ceiling * (Campaign{}.abandon_target / kLegalAbandonCeiling);
  }
}

}  // namespace

void read_campaign(FieldReader& root, Campaign& out) {
  DiagnosticSink& sink = root.sink();
  std::int64_t id = 0;
  if (root.read_required("id", id, Integer{1, std::numeric_limits<std::int64_t>::max()})) {
    out.id = CampaignId{id};
  }
  root.read_required("name", out.name, Text{});
  root.read("tenant", out.tenant, Text{});
  const bool mode_known =
      root.read("dial_mode", out.dial_mode, OneOf<DialMode>{kDialModes}) || !sink.seen("dial_mode");
  root.read("campaign_type", out.campaign_type, OneOf<CampaignType>{kCampaignTypes});
  root.read("subject_matter", out.subject_matter, Text{});
  out.caller_ids = read_unique_list(root.take("caller_ids"), PhoneNumber{}, sink);
  out.lead_lists = read_unique_list(root.take("lead_lists"), Text{}, sink);
  read_calling_window(root.take("calling_window"), out.calling_window, sink);
  root.read("ring_timeout", out.ring_timeout,
            DurationIn{15s, 120s, "RNG-01: legal minimum ring time"});
  read_abandon_rates(root, out);
  root.read("max_lines_per_agent", out.max_lines_per_agent, Decimal{1.0, 20.0, {}});
  read_retry(root.take("retry"), out.retry, sink);
  out.dispositions = read_dispositions(root.take("dispositions"), out.retry, sink);
  const auto message = root.take("abandoned_message");
  read_abandoned_message(message, out.abandoned_message, sink);
  const bool over_dials = out.dial_mode == DialMode::power || out.dial_mode == DialMode::predictive;
  if (over_dials && mode_known && !message) {
    sink.error(root.self().at, "missing required key 'abandoned_message' (ABN-04: " +
                                   std::string(to_string(out.dial_mode)) +
                                   " campaigns must play an abandoned-call message)");
  }
  root.read("default_region", out.default_region, RegionCode{});
  read_amd(root.take("amd"), out.amd, sink);
  root.read("trunk", out.trunk, Text{});
  root.read("wrap_up_timeout", out.wrap_up_timeout, DurationIn{1s, 1h, {}});
  root.read("script", out.script, Text{});
  root.finish();
}

}  // namespace dialer::config
