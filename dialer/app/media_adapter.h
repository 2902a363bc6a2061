// MediaAdapter: the engine's MediaPort over the RTP media adapter, and the media adapter's
// events back to the engine. It runs each customer leg's answering-machine detector (and, after
// a MACHINE verdict on a leave-message campaign, the voicemail-drop policy) on the media thread
// that delivers the leg's frames, and posts only verdicts to the engine.
// Thread-safety: MediaPort methods run on the engine thread; MediaEvents methods on media
// threads. The per-leg analysis state is guarded by one mutex; leg/call maps are engine-only
// except `legs_by_media_`, which is guarded too.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "dialer/amd/amd_detector.h"
#include "dialer/amd/voicemail_drop.h"
#include "dialer/app/engine_poster.h"
#include "dialer/engine/engine.h"
#include "dialer/media/media_engine.h"

namespace dialer::app {

// What the adapter needs of each campaign: its detector settings and its prompts.
struct CampaignMedia {
  amd::AmdConfig amd;
  bool detect = true;
  media::PromptPtr abandoned_message;  // the 2-second rule's message (null: rule not armed)
  char opt_out_digit = '9';
  Duration greeting_allowance{0};  // ABN-02
  media::PromptPtr voicemail;      // left after the beep (null: hang up on machines)
};

class MediaAdapter final : public engine::MediaPort, public media::MediaEvents {
 public:
  MediaAdapter(EnginePoster& poster, const TimeSource& time);
  // The media engine is created after the adapter (it needs the events) and set here once.
  void attach(media::MediaEngine& media, engine::Engine& engine);
  void set_campaign(CampaignId id, CampaignMedia config);

  // engine::MediaPort (engine thread)
  Result<std::string> open_leg(CallId call, CampaignId campaign, engine::LegKind kind,
                               bool detect_machine) override;
  Status apply_answer(CallId call, const std::string& remote_sdp) override;
  Result<std::string> apply_reoffer(CallId call, const std::string& remote_offer) override;
  void close_leg(CallId call) override;
  void arm_safe_harbor(CallId customer, CampaignId campaign, TimePoint answered_at) override;
  void bridge(CallId customer, CallId agent_leg) override;
  void unbridge(CallId leg) override;
  void play_voicemail(CallId customer, CampaignId campaign) override;

  // media::MediaEvents (media threads)
  void on_audio_frame(media::MediaLegId leg, Duration media_time, const std::int16_t* pcm,
                      std::size_t samples) override;
  void on_dtmf(media::MediaLegId leg, char digit) override;
  void on_safe_harbor_started(media::MediaLegId leg, TimePoint t) override;
  void on_safe_harbor_finished(media::MediaLegId leg, TimePoint t) override;
  void on_opt_out(media::MediaLegId leg, TimePoint t, TimePoint hang_up_by) override;
  void on_bridge(const media::BridgeResult& result) override;
  void on_prompt_finished(media::MediaLegId leg) override;

 private:
  struct Analysis {
    CallId call;
    amd::AmdConfig config;
    std::optional<TimePoint> answered_at;  // set when the 2-second rule is armed
    std::unique_ptr<amd::AmdDetector> detector;
    std::unique_ptr<amd::VoicemailDropPolicy> drop;
    std::optional<amd::ToneEvent> beep;
    media::PromptPtr voicemail;
    bool dropping = false;  // the voicemail message is playing
  };

  std::optional<media::MediaLegId> leg_of(CallId call) const;
  // Posts `fn(call)` to the engine for the call that owns `leg`, if any.
  void post_for_leg(media::MediaLegId leg, std::function<void(engine::Engine&, CallId)> fn);
  void drop_decided(media::MediaLegId leg, const amd::DropDecision& d);

  EnginePoster& poster_;
  const TimeSource& time_;
  media::MediaEngine* media_ = nullptr;
  engine::Engine* engine_ = nullptr;
  std::map<CampaignId, CampaignMedia> campaigns_;       // engine thread
  std::unordered_map<CallId, media::MediaLegId> legs_;  // engine thread
  mutable std::mutex mutex_;                            // guards the two maps below
  std::unordered_map<media::MediaLegId, CallId> calls_by_leg_;
  std::unordered_map<media::MediaLegId, Analysis> analysis_;
};

}  // namespace dialer::app
