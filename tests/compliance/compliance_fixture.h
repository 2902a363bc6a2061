// Test fixture for the dial gate: loads the committed data tables (compliance/data), builds a
// gate with one US predictive campaign (id 1), one UK campaign (id 2) and a second US campaign
// (id 3) sharing the subject matter, and gives helpers to build requests at local times.
#pragma once

#include <date/tz.h>
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "compliance/dial_gate.h"

namespace dialer::compliance::testing {

inline std::string data_path(const std::string& name) {
  return std::string(DIALER_SOURCE_DIR) + "/compliance/data/" + name;
}

template <typename Fn>
void load_file(const std::string& name, Fn&& fn) {
  std::ifstream in(data_path(name));
  ASSERT_TRUE(in.good()) << name;
  auto status = fn(in, name);
  ASSERT_TRUE(status.ok()) << status.error().message;
}

inline std::shared_ptr<TimezoneTables> load_timezones() {
  auto t = std::make_shared<TimezoneTables>();
  load_file("nanp_timezones.txt", [&](auto& in, auto n) { return t->load_prefix_zones(in, n); });
  load_file("nanp_timezone_overrides.txt",
            [&](auto& in, auto n) { return t->load_prefix_zones(in, n); });
  load_file("state_zones.txt", [&](auto& in, auto n) { return t->load_region_zones(in, n); });
  load_file("zip3_states.txt", [&](auto& in, auto n) { return t->load_zip3_regions(in, n); });
  load_file("npa_regions.txt", [&](auto& in, auto n) { return t->load_npa_regions(in, n); });
  return t;
}

inline std::shared_ptr<WindowTable> load_windows(HolidayCalendars* extra = nullptr) {
  auto t = std::make_shared<WindowTable>();
  load_file("calling_windows.txt", [&](auto& in, auto n) { return t->load(in, n); });
  HolidayCalendars holidays;
  load_file("holidays.txt", [&](auto& in, auto n) { return holidays.load(in, n, 2020, 2040); });
  if (extra != nullptr) *extra = holidays;
  t->set_holidays(std::move(holidays));
  return t;
}

// A UTC instant from a local civil time in `zone`.
inline TimePoint local_time(const std::string& zone, int y, int mo, int d, int h, int mi,
                            int s = 0) {
  const auto local = date::local_days{date::year{y} / mo / d} + std::chrono::hours{h} +
                     std::chrono::minutes{mi} + std::chrono::seconds{s};
  const auto sys = date::locate_zone(zone)->to_sys(local);
  return TimePoint{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
}

inline TimePoint utc(int y, int mo, int d, int h, int mi, int s = 0) {
  const auto sys = date::sys_days{date::year{y} / mo / d} + std::chrono::hours{h} +
                   std::chrono::minutes{mi} + std::chrono::seconds{s};
  return TimePoint{std::chrono::duration_cast<Duration>(sys.time_since_epoch())};
}

class GateFixture : public ::testing::Test {
 protected:
  static constexpr CampaignId kUs{1};
  static constexpr CampaignId kUk{2};
  static constexpr CampaignId kUs2{3};

  void SetUp() override { rebuild(); }

  std::shared_ptr<Campaign> us_campaign() {
    auto c = std::make_shared<Campaign>();
    c->id = kUs;
    c->ring_timeout = std::chrono::seconds{25};
    c->calling_window.weekdays = {0, 1440};  // the law decides in these tests
    c->retry.max_attempts = 100;
    c->retry.max_attempts_per_day = 50;
    return c;
  }

  void rebuild() {
    if (!timezones_) timezones_ = load_timezones();
    if (!windows_) windows_ = load_windows();
    DialGateConfig config = config_;
    if (config.campaigns.empty()) {
      CampaignPolicy us;
      us.campaign = us_campaign();
      us.window_margin = std::chrono::seconds{0};
      us.subject_matter = "solar";
      config.campaigns[kUs] = us;
      auto uk_c = us_campaign();
      uk_c->id = kUk;
      uk_c->default_region = "GB";
      CampaignPolicy uk;
      uk.campaign = uk_c;
      uk.profile = JurisdictionProfile::uk;
      uk.window_margin = std::chrono::seconds{0};
      config.campaigns[kUk] = uk;
      auto us2_c = us_campaign();
      us2_c->id = kUs2;
      CampaignPolicy us2;
      us2.campaign = us2_c;
      us2.subject_matter = "solar";
      us2.window_margin = std::chrono::seconds{0};
      config.campaigns[kUs2] = us2;
    }
    if (!dnc_.national()) {
      dnc_.set_national({"test-snapshot", date::sys_days{date::year{2026} / 1 / 1}, DncSet{}});
    }
    gate_ = make_dial_gate(config, {timezones_, windows_, dnc_, consents_, history_, monitor_});
  }

  // Rebuilds the gate with campaign kUs changed by `change` (kUk and kUs2 dropped; a UK profile
  // is also registered as kUk).
  template <typename Change>
  void with_us_policy(Change&& change) {
    CampaignPolicy p;
    p.campaign = us_campaign();
    p.window_margin = std::chrono::seconds{0};
    change(p);
    config_.campaigns.clear();
    config_.campaigns[kUs] = p;
    if (p.profile == JurisdictionProfile::uk) config_.campaigns[kUk] = p;
    rebuild();
  }

  // National snapshot dated the day of `t` (fresh).
  void fresh_snapshot(TimePoint t, std::vector<PhoneKey> listed = {}) {
    dnc_.set_national({"snap", date::floor<date::days>(t), DncSet{std::move(listed)}});
  }

  DialRequest request(const std::string& number, TimePoint now, CampaignId campaign = kUs,
                      DialKind kind = DialKind::predictive, bool agent = false) {
    DialRequest r;
    r.lead = LeadId{7};
    r.number = number;
    r.campaign = campaign;
    r.kind = kind;
    r.agent_reserved = agent;
    r.now = now;
    return r;
  }

  GateDecision decide(const DialRequest& r) {
    fresh_snapshot_if_needed(r.now);
    return gate_->decide(r);
  }

  void fresh_snapshot_if_needed(TimePoint t) {
    if (auto_snapshot_) {
      auto listed = national_listed_;
      fresh_snapshot(t, listed);
    }
    if (auto_foreign_snapshots_) {  // UK TPS and Canadian DNCL screened today, nothing listed
      dnc_.set_uk_tps({"tps", date::floor<date::days>(t), DncSet{}});
      dnc_.set_canada_dncl({"dncl", date::floor<date::days>(t), DncSet{}});
    }
  }

  bool auto_snapshot_ = true;
  bool auto_foreign_snapshots_ = true;
  std::vector<PhoneKey> national_listed_;
  DialGateConfig config_;
  std::shared_ptr<TimezoneTables> timezones_;
  std::shared_ptr<WindowTable> windows_;
  DncLists dnc_;
  ConsentLedger consents_;
  AttemptHistory history_;
  AbandonmentMonitor monitor_;
  std::unique_ptr<DialGate> gate_;
};

}  // namespace dialer::compliance::testing
