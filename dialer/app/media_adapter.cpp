#include "dialer/app/media_adapter.h"

#include <algorithm>

namespace dialer::app {
namespace {

engine::MachineVerdict verdict_of(amd::AmdVerdict v) {
  switch (v) {
    case amd::AmdVerdict::kHuman:
      return engine::MachineVerdict::human;
    case amd::AmdVerdict::kMachine:
      return engine::MachineVerdict::machine;
    case amd::AmdVerdict::kNotSure:
      break;
  }
  return engine::MachineVerdict::not_sure;
}

// Where the callee's first utterance ended, for the causes that wait for a pause after it.
// The longest pause the cause may have waited is subtracted, so that the estimate is never later
// than the true end of the greeting (an early estimate only makes the 2-second clock stricter).
std::optional<Duration> greeting_end(const amd::AmdDecision& d, const amd::AmdConfig& config) {
  if (config.algorithm != amd::AmdAlgorithm::kCadence) return std::nullopt;
  const auto& p = config.cadence;
  Duration pause{0};
  switch (d.cause) {
    case amd::AmdCause::kShortGreeting:
      pause = std::max(p.short_silence, p.human_silence);
      break;
    case amd::AmdCause::kGreetingEnded:
      pause = std::max(p.human_silence, p.ended_silence);
      break;
    default:
      return std::nullopt;
  }
  return d.decided_at > pause ? d.decided_at - pause : Duration{0};
}

engine::BridgeStatus status_of(media::BridgeOutcome o) {
  switch (o) {
    case media::BridgeOutcome::connected:
      return engine::BridgeStatus::connected;
    case media::BridgeOutcome::connected_late:
      return engine::BridgeStatus::connected_late;
    case media::BridgeOutcome::refused_message_playing:
      return engine::BridgeStatus::refused;
    case media::BridgeOutcome::unknown_leg:
      break;
  }
  return engine::BridgeStatus::failed;
}

}  // namespace

MediaAdapter::MediaAdapter(EnginePoster& poster, const TimeSource& time)
    : poster_(poster), time_(time) {}

void MediaAdapter::attach(media::MediaEngine& media, engine::Engine& engine) {
  media_ = &media;
  engine_ = &engine;
}

void MediaAdapter::set_campaign(CampaignId id, CampaignMedia config) {
  campaigns_[id] = std::move(config);
}

std::optional<media::MediaLegId> MediaAdapter::leg_of(CallId call) const {
  auto it = legs_.find(call);
  if (it == legs_.end()) return std::nullopt;
  return it->second;
}

Result<std::string> MediaAdapter::open_leg(CallId call, CampaignId campaign, engine::LegKind kind,
                                           bool detect_machine) {
  media::LegOptions options;
  options.call = call;
  options.role = kind == engine::LegKind::agent ? media::LegRole::agent : media::LegRole::customer;
  auto it = campaigns_.find(campaign);
  const bool detect = detect_machine && it != campaigns_.end() && it->second.detect;
  options.deliver_frames = detect;
  auto opened = media_->open_leg_offer(options);
  if (!opened) return opened.error();
  Analysis analysis;
  analysis.call = call;
  if (detect) {
    auto detector = amd::make_detector(it->second.amd);
    if (!detector) {
      media_->close_leg(opened->leg);
      return detector.error();
    }
    analysis.detector = std::move(*detector);
    analysis.config = it->second.amd;
    analysis.voicemail = it->second.voicemail;
  }
  legs_[call] = opened->leg;
  {
    std::lock_guard lock(mutex_);
    calls_by_leg_[opened->leg] = call;
    if (detect) analysis_[opened->leg] = std::move(analysis);
  }
  return opened->sdp;
}

Status MediaAdapter::apply_answer(CallId call, const std::string& remote_sdp) {
  auto leg = leg_of(call);
  if (!leg) return Error{ErrorCode::not_found, "no media leg for the call"};
  return media_->apply_answer(*leg, remote_sdp);
}

Result<std::string> MediaAdapter::apply_reoffer(CallId call, const std::string& remote_offer) {
  auto leg = leg_of(call);
  if (!leg) return Error{ErrorCode::not_found, "no media leg for the call"};
  return media_->apply_reoffer(*leg, remote_offer);
}

void MediaAdapter::close_leg(CallId call) {
  auto leg = leg_of(call);
  if (!leg) return;
  legs_.erase(call);
  {
    std::lock_guard lock(mutex_);
    calls_by_leg_.erase(*leg);
    analysis_.erase(*leg);
  }
  media_->close_leg(*leg);
}

void MediaAdapter::arm_safe_harbor(CallId customer, CampaignId campaign, TimePoint answered_at) {
  auto leg = leg_of(customer);
  auto it = campaigns_.find(campaign);
  if (!leg || it == campaigns_.end() || !it->second.abandoned_message) return;
  media::SafeHarborArm arm;
  arm.answered_at = answered_at;
  arm.rule.opt_out_digit = it->second.opt_out_digit;
  arm.rule.greeting_allowance = it->second.greeting_allowance;
  arm.message = it->second.abandoned_message;
  {
    std::lock_guard lock(mutex_);
    if (auto a = analysis_.find(*leg); a != analysis_.end()) a->second.answered_at = answered_at;
  }
  media_->arm_safe_harbor(*leg, arm);
}

void MediaAdapter::bridge(CallId customer, CallId agent_leg) {
  auto c = leg_of(customer);
  auto a = leg_of(agent_leg);
  if (!c || !a) {
    poster_.post([this, customer, agent_leg] {
      engine::BridgeOutcome outcome;
      outcome.customer = customer;
      outcome.agent_leg = agent_leg;
      outcome.status = engine::BridgeStatus::failed;
      engine_->on_bridge(outcome, time_.now());
    });
    return;
  }
  media_->bridge(*c, *a);
}

void MediaAdapter::unbridge(CallId leg) {
  if (auto l = leg_of(leg)) media_->unbridge(*l);
}

void MediaAdapter::play_voicemail(CallId customer, CampaignId campaign) {
  (void)campaign;
  auto leg = leg_of(customer);
  if (!leg) return;
  std::lock_guard lock(mutex_);
  auto it = analysis_.find(*leg);
  if (it == analysis_.end() || !it->second.detector || !it->second.voicemail) {
    post_for_leg(*leg, [this](engine::Engine& e, CallId call) {
      e.on_voicemail_finished(call, time_.now());
    });
    return;
  }
  Analysis& a = it->second;
  amd::VoicemailDropParams params;
  params.on_machine = amd::OnMachine::kLeaveMessage;
  const Duration verdict_at =
      a.detector->decision() ? a.detector->decision()->decided_at : Duration{0};
  a.drop = std::make_unique<amd::VoicemailDropPolicy>(params, verdict_at, a.beep);
  const auto first = a.drop->start();
  if (first.action != amd::DropAction::kWait) drop_decided(*leg, first);
}

// Called with mutex_ held.
void MediaAdapter::drop_decided(media::MediaLegId leg, const amd::DropDecision& d) {
  auto it = analysis_.find(leg);
  if (it == analysis_.end()) return;
  Analysis& a = it->second;
  a.drop.reset();
  if (d.action == amd::DropAction::kPlayMessageNow && a.voicemail) {
    a.dropping = true;
    media_->set_frame_tap(leg, false);
    media_->play(leg, a.voicemail, false);
    return;
  }
  const CallId call = a.call;
  poster_.post([this, call] { engine_->on_voicemail_finished(call, time_.now()); });
}

void MediaAdapter::on_audio_frame(media::MediaLegId leg, Duration media_time,
                                  const std::int16_t* pcm, std::size_t samples) {
  std::lock_guard lock(mutex_);
  auto it = analysis_.find(leg);
  if (it == analysis_.end() || !it->second.detector) return;
  Analysis& a = it->second;
  const amd::AudioFrame frame{media_time, std::span<const std::int16_t>(pcm, samples)};
  if (a.drop) {
    const auto d = a.drop->feed(frame);
    if (d.action != amd::DropAction::kWait) drop_decided(leg, d);
    return;
  }
  if (a.detector->decision()) return;
  const auto step = a.detector->feed(frame);
  if (step.tone && step.tone->kind == amd::ToneKind::kBeep) a.beep = step.tone;
  if (!step.decision) return;
  engine::AmdOutcome outcome;
  outcome.verdict = verdict_of(step.decision->verdict);
  outcome.cause = std::string(amd::to_string(step.decision->cause));
  outcome.figures = step.decision->figures;
  outcome.decided_after = step.decision->decided_at;
  const CallId call = a.call;
  outcome.greeting_end_after = greeting_end(*step.decision, a.config);
  if (outcome.verdict == engine::MachineVerdict::machine) media_->disarm_safe_harbor(leg);
  if (outcome.greeting_end_after && a.answered_at) {
    // Starts the 2-second clock at the end of the greeting (ABN-01) on the media side itself.
    media_->set_greeting_end(leg, *a.answered_at + *outcome.greeting_end_after);
  }
  poster_.post([this, call, outcome] { engine_->on_amd(call, outcome, time_.now()); });
}

void MediaAdapter::post_for_leg(media::MediaLegId leg,
                                std::function<void(engine::Engine&, CallId)> fn) {
  std::optional<CallId> call;
  {
    auto it = calls_by_leg_.find(leg);
    if (it != calls_by_leg_.end()) call = it->second;
  }
  if (!call) return;
  poster_.post([this, fn = std::move(fn), id = *call] { fn(*engine_, id); });
}

void MediaAdapter::on_dtmf(media::MediaLegId leg, char digit) {
  (void)leg;
  (void)digit;  // digits outside the abandoned-call message are not used by outbound campaigns
}

void MediaAdapter::on_safe_harbor_started(media::MediaLegId leg, TimePoint t) {
  std::lock_guard lock(mutex_);
  post_for_leg(leg, [t](engine::Engine& e, CallId call) { e.on_safe_harbor_started(call, t); });
}

void MediaAdapter::on_safe_harbor_finished(media::MediaLegId leg, TimePoint t) {
  std::lock_guard lock(mutex_);
  post_for_leg(leg, [t](engine::Engine& e, CallId call) { e.on_safe_harbor_finished(call, t); });
}

void MediaAdapter::on_opt_out(media::MediaLegId leg, TimePoint t, TimePoint hang_up_by) {
  (void)hang_up_by;
  std::lock_guard lock(mutex_);
  post_for_leg(leg, [t](engine::Engine& e, CallId call) { e.on_opt_out(call, t); });
}

void MediaAdapter::on_bridge(const media::BridgeResult& result) {
  std::optional<CallId> customer;
  std::optional<CallId> agent;
  {
    std::lock_guard lock(mutex_);
    if (auto it = calls_by_leg_.find(result.customer); it != calls_by_leg_.end()) {
      customer = it->second;
    }
    if (auto it = calls_by_leg_.find(result.agent); it != calls_by_leg_.end()) agent = it->second;
  }
  if (!customer || !agent) return;
  engine::BridgeOutcome outcome;
  outcome.customer = *customer;
  outcome.agent_leg = *agent;
  outcome.status = status_of(result.outcome);
  outcome.from_greeting_end = result.verdict.from_greeting_end;
  outcome.from_answer = result.verdict.from_answer;
  poster_.post([this, outcome] { engine_->on_bridge(outcome, time_.now()); });
}

void MediaAdapter::on_prompt_finished(media::MediaLegId leg) {
  std::lock_guard lock(mutex_);
  auto it = analysis_.find(leg);
  if (it == analysis_.end() || !it->second.dropping) return;
  it->second.dropping = false;
  const CallId call = it->second.call;
  poster_.post([this, call] { engine_->on_voicemail_finished(call, time_.now()); });
}

}  // namespace dialer::app
