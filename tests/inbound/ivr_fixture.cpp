#include "tests/inbound/ivr_fixture.h"

#include <sstream>

namespace dialer::inbound::testing {
namespace {

std::string offset(TimePoint t, TimePoint base) {
  const auto ms = (t - base).count();
  std::ostringstream out;
  out << (ms < 0 ? "-" : "+");
  const auto abs = ms < 0 ? -ms : ms;
  if (abs % 1000 == 0) {
    out << abs / 1000 << "s";
  } else {
    out << abs << "ms";
  }
  return out.str();
}

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

std::string describe(const IvrAction& action, TimePoint base) {
  return std::visit(
      Overloaded{
          [](const PlayPrompt& a) { return "play " + a.file + " #" + std::to_string(a.id); },
          [](const StopPrompt& a) { return "stop #" + std::to_string(a.id); },
          [](const StartCollecting& a) {
            return "collect " + std::to_string(a.max_digits) +
                   (a.terminator ? " " + std::string(1, *a.terminator) : std::string{});
          },
          [](const StopCollecting&) { return std::string("stop collecting"); },
          [&](const SetTimer& a) { return "timer " + offset(a.at, base); },
          [](const ClearTimer&) { return std::string("clear timer"); },
          [](const Enqueue& a) {
            std::string skills;
            for (const auto& s : a.skills) {
              skills += (skills.empty() ? "" : ",") + s.skill + ">=" + std::to_string(s.level);
            }
            return "queue " + a.queue + (skills.empty() ? "" : " [" + skills + "]") + " p" +
                   std::to_string(a.priority);
          },
          [&](const RequestCallback& a) {
            return "callback " + a.queue + " " + a.number + " since " + offset(a.since, base);
          },
          [](const AddToDnc& a) { return "dnc " + a.number; },
          [](const LookupRequest& a) {
            return "lookup " + std::string(to_string(a.key)) + " " + a.value + " #" +
                   std::to_string(a.id);
          },
          [](const StartVoicemail& a) {
            return "voicemail " + a.mailbox + (a.greeting.empty() ? "" : " " + a.greeting);
          },
          [](const HangUp& a) { return "hangup " + std::string(to_string(a.reason)); },
      },
      action);
}

}  // namespace dialer::inbound::testing
