#include "dialer/media/media_engine.h"

#include <algorithm>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>

#include "dialer/common/random.h"
#include "dialer/media/media_session.h"

namespace dialer::media {

namespace asio = boost::asio;
using asio::ip::udp;

class MediaEngine::Impl {
 public:
  Impl(MediaEngineConfig config, MediaEvents& events, const TimeSource& time)
      : config_(std::move(config)), events_(events), time_(time), rng_(entropy_seed()) {
    if (config_.advertised_address.empty()) config_.advertised_address = config_.bind_address;
    settings_.sequencer = config_.sequencer;
    settings_.dtmf = config_.dtmf;
    settings_.bridge_capacity_samples = static_cast<std::size_t>(config_.bridge_buffer.count()) * 8;
    settings_.bridge_cushion_samples = static_cast<std::size_t>(config_.bridge_cushion.count()) * 8;
    settings_.stats_interval = config_.stats_interval;
    if (config_.agent_connect_tone) {
      settings_.agent_connect_tone = make_tone("agent-connect", 1000.0, Duration{120});
    }
    next_port_ = static_cast<std::uint16_t>(config_.port_min & ~1u);
  }

  Result<udp::socket> bind_socket(const Strand& strand);
  Result<LegOpened> open(const LegOptions& options, const SessionDescription* offer);
  std::shared_ptr<MediaSession> find(MediaLegId leg) const;
  LocalMediaConfig local_config(std::uint16_t port, std::uint64_t session_id) const;

  template <typename F>
  void on_leg(MediaLegId leg, F&& f) {
    auto s = find(leg);
    if (!s) {
      asio::post(ioc_, [this, leg] { events_.on_error(leg, MediaErrorReason::unknown_leg); });
      return;
    }
    asio::post(s->strand(), [s, f = std::forward<F>(f)]() mutable { f(*s); });
  }

