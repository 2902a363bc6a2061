// SIPp as the remote media peer (label `sip`): a minimal hand-written INVITE/ACK/BYE exchange
// sets up a call with a SIPp UAS scenario that streams raw µ-law with `rtp_stream` and presses a
// key with `play_dtmf` (telephone-event on PT 96, stack notes section 4). Skipped without sipp.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <regex>
#include <thread>

#include "dialer/common/system_time_source.h"
#include "dialer/media/codec/g711.h"
#include "dialer/media/media_engine.h"
#include "tests/media/loopback_peer.h"

extern char** environ;

namespace dialer::media {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::uint16_t free_udp_port() {
  testing::UdpPeer probe;
  return probe.port();  // released when `probe` goes; the race is acceptable on loopback
}

std::string scenario(const std::string& ulaw_path) {
  return R"(<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="media peer">
  <recv request="INVITE" crlf="true"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      [last_Record-Route:]
      Contact: <sip:[local_ip]:[local_port];transport=[transport]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=user1 53655765 2353687637 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 0 96
      a=rtpmap:0 PCMU/8000
      a=rtpmap:96 telephone-event/8000
    ]]>
  </send>
  <recv request="ACK" crlf="true"/>
  <nop><action><exec rtp_stream=")" +
         ulaw_path + R"(,1,0"/></action></nop>
  <pause milliseconds="800"/>
  <nop><action><exec play_dtmf="9"/></action></nop>
  <recv request="BYE"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0
    ]]>
  </send>
</scenario>
)";
}

std::string sip_request(const std::string& method, int cseq, std::uint16_t sipp_port,
                        std::uint16_t our_port, const std::string& to_tag,
                        const std::string& body) {
  std::string m = method + " sip:media@127.0.0.1:" + std::to_string(sipp_port) + " SIP/2.0\r\n";
  m += "Via: SIP/2.0/UDP 127.0.0.1:" + std::to_string(our_port) + ";branch=z9hG4bK-media-" +
       method + std::to_string(cseq) + "\r\n";
  m += "From: <sip:dialer@127.0.0.1:" + std::to_string(our_port) + ">;tag=media-test\r\n";
  m += "To: <sip:media@127.0.0.1:" + std::to_string(sipp_port) + ">" +
       (to_tag.empty() ? "" : ";tag=" + to_tag) + "\r\n";
  m +=
      "Call-ID: media-sipp-test@127.0.0.1\r\nCSeq: " + std::to_string(cseq) + " " + method + "\r\n";
  m += "Contact: <sip:dialer@127.0.0.1:" + std::to_string(our_port) + ">\r\nMax-Forwards: 70\r\n";
  if (!body.empty()) m += "Content-Type: application/sdp\r\n";
  m += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return m;
}

TEST(MediaSippTest, SippStreamAndPlayDtmfPt96ReachTheSession) {
  if (!fs::exists("/usr/bin/sipp")) GTEST_SKIP() << "sipp not installed";
  const fs::path dir = fs::temp_directory_path() / ("media_sipp_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream ulaw(dir / "tone.ulaw", std::ios::binary);
    for (int i = 0; i < 4000; ++i) {  // 0.5 s of 440 Hz
      ulaw.put(static_cast<char>(ulaw_encode(
          static_cast<std::int16_t>(8000 * std::sin(2 * std::numbers::pi * 440 * i / 8000.0)))));
    }
    std::ofstream(dir / "peer.xml") << scenario((dir / "tone.ulaw").string());
  }
  const std::uint16_t sip_port = free_udp_port();
  const std::uint16_t media_port = free_udp_port();
  const std::string sf = (dir / "peer.xml").string(), p = std::to_string(sip_port),
                    mp = std::to_string(media_port);
  std::vector<std::string> args{"sipp",
                                "-sf",
                                sf,
                                "-i",
                                "127.0.0.1",
                                "-p",
                                p,
                                "-mi",
                                "127.0.0.1",
                                "-mp",
                                mp,
                                "-m",
                                "1",
                                "-nostdin",
                                "-timeout",
                                "15s",
                                "-timeout_error",
                                "-trace_err",
                                "-error_file",
                                (dir / "err.log").string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  ASSERT_EQ(posix_spawn(&pid, "/usr/bin/sipp", &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);

  testing::RecordingEvents events;
  SystemTimeSource clock;
  MediaEngine engine({}, events, clock);
  engine.start();
  auto leg = engine.open_leg_offer({CallId(1), LegRole::customer, true});
  ASSERT_TRUE(leg);
  testing::UdpPeer sip;  // our side of the signalling
  std::optional<std::vector<std::uint8_t>> reply;
  for (int i = 0; i < 25 && !reply; ++i) {  // SIPp needs a moment to bind: retransmit
    const auto invite = sip_request("INVITE", 1, sip_port, sip.port(), "", leg->sdp);
    sip.send_raw(sip_port, {invite.begin(), invite.end()});
    while ((reply = sip.receive())) {
      if (std::string(reply->begin(), reply->end()).rfind("SIP/2.0 200", 0) == 0) break;
    }
  }
  ASSERT_TRUE(reply) << "no 200 OK from sipp";
  const std::string ok(reply->begin(), reply->end());
  std::smatch tag;
  ASSERT_TRUE(std::regex_search(ok, tag, std::regex(R"(To:[^\r\n]*;tag=([^\s;>]+))")));
  const auto body = ok.substr(ok.find("\r\n\r\n") + 4);
  ASSERT_TRUE(engine.apply_answer(leg->leg, body)) << body;
  const auto ack = sip_request("ACK", 1, sip_port, sip.port(), tag[1], "");
  sip.send_raw(sip_port, {ack.begin(), ack.end()});

  const bool got_digit = events.wait_for([&] { return !events.digits.empty(); }, 5000ms);
  const auto bye = sip_request("BYE", 2, sip_port, sip.port(), tag[1], "");
  sip.send_raw(sip_port, {bye.begin(), bye.end()});
  int status = -1;
  for (int i = 0; i < 100 && waitpid(pid, &status, WNOHANG) == 0; ++i) {
    std::this_thread::sleep_for(50ms);
  }
  if (waitpid(pid, &status, WNOHANG) == 0) {
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
  }
  engine.stop();
  fs::remove_all(dir);

  ASSERT_TRUE(got_digit);
  EXPECT_EQ(events.digits[0].second, '9');
  std::size_t loud = 0;
  for (const auto& f : events.frames) {
    for (const auto s : f.pcm) loud += std::abs(s) > 2000 ? 1 : 0;
  }
  EXPECT_GT(loud, 1000u) << "SIPp's rtp_stream audio reached the tap";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "sipp status " << status;
}

}  // namespace
}  // namespace dialer::media
