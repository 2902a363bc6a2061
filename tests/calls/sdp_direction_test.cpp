#include "dialer/calls/sdp_direction.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

const char* kOffer =
    "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
    "m=audio 6000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

TEST(SdpDirectionTest, NoAttributeMeansSendrecv) {
  EXPECT_EQ(offered_direction(kOffer), MediaDirection::sendrecv);
  EXPECT_FALSE(is_hold_offer(kOffer));
}

TEST(SdpDirectionTest, SendonlyOfferIsHoldAndIsAnsweredRecvonly) {
  const std::string hold = with_direction(kOffer, MediaDirection::sendonly);
  EXPECT_TRUE(is_hold_offer(hold));
  EXPECT_EQ(answer_direction(offered_direction(hold)), MediaDirection::recvonly);
  EXPECT_EQ(answer_direction(MediaDirection::inactive), MediaDirection::inactive);
  EXPECT_EQ(answer_direction(MediaDirection::recvonly), MediaDirection::sendonly);
}

TEST(SdpDirectionTest, ZeroConnectionAddressIsOldStyleHold) {
  std::string hold = kOffer;
  hold.replace(hold.find("c=IN IP4 127.0.0.1"), 18, "c=IN IP4 0.0.0.0");
  EXPECT_TRUE(is_hold_offer(hold));
}

TEST(SdpDirectionTest, MediaLevelAttributeWinsOverSessionLevel) {
  const std::string sdp = "v=0\r\ns=-\r\na=sendrecv\r\nm=audio 6000 RTP/AVP 0\r\na=inactive\r\n";
  EXPECT_EQ(offered_direction(sdp), MediaDirection::inactive);
}

TEST(SdpDirectionTest, WithDirectionReplacesExistingAttributeOnce) {
  const std::string hold = with_direction(kOffer, MediaDirection::sendonly);
  const std::string back = with_direction(hold, MediaDirection::recvonly);
  EXPECT_NE(back.find("a=recvonly\r\n"), std::string::npos);
  EXPECT_EQ(back.find("a=sendonly"), std::string::npos);
  EXPECT_EQ(back.find("a=recvonly"), back.rfind("a=recvonly"));
}

}  // namespace
}  // namespace dialer::calls
