#include "dialer/media/codec/sdp.h"

#include <gtest/gtest.h>

#include <string>

namespace dialer::media {
namespace {

// What a SIPp agent scenario using play_dtmf advertises (stack notes, section 4).
const std::string kSippAgentOffer =
    "v=0\r\n"
    "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "c=IN IP4 127.0.0.1\r\n"
    "t=0 0\r\n"
    "m=audio 6100 RTP/AVP 8 0 96\r\n"
    "a=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:96 telephone-event/8000\r\n"
    "a=fmtp:96 0-15\r\n"
    "a=ptime:20\r\n";

LocalMediaConfig local(std::uint16_t port) {
  LocalMediaConfig c;
  c.address = "127.0.0.1";
  c.port = port;
  return c;
}

TEST(SdpTest, ParsesOfferWithDynamicTelephoneEvent) {
  const auto sd = parse_sdp(kSippAgentOffer);
  ASSERT_TRUE(sd) << sd.error().message;
  EXPECT_EQ(sd->connection_address, "127.0.0.1");
  EXPECT_EQ(sd->audio_port, 6100);
  EXPECT_EQ(sd->payload_types, (std::vector<std::uint8_t>{8, 0, 96}));
  EXPECT_EQ(sd->ptime_ms, 20);
  EXPECT_EQ(sd->direction, MediaDirection::sendrecv);
}

TEST(SdpTest, AnswerPicksOffersFirstCommonCodecAndHonoursItsEventType) {
  const auto sd = parse_sdp(kSippAgentOffer);
  ASSERT_TRUE(sd);
  const auto ans = answer_offer(local(40000), *sd);
  ASSERT_TRUE(ans) << ans.error().message;
  EXPECT_EQ(ans->media.codec, AudioCodec::pcma);
  EXPECT_EQ(ans->media.codec_pt, 8);
  EXPECT_EQ(ans->media.telephone_event_pt, 96);
  EXPECT_EQ(ans->media.remote_port, 6100);
  EXPECT_EQ(ans->media.remote_address, "127.0.0.1");
  // The answer text itself must say the same thing.
  const auto back = parse_sdp(ans->sdp);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->audio_port, 40000);
  EXPECT_EQ(back->payload_types, (std::vector<std::uint8_t>{8, 96}));
  EXPECT_NE(ans->sdp.find("a=rtpmap:96 telephone-event/8000"), std::string::npos);
}

TEST(SdpTest, OfferListsPcmuPcmaAndEvent101AndParsesBack) {
  const auto text = build_offer(local(30000));
  EXPECT_NE(text.find("m=audio 30000 RTP/AVP 0 8 101\r\n"), std::string::npos);
  EXPECT_NE(text.find("c=IN IP4 127.0.0.1\r\n"), std::string::npos);
  const auto sd = parse_sdp(text);
  ASSERT_TRUE(sd);
  EXPECT_EQ(sd->rtpmaps.size(), 3u);
}

TEST(SdpTest, AcceptAnswerReadsCodecAndEventTypeFromRemote) {
  const std::string answer =
      "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 7000 RTP/AVP 0 96\n"
      "c=IN IP4 127.0.0.2\na=rtpmap:96 telephone-event/8000\na=sendrecv\n";
  const auto sd = parse_sdp(answer);
  ASSERT_TRUE(sd) << sd.error().message;
  const auto m = accept_answer(local(30000), *sd);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->codec, AudioCodec::pcmu);
  EXPECT_EQ(m->telephone_event_pt, 96);
  EXPECT_EQ(m->remote_address, "127.0.0.2");  // media-level c= wins
  EXPECT_TRUE(m->send);
}

TEST(SdpTest, DynamicPayloadTypeMappedToPcmuIsUnderstood) {
  const std::string offer =
      "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 112\r\na=rtpmap:112 pcmu/8000\r\n";
  const auto sd = parse_sdp(offer);
  ASSERT_TRUE(sd);
  const auto ans = answer_offer(local(1), *sd);
  ASSERT_TRUE(ans);
  EXPECT_EQ(ans->media.codec, AudioCodec::pcmu);
  EXPECT_EQ(ans->media.codec_pt, 112);
  EXPECT_FALSE(ans->media.telephone_event_pt);
}

