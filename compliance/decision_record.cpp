#include "compliance/decision_record.h"

#include <date/tz.h>

#include <cstdio>

namespace dialer::compliance {
namespace {

std::string profile_name(const CampaignPolicy& policy, const GateDecision& d) {
  if (policy.profile == JurisdictionProfile::uk) return "UK";
  std::string out;
  for (auto j : d.trace.jurisdictions) {
    if (!out.empty()) out.push_back('+');
    out += (j == "US"       ? std::string("US-FED")
            : j == "CANADA" ? std::string("CA-FED")
                            : "US-" + std::string(j));
  }
  return out.empty() ? "US-FED" : out;
}

std::string date_text(std::int32_t days) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

std::string make_attempt_id(Random& random) {
  const auto hi = random.next_u64();
  const auto lo = random.next_u64();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0x0fff),
                static_cast<unsigned>(0x8000 | ((lo >> 48) & 0x3fff)),
                static_cast<unsigned long long>(lo & 0xffffffffffffULL));
  return buf;
}

std::optional<std::string> format_local(TimePoint t, std::string_view zone_name) {
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
  const auto info = zone->get_info(std::chrono::floor<std::chrono::seconds>(t));
  const auto local = t + info.offset;
  std::string text = format_utc(local);  // the local wall time, formatted like UTC
  text.pop_back();                       // drop the 'Z'
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", minutes < 0 ? '-' : '+',
                static_cast<int>(std::abs(minutes) / 60), static_cast<int>(std::abs(minutes) % 60));
  return text + buf;
}

CallRecord make_decision_record(std::string attempt_id, const DialRequest& request,
                                const CampaignPolicy& policy, const GateDecision& d,
                                const RecordContext& ctx) {
  CallRecord r;
  r.attempt_id = std::move(attempt_id);
  r.decided_at = request.now;
  r.tenant_id = ctx.tenant_id;
  r.seller_id = policy.seller;
  r.telemarketer_id = ctx.telemarketer_id;
  r.campaign_id = std::to_string(request.campaign.value());
  r.campaign_type = policy.collections    ? "COLLECTIONS"
                    : policy.telemarketing ? "TELEMARKETING"
                                           : "INFORMATIONAL";
  r.subject_matter = policy.subject_matter;
  r.lead_id = std::to_string(request.lead.value());
  r.called_number = request.number;
  r.caller_id_presented = ctx.caller_id;
  r.dial_mode = std::string(to_string(request.kind));
  r.agent_reserved_before_dial = request.agent_reserved;
  r.decision = d.allowed() ? "DIALED" : "REFUSED";
  for (auto reason : d.trace.reasons) r.refusal_reasons.emplace_back(to_string(reason));
  r.deferred_until = d.until;
  r.jurisdiction_profile = profile_name(policy, d);
  for (auto z : d.trace.tz_candidates) r.tz_candidates.emplace_back(z);
  if (!d.trace.tz_candidates.empty()) {
    r.tz_sources.emplace_back(to_string(d.trace.tz_source));
    r.called_party_tz = std::string(d.trace.tz_candidates.front());
    r.called_party_local_time = format_local(request.now, d.trace.tz_candidates.front());
  }
  for (auto w : d.trace.windows_applied) r.window_rules_applied.emplace_back(w);
  r.tzdata_version = ctx.tzdata_version;
  if (d.trace.dnc_snapshot_id) r.dnc_national_snapshot_id = std::string(*d.trace.dnc_snapshot_id);
  if (d.trace.dnc_snapshot_day) r.dnc_national_snapshot_date = date_text(*d.trace.dnc_snapshot_day);
  r.internal_dnc_checked_at = request.now;
  if (request.rnd) {  // DNC-06: the query date, the consent date sent and the answer
    r.rnd_query_date = date_text(
        static_cast<std::int32_t>(request.rnd->queried_on.time_since_epoch().count()));
    r.rnd_consent_date_sent = date_text(
        static_cast<std::int32_t>(request.rnd->consent_date_sent.time_since_epoch().count()));
    r.rnd_result = std::string(to_string(request.rnd->answer));
  }
  r.dialer_node_id = ctx.dialer_node_id;
  r.engine_version = ctx.engine_version;
  r.config_version = ctx.config_version;
  return r;
}

}  // namespace dialer::compliance
