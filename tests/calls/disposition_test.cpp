#include "dialer/calls/disposition.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

using D = SystemDisposition;

TEST(DispositionTest, EverySuccessIsAnswered) {
  for (int code = 200; code < 300; ++code) EXPECT_EQ(disposition_for_status(code), D::answered);
}

TEST(DispositionTest, BusyCodes) {
  EXPECT_EQ(disposition_for_status(486), D::busy);
  EXPECT_EQ(disposition_for_status(600), D::busy);
}

TEST(DispositionTest, NoAnswerCodes) {
  EXPECT_EQ(disposition_for_status(408), D::no_answer);
  EXPECT_EQ(disposition_for_status(480), D::no_answer);
  EXPECT_EQ(disposition_for_status(487), D::no_answer);
}

TEST(DispositionTest, InvalidNumberCodes) {
  for (int code : {404, 410, 484, 604}) EXPECT_EQ(disposition_for_status(code), D::invalid_number);
}

TEST(DispositionTest, RejectedCodes) {
  EXPECT_EQ(disposition_for_status(403), D::rejected);
  EXPECT_EQ(disposition_for_status(603), D::rejected);
}

TEST(DispositionTest, EveryServerErrorIsCongestion) {
  for (int code = 500; code < 600; ++code) EXPECT_EQ(disposition_for_status(code), D::congestion);
}

TEST(DispositionTest, RedirectsAndOtherClientErrorsAreSystemFailures) {
  for (int code = 300; code < 400; ++code) {
    EXPECT_EQ(disposition_for_status(code), D::system_failure) << code;
  }
  for (int code : {400, 401, 405, 407, 415, 420, 481, 488, 491, 606}) {
    EXPECT_EQ(disposition_for_status(code), D::system_failure) << code;
  }
}

TEST(DispositionTest, NoFinalResponseIsSystemFailure) {
  EXPECT_EQ(disposition_for_status(0), D::system_failure);
  EXPECT_EQ(disposition_for_status(180), D::system_failure);
}

TEST(DispositionTest, EveryCodeMapsToANamedDisposition) {
  for (int code = 0; code < 700; ++code) {
    EXPECT_FALSE(to_string(disposition_for_status(code)).empty()) << code;
  }
  EXPECT_EQ(to_string(D::no_answer), "NO_ANSWER");
}

}  // namespace
}  // namespace dialer::calls
