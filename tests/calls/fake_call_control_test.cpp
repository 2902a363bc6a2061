#include "tests/fakes/fake_call_control.h"

#include <gtest/gtest.h>

namespace dialer::calls {
namespace {

struct Recorder : CallEventHandler {
  void on_call_event(const CallEvent& event) override { events.push_back(event); }
  std::vector<CallEvent> events;
};

TEST(FakeCallControlTest, RecordsCommandsAndDeliversEvents) {
  Recorder recorder;
  fakes::FakeCallControl sip{recorder};
  Originate originate;
  originate.call_id = CallId{1};
  originate.target = "15551230000";
  originate.trunk = "carrier";
  sip.submit(originate);
  sip.submit(Cancel{CallId{1}});
  ASSERT_EQ(sip.commands_of<Originate>().size(), 1u);
  EXPECT_EQ(sip.commands_of<Originate>()[0].target, "15551230000");
  EXPECT_EQ(call_id_of(sip.commands()[1]), CallId{1});
  sip.deliver(Failed{CallId{1}, 486, SystemDisposition::busy, FailureCause::sip_response, {}});
  ASSERT_EQ(recorder.events.size(), 1u);
  EXPECT_EQ(std::get<Failed>(recorder.events[0]).disposition, SystemDisposition::busy);
}

}  // namespace
}  // namespace dialer::calls
