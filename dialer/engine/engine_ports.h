// The ports the engine drives: media (RTP legs, bridging, the 2-second rule) and lead storage.
// dialerd implements them over the media adapter and the database; tests implement them with
// fakes. Every method is called on the engine thread; implementations that do work elsewhere
// copy what they need and return at once. Legs are named by the CallId of their SIP call.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "campaigns/lead.h"
#include "dialer/common/ids.h"
#include "dialer/common/result.h"
#include "dialer/common/time.h"

namespace dialer::engine {

enum class LegKind { customer, agent };

class MediaPort {
 public:
  virtual ~MediaPort() = default;
  // Opens an RTP leg and returns the SDP offer for its INVITE. With `detect_machine` the leg's
  // received audio goes to the campaign's answering-machine detector once answered.
  virtual Result<std::string> open_leg(CallId call, CampaignId campaign, LegKind kind,
                                       bool detect_machine) = 0;
  virtual Status apply_answer(CallId call, const std::string& remote_sdp) = 0;
  // A re-INVITE (hold / resume) on an open leg: returns the SDP answer.
  virtual Result<std::string> apply_reoffer(CallId call, const std::string& remote_offer) = 0;
  virtual void close_leg(CallId call) = 0;
  // Starts the 2-second clock of an answered customer leg (ABN-11): media plays the campaign's
  // abandoned-call message by itself when no agent is connected in time.
  virtual void arm_safe_harbor(CallId customer, CampaignId campaign, TimePoint answered_at) = 0;
  // Connects the customer's audio with the agent's leg; the outcome arrives as on_bridge().
  virtual void bridge(CallId customer, CallId agent_leg) = 0;
  virtual void unbridge(CallId leg) = 0;
  // Plays the campaign's voicemail message on the leg (voicemail drop after the beep).
  virtual void play_voicemail(CallId customer, CampaignId campaign) = 0;
};

// Leads due for a call, and their state written back. Implemented over the lead repository.
class LeadStore {
 public:
  virtual ~LeadStore() = default;
  // Writes a lead's state, attempts and next attempt time. An error means storage is down.
  virtual Status save(const Lead& lead) = 0;
};

}  // namespace dialer::engine
