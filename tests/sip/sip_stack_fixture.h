// Shared fixture of the SipStack integration tests: a stack on 127.0.0.1 (port 0) with one
// trunk "carrier" pointing at a SIPp instance on a probed free port.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "dialer/sip/sip_stack.h"
#include "tests/sip/event_recorder.h"
#include "tests/sip/sipp_process.h"

namespace dialer::sip::testing {

inline const char* kOffer =
    "v=0\r\no=dialer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n";

class SipStackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    carrier_port_ = free_port();
    ASSERT_NE(carrier_port_, 0);
    TrunkConfig trunk;
    trunk.name = "carrier";
    trunk.proxy_uri = "sip:127.0.0.1:" + std::to_string(carrier_port_);
    config_.trunks.push_back(trunk);
    config_.agent_credentials = {{"agent1001", "s3cret"}};
  }

  void TearDown() override {
    if (stack_) stack_->stop();
    sipps_.clear();  // kills any SIPp still running
  }

  void start_stack() {
    stack_ = std::make_unique<SipStack>(config_, events_);
    auto port = stack_->start();
    ASSERT_TRUE(port.ok()) << port.error().message;
    stack_port_ = *port;
  }

  std::string workdir(const std::string& suffix) const {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(info->test_suite_name()) + "." + info->name();
    for (char& ch : name) {
      if (ch == '/') ch = '_';
    }
    return make_workdir(name + "-" + suffix);
  }

  // Starts SIPp with `scenario` on `port` and waits until it listens.
  using Substitutions = std::map<std::string, std::string>;

  // `subst` fills the placeholders (e.g. STATUS, EXPIRES) of a template scenario.
  SippProcess& run_sipp(const std::string& scenario, std::uint16_t port,
                        std::vector<std::string> extra = {}, const std::string& remote = "",
                        const Substitutions& subst = {}) {
    const std::uint16_t media = free_port();
    const std::string dir = workdir(scenario + "-" + std::to_string(port));
    std::string path = std::string(SIP_SCENARIO_DIR) + "/" + scenario;
    if (!subst.empty()) path = instantiate(path, dir, subst);
    std::vector<std::string> args = {"-sf",
                                     path,
                                     "-i",
                                     "127.0.0.1",
                                     "-p",
                                     std::to_string(port),
                                     "-mi",
                                     "127.0.0.1",
                                     "-mp",
                                     std::to_string(media),
                                     "-m",
                                     "1",
                                     "-timeout",
                                     "40s",
                                     "-timeout_error",
                                     "-trace_err"};
    args.insert(args.end(), extra.begin(), extra.end());
    if (!remote.empty()) args.push_back(remote);
    sipps_.push_back(std::make_unique<SippProcess>(args, dir));
    SippProcess& sipp = *sipps_.back();
    EXPECT_TRUE(sipp.wait_bound(port, std::chrono::seconds{5})) << sipp.log();
    return sipp;
  }

  static std::string instantiate(const std::string& path, const std::string& dir,
                                 const Substitutions& subst) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::string xml = text.str();
    for (const auto& [key, value] : subst) {
      for (auto at = xml.find(key); at != std::string::npos; at = xml.find(key, at)) {
        xml.replace(at, key.size(), value);
        at += value.size();
      }
    }
    const std::string out = dir + "/scenario.xml";
    std::ofstream(out) << xml;
    return out;
  }

  static void expect_clean_exit(SippProcess& sipp,
                                std::chrono::seconds limit = std::chrono::seconds{10}) {
    const std::optional<int> rc = sipp.wait_exit(limit);
    ASSERT_TRUE(rc.has_value()) << "SIPp still running\n" << sipp.log();
    EXPECT_EQ(*rc, 0) << sipp.log();
  }

  calls::Originate originate(std::int64_t id, const std::string& number = "15551230000") const {
    calls::Originate o;
    o.call_id = CallId{id};
    o.target = number;
    o.trunk = "carrier";
    o.from = "<sip:+15550002222@dialer.test>";
    o.asserted_identity = "<sip:+15550001111@dialer.test>";
    o.sdp_offer = kOffer;
    o.ring_timeout = std::chrono::seconds{30};
    return o;
  }

  SipConfig config_;
  EventRecorder events_;
  std::unique_ptr<SipStack> stack_;
  std::uint16_t stack_port_ = 0;
  std::uint16_t carrier_port_ = 0;
  std::vector<std::unique_ptr<SippProcess>> sipps_;
};

}  // namespace dialer::sip::testing