TEST(SdpTest, HoldDirectionsAreMirrored) {
  const std::string base = "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 0\r\n";
  const auto sendonly = answer_offer(local(1), *parse_sdp(base + "a=sendonly\r\n"));
  ASSERT_TRUE(sendonly);
  EXPECT_TRUE(sendonly->media.remote_on_hold);
  EXPECT_FALSE(sendonly->media.send);
  EXPECT_TRUE(sendonly->media.receive);
  EXPECT_NE(sendonly->sdp.find("a=recvonly"), std::string::npos);
  const auto inactive = answer_offer(local(1), *parse_sdp(base + "a=inactive\r\n"));
  ASSERT_TRUE(inactive);
  EXPECT_FALSE(inactive->media.send);
  EXPECT_FALSE(inactive->media.receive);
  EXPECT_NE(inactive->sdp.find("a=inactive"), std::string::npos);
  const auto recvonly = answer_offer(local(1), *parse_sdp(base + "a=recvonly\r\n"));
  ASSERT_TRUE(recvonly);
  EXPECT_TRUE(recvonly->media.send);
  EXPECT_FALSE(recvonly->media.receive);
  const auto zero_addr =
      answer_offer(local(1), *parse_sdp("v=0\r\nc=IN IP4 0.0.0.0\r\nm=audio 5000 RTP/AVP 0\r\n"));
  ASSERT_TRUE(zero_addr);
  EXPECT_TRUE(zero_addr->media.remote_on_hold);
  EXPECT_FALSE(zero_addr->media.send);
}

TEST(SdpTest, RejectsWhatCannotBeNegotiated) {
  const auto g729 = parse_sdp("v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio 5000 RTP/AVP 18\r\n");
  ASSERT_TRUE(g729);
  const auto no_codec = answer_offer(local(1), *g729);
  ASSERT_FALSE(no_codec);
  EXPECT_EQ(no_codec.error().code, ErrorCode::unsupported);
  const auto video = parse_sdp("v=0\r\nc=IN IP4 127.0.0.1\r\nm=video 5000 RTP/AVP 96\r\n");
  ASSERT_TRUE(video);
  EXPECT_FALSE(answer_offer(local(1), *video));
  const auto rejected = parse_sdp("v=0\r\nm=audio 0 RTP/AVP 0\r\n");
  ASSERT_TRUE(rejected);
  EXPECT_FALSE(accept_answer(local(1), *rejected));
}

TEST(SdpTest, MalformedTextIsAParseError) {
  for (const char* bad : {"", "hello", "v=0\r\nm=audio x RTP/AVP 0\r\nc=IN IP4 1.2.3.4\r\n",
                          "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5 RTP/AVP 300\r\n",
                          "v=0\r\nm=audio 5000 RTP/AVP 0\r\n", "v=0\r\nc=garbage\r\n",
                          "v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio 5 RTP/AVP 0\r\na=rtpmap:zz\r\n"}) {
    const auto r = parse_sdp(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::parse_error);
  }
}

}  // namespace
}  // namespace dialer::media

namespace dialer::media {
namespace {

// Mutated offers (bytes replaced, lines cut) either parse or fail cleanly, and whatever parses
// can be answered or refused without crashing.
TEST(SdpFuzzTest, MutatedOffersNeverCrash) {
  const std::string base = kSippAgentOffer;
  std::uint32_t x = 7;
  const char alphabet[] = "0123456789 =:/\r\nacmvtoIPN-";
  int parsed = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string s = base;
    const int edits = 1 + i % 8;
    for (int e = 0; e < edits; ++e) {
      x = x * 1664525u + 1013904223u;
      const std::size_t pos = (x >> 8) % s.size();
      if (x & 1) {
        s[pos] = alphabet[(x >> 20) % (sizeof(alphabet) - 1)];
      } else {
        s.erase(pos, (x >> 24) % 6);
      }
      if (s.empty()) s = "v";
    }
    const auto sd = parse_sdp(s);
    if (!sd) continue;
    ++parsed;
    const auto ans = answer_offer(local(1000), *sd);
    if (ans) {
      EXPECT_TRUE(parse_sdp(ans->sdp)) << ans->sdp;
    }
  }
  EXPECT_GT(parsed, 100);  // the mutations are not all rejected outright
}

}  // namespace
}  // namespace dialer::media