  MediaEngineConfig config_;
  SessionSettings settings_;
  MediaEvents& events_;
  const TimeSource& time_;
  asio::io_context ioc_;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  mutable std::mutex mu_;
  std::unordered_map<MediaLegId, std::shared_ptr<MediaSession>> sessions_;
  std::unordered_map<MediaLegId, MediaLegId> bridges_;  // customer -> agent
  std::int64_t next_leg_ = 1;
  std::uint16_t next_port_ = 0;
  SeededRandom rng_;
};

Result<udp::socket> MediaEngine::Impl::bind_socket(const Strand& strand) {
  boost::system::error_code ec;
  const auto addr = asio::ip::make_address(config_.bind_address, ec);
  if (ec)
    return Error{ErrorCode::invalid_argument, "media: bad bind address " + config_.bind_address};
  udp::socket sock(strand);
  sock.open(addr.is_v4() ? udp::v4() : udp::v6(), ec);
  if (ec) return Error{ErrorCode::io_error, "media: socket: " + ec.message()};
  sock.non_blocking(true, ec);
  if (config_.port_min == 0 || config_.port_max < config_.port_min) {
    sock.bind(udp::endpoint(addr, 0), ec);
    if (ec) return Error{ErrorCode::io_error, "media: bind: " + ec.message()};
    return sock;
  }
  // Even ports only (RTP convention), starting after the last one handed out.
  const unsigned first = config_.port_min + (config_.port_min & 1u);
  const unsigned count = (config_.port_max - first) / 2 + 1;
  std::lock_guard lock(mu_);
  for (unsigned i = 0; i < count; ++i) {
    if (next_port_ < first || next_port_ > config_.port_max)
      next_port_ = static_cast<std::uint16_t>(first);
    const std::uint16_t port = next_port_;
    next_port_ = static_cast<std::uint16_t>(port + 2);
    sock.bind(udp::endpoint(addr, port), ec);
    if (!ec) return sock;
  }
  return Error{ErrorCode::io_error, "media: no free RTP port in " +
                                        std::to_string(config_.port_min) + "-" +
                                        std::to_string(config_.port_max)};
}

LocalMediaConfig MediaEngine::Impl::local_config(std::uint16_t port,
                                                 std::uint64_t session_id) const {
  LocalMediaConfig local;
  local.address = config_.advertised_address;
  local.port = port;
  local.session_id = session_id;
  local.session_version = 1;
  local.codecs = config_.codecs;
  local.telephone_event_pt = config_.telephone_event_pt;
  local.ptime_ms = config_.ptime_ms;
  return local;
}

Result<LegOpened> MediaEngine::Impl::open(const LegOptions& options,
                                          const SessionDescription* offer) {
  Strand strand = asio::make_strand(ioc_);
  auto sock = bind_socket(strand);
  if (!sock) return sock.error();
  const std::uint16_t port = sock->local_endpoint().port();
  MediaLegId id;
  std::uint32_t ssrc = 0;
  std::uint64_t session_id = 0;
  {
    std::lock_guard lock(mu_);
    id = MediaLegId(next_leg_++);
    ssrc = static_cast<std::uint32_t>(rng_.next_u64());
    session_id = rng_.next_u64() >> 12;
  }
  LocalMediaConfig local = local_config(port, session_id);
  LegOpened opened{id, port, {}};
  std::optional<NegotiatedMedia> negotiated;
  if (offer) {
    auto answer = answer_offer(local, *offer);
    if (!answer) return answer.error().with_context("media leg " + std::to_string(id.value()));
    opened.sdp = std::move(answer->sdp);
    negotiated = answer->media;
  } else {
    opened.sdp = build_offer(local);
  }
  auto session = std::make_shared<MediaSession>(strand, std::move(sock.value()), id, options,
                                                std::move(local), ssrc, settings_, events_, time_);
  {
    std::lock_guard lock(mu_);
    sessions_.emplace(id, session);
  }
  asio::post(strand, [session, negotiated] {
    if (negotiated) session->set_negotiated(*negotiated);
    session->start();
  });
  return opened;
}

std::shared_ptr<MediaSession> MediaEngine::Impl::find(MediaLegId leg) const {
  std::lock_guard lock(mu_);
  const auto it = sessions_.find(leg);
  return it == sessions_.end() ? nullptr : it->second;
}

// ---- MediaEngine ----

MediaEngine::MediaEngine(MediaEngineConfig config, MediaEvents& events, const TimeSource& time)
    : impl_(std::make_unique<Impl>(std::move(config), events, time)) {}

MediaEngine::~MediaEngine() { stop(); }

void MediaEngine::start() {
  if (!impl_->threads_.empty()) return;
  impl_->work_.emplace(impl_->ioc_.get_executor());
  const unsigned n = std::max(1u, impl_->config_.threads);
  for (unsigned i = 0; i < n; ++i) impl_->threads_.emplace_back([this] { impl_->ioc_.run(); });
}

void MediaEngine::stop() {
  std::unordered_map<MediaLegId, std::shared_ptr<MediaSession>> all;
  {
    std::lock_guard lock(impl_->mu_);
    all.swap(impl_->sessions_);
    impl_->bridges_.clear();
  }
  for (auto& [id, s] : all) asio::post(s->strand(), [s] { s->close(); });
  impl_->work_.reset();
  for (auto& t : impl_->threads_) t.join();
  impl_->threads_.clear();
}

Result<LegOpened> MediaEngine::open_leg_offer(const LegOptions& options) {
  return impl_->open(options, nullptr);
}

Result<LegOpened> MediaEngine::open_leg_answer(const LegOptions& options,
                                               const std::string& remote_offer) {
  auto offer = parse_sdp(remote_offer);
  if (!offer) return offer.error();
  return impl_->open(options, &offer.value());
}

Status MediaEngine::apply_answer(MediaLegId leg, const std::string& remote_sdp) {
  auto s = impl_->find(leg);
  if (!s) return Error{ErrorCode::not_found, "media leg " + std::to_string(leg.value())};
  auto answer = parse_sdp(remote_sdp);
  if (!answer) return answer.error();
  auto media = accept_answer(s->local(), *answer);  // local() is immutable: safe off-strand
  if (!media) return media.error();
  asio::post(s->strand(), [s, m = std::move(media.value())] { s->set_negotiated(m); });
  return ok_status();
}

Result<std::string> MediaEngine::apply_reoffer(MediaLegId leg, const std::string& remote_offer) {
  auto s = impl_->find(leg);
  if (!s) return Error{ErrorCode::not_found, "media leg " + std::to_string(leg.value())};
  auto offer = parse_sdp(remote_offer);
  if (!offer) return offer.error();
  LocalMediaConfig local = s->local();
  ++local.session_version;
  auto answer = answer_offer(local, *offer);
  if (!answer) return answer.error();
  asio::post(s->strand(), [s, m = answer->media] { s->set_negotiated(m); });
  return std::move(answer->sdp);
}

void MediaEngine::close_leg(MediaLegId leg) {
  std::shared_ptr<MediaSession> s;
  {
    std::lock_guard lock(impl_->mu_);
    const auto it = impl_->sessions_.find(leg);
    if (it == impl_->sessions_.end()) return;
    s = it->second;
  }
  unbridge(leg);
  {
    std::lock_guard lock(impl_->mu_);
    impl_->sessions_.erase(leg);
  }
  asio::post(s->strand(), [s] { s->close(); });
}

void MediaEngine::play(MediaLegId leg, PromptPtr prompt, bool loop) {
  impl_->on_leg(leg, [prompt = std::move(prompt), loop](MediaSession& s) { s.play(prompt, loop); });
}

void MediaEngine::stop_playback(MediaLegId leg) {
  impl_->on_leg(leg, [](MediaSession& s) { s.stop_playback(); });
}

void MediaEngine::send_dtmf(MediaLegId leg, const std::string& digits) {
  impl_->on_leg(leg, [digits](MediaSession& s) { s.send_dtmf(digits); });
}

void MediaEngine::start_recording(MediaLegId leg, const std::string& wav_path) {
  impl_->on_leg(leg, [wav_path](MediaSession& s) { s.start_recording(wav_path); });
}

void MediaEngine::stop_recording(MediaLegId leg) {
  impl_->on_leg(leg, [](MediaSession& s) { s.stop_recording(); });
}

void MediaEngine::set_frame_tap(MediaLegId leg, bool on) {
  impl_->on_leg(leg, [on](MediaSession& s) { s.set_frame_tap(on); });
}

void MediaEngine::arm_safe_harbor(MediaLegId customer, const SafeHarborArm& arm) {
  impl_->on_leg(customer, [arm](MediaSession& s) { s.arm_safe_harbor(arm); });
}

void MediaEngine::disarm_safe_harbor(MediaLegId customer) {
  impl_->on_leg(customer, [](MediaSession& s) { s.disarm_safe_harbor(); });
}

void MediaEngine::set_greeting_end(MediaLegId customer, TimePoint greeting_end) {
  impl_->on_leg(customer, [greeting_end](MediaSession& s) { s.set_greeting_end(greeting_end); });
}

void MediaEngine::bridge(MediaLegId customer, MediaLegId agent) {
  auto c = impl_->find(customer);
  auto a = impl_->find(agent);
  if (!c || !a || customer == agent) {
    BridgeResult r;
    r.customer = customer;
    r.agent = agent;
    r.at = impl_->time_.now();
    asio::post(impl_->ioc_, [this, r] { impl_->events_.on_bridge(r); });
    return;
  }
  // One bridge per leg: whatever either leg was bridged to is released first.
  unbridge(customer);
  unbridge(agent);
  {
    std::lock_guard lock(impl_->mu_);
    impl_->bridges_[customer] = agent;
  }
  asio::post(c->strand(), [c, a] { c->bridge_as_customer(a); });
}

void MediaEngine::unbridge(MediaLegId leg) {
  MediaLegId customer;
  MediaLegId agent;
  {
    std::lock_guard lock(impl_->mu_);
    auto it = impl_->bridges_.find(leg);
    if (it == impl_->bridges_.end()) {
      it = std::find_if(impl_->bridges_.begin(), impl_->bridges_.end(),
                        [leg](const auto& kv) { return kv.second == leg; });
    }
    if (it == impl_->bridges_.end()) return;
    customer = it->first;
    agent = it->second;
    impl_->bridges_.erase(it);
  }
  if (auto c = impl_->find(customer)) {
    asio::post(c->strand(), [c, agent] { c->detach_bridge(agent); });
  }
  if (auto a = impl_->find(agent)) {
    asio::post(a->strand(), [a, customer] { a->detach_bridge(customer); });
  }
}

void MediaEngine::request_stats(MediaLegId leg) {
  impl_->on_leg(leg, [](MediaSession& s) { s.report_stats(); });
}

std::size_t MediaEngine::open_legs() const {
  std::lock_guard lock(impl_->mu_);
  return impl_->sessions_.size();
}

}  // namespace dialer::media
