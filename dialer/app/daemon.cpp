#include "dialer/app/daemon.h"

#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "dialer/app/api_setup.h"
#include "dialer/app/compliance_setup.h"
#include "dialer/app/lead_store.h"
#include "dialer/app/media_adapter.h"
#include "dialer/app/status_report.h"
#include "dialer/common/system_time_source.h"
#include "dialer/config/config_load.h"
#include "dialer/media/audio_file.h"
#include "dialer/sip/sip_stack.h"

namespace dialer::app {
namespace asio = boost::asio;

namespace {

class AsioPoster final : public EnginePoster {
 public:
  explicit AsioPoster(asio::io_context& io) : io_(io) {}
  void post(std::function<void()> work) override { asio::post(io_, std::move(work)); }

 private:
  asio::io_context& io_;
};

// Engine log lines: "2026-12-02T15:04:05.120Z INFO call=12 dial lead 7 +12125550100 ...".
class StreamLog final : public engine::EngineLog {
 public:
  StreamLog(std::ostream* file, std::ostream& err, const TimeSource& time, bool debug)
      : file_(file), err_(err), time_(time), debug_(debug) {}
  void info(CallId call, const std::string& message) override { line("INFO", call, message); }
  void warn(CallId call, const std::string& message) override {
    line("WARN", call, message);
    if (file_ == nullptr) err_ << "dialerd: " << message << "\n";
  }
  void pacing(CampaignId campaign, const std::string& explanation) override {
    if (debug_)
      line("DEBUG", CallId{}, "campaign=" + std::to_string(campaign.value()) + " " + explanation);
  }

 private:
  void line(const char* level, CallId call, const std::string& message) {
    if (file_ == nullptr) return;
    *file_ << format_utc(time_.now()) << ' ' << level;
    if (call.value() != 0) *file_ << " call=" << call.value();
    *file_ << ' ' << message << '\n';
  }
  std::ostream* file_;
  std::ostream& err_;
  const TimeSource& time_;
  bool debug_;
};

// SIP adapter events, posted to the engine thread.
class SipForwarder final : public sip::SipEvents {
 public:
  SipForwarder(EnginePoster& poster, const TimeSource& time) : poster_(poster), time_(time) {}
  void set_engine(engine::Engine* engine, std::function<void()> after) {
    engine_ = engine;
    after_ = std::move(after);
  }
  void on_call_event(const calls::CallEvent& event) override {
    poster_.post([this, event] {
      if (engine_ == nullptr) return;
      engine_->on_call_event(event, time_.now());
      after_();
    });
  }

 private:
  EnginePoster& poster_;
  const TimeSource& time_;
  engine::Engine* engine_ = nullptr;
  std::function<void()> after_;
};

sip::SipConfig sip_config(const config::EngineConfig& c) {
  sip::SipConfig s;
  s.bind_address = c.sip.bind_address;
  s.port = static_cast<std::uint16_t>(c.sip.port);
  s.limits.channel_limit = static_cast<int>(c.sip.channel_limit);
  s.limits.cps_limit = static_cast<int>(c.sip.cps_limit);
  for (const auto& t : c.sip.trunks) {
    sip::TrunkConfig trunk;
    trunk.name = t.name;
    trunk.proxy_uri = t.proxy;
    trunk.transport = t.transport == "tcp" ? sip::Transport::tcp : sip::Transport::udp;
    trunk.username = t.username;
    trunk.password = t.password;
    trunk.register_enabled = t.register_enabled;
    trunk.register_expires_s = static_cast<int>(t.register_expires_s);
    s.trunks.push_back(trunk);
  }
  for (const auto& a : c.agents) s.agent_credentials[a.user] = a.password;
  return s;
}

media::MediaEngineConfig media_config(const config::EngineConfig& c) {
  media::MediaEngineConfig m;
  m.bind_address = c.media.bind_address;
  m.advertised_address = c.media.advertised_address;
  m.port_min = static_cast<std::uint16_t>(c.media.port_min);
  m.port_max = static_cast<std::uint16_t>(c.media.port_max);
  m.threads = static_cast<unsigned>(c.media.threads);
  return m;
}

std::string resolve_near(const std::string& file, const std::string& path) {
  if (path.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(file).parent_path() / path).lexically_normal().string();
}

// The media settings of one campaign: detector configuration and its prompts.
Result<CampaignMedia> campaign_media(const Campaign& c, const std::string& file) {
  CampaignMedia m;
  m.detect = c.amd.enabled;
  auto algorithm = amd::parse_algorithm(c.amd.algorithm);
  if (!algorithm) return algorithm.error();
  m.amd.algorithm = *algorithm;
  m.amd.max_analysis = c.amd.max_analysis;
  m.greeting_allowance = c.amd.greeting_allowance;
  if (c.abandoned_message) {
    m.opt_out_digit = c.abandoned_message->opt_out_digit;
    const std::string path = resolve_near(file, c.abandoned_message->prompt);
    auto prompt = media::load_prompt(path, "abandoned_message");
    if (!prompt) {
      return prompt.error().with_context("campaign " + c.name + ": abandoned_message.prompt");
    }
    m.abandoned_message = *prompt;
  }
  if (c.amd.on_machine == MachineAction::leave_message) {
    auto prompt = media::load_prompt(resolve_near(file, c.amd.voicemail_prompt), "voicemail");
    if (!prompt)
      return prompt.error().with_context("campaign " + c.name + ": amd.voicemail_prompt");
    m.voicemail = *prompt;
  }
  return m;
}

std::string database_url(const config::EngineConfig& c, const std::string& config_path) {
  if (c.database_kind != config::DatabaseKind::sqlite) return c.database;
  const std::string path = c.database.substr(std::string("sqlite:").size());
  const std::string resolved = resolve_near(config_path, path);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(resolved).parent_path(), ec);
  return "sqlite:" + resolved;
}

}  // namespace

int run_daemon(const DaemonOptions& options, std::ostream& out, std::ostream& err) {
  SystemTimeSource clock;
  const auto load = config::load_engine_file(options.config_path);
  if (!load.ok()) {
    for (const auto& d : load.diagnostics) err << config::to_string(d) << "\n";
    if (load.unreadable) err << options.config_path << ": cannot be read\n";
    return 1;
  }
  const config::EngineConfig& config = *load.value;
  if (config.sip.trunks.empty()) {
    err << options.config_path << ": sip.trunks: at least one trunk is needed to place calls\n";
    return 1;
  }
  auto db = open_database(database_url(config, options.config_path));
  if (!db) {
    err << "dialerd: database: " << db.error().message << "\n";
    return 1;
  }
  SeededRandom random(entropy_seed());
  const TimePoint started = clock.now();
  auto stack = build_compliance(config, **db, random, options.compliance_data_dir, started);
  if (!stack) {
    err << "dialerd: " << stack.error().message << "\n";
    return 1;
  }

  std::ofstream log_stream;
  if (!options.log_file.empty()) log_stream.open(options.log_file, std::ios::app);
  StreamLog log(log_stream.is_open() ? &log_stream : nullptr, err, clock,
                config.log_level <= config::LogLevel::debug);

  asio::io_context io;
  AsioPoster poster(io);
  MediaAdapter media_adapter(poster, clock);
  media::MediaEngine media(media_config(config), media_adapter, clock);
  SipForwarder sip_events(poster, clock);
  sip::SipStack sip(sip_config(config), sip_events);
  DatabaseLeadStore lead_store((*db)->leads());

  engine::EngineOptions engine_options;
  for (const auto& a : config.agents) engine_options.agents.push_back(a.user);
  engine_options.default_trunk = config.sip.trunks.front().name;
  engine_options.max_calls_per_second = static_cast<double>(config.sip.cps_limit);
  // Agent legs use channels of dialerd, not of the trunk: only customer calls count here.
  engine_options.trunk_channels = static_cast<int>(config.sip.channel_limit);
  engine_options.ready_on_login = config.agents_ready_on_login;
  engine::Engine engine({sip, media_adapter, lead_store, *(*stack)->engine, *(*stack)->records,
                         (*stack)->abandonment, log},
                        engine_options);
  media_adapter.attach(media, engine);

  std::size_t leads_loaded = 0;
  std::map<CampaignId, LeadId> last_leads;
  for (std::size_t i = 0; i < config.campaigns.size(); ++i) {
    const auto& campaign = config.campaigns[i];
    auto m = campaign_media(*campaign, config.campaign_files[i]);
    if (!m) {
      err << "dialerd: " << m.error().message << "\n";
      return 1;
    }
    media_adapter.set_campaign(campaign->id, std::move(*m));
    engine.add_campaign(campaign, started);
    auto stored = (*db)->campaigns().find(campaign->id);
    if (!stored || !*stored) {
      err << "dialerd: campaign " << campaign->id.value() << " (" << campaign->name
          << ") has no leads in the database; load it with: dialerctl campaign load, then "
             "dialerctl leads import\n";
      return 1;
    }
    auto loaded =
        load_leads((*db)->leads(), campaign->id, engine, started, &last_leads[campaign->id]);
    if (!loaded) {
      err << "dialerd: loading leads: " << loaded.error().message << "\n";
      return 1;
    }
    leads_loaded += *loaded;
  }

  std::unique_ptr<ApiService> api;
  if (config.http.enabled) {
    auto started_api = start_api(config, io, engine, **db, **stack, clock, sip, last_leads, out);
    if (!started_api) {
      err << "dialerd: HTTP: " << started_api.error().message << "\n";
      return 1;
    }
    api = std::move(*started_api);
  }
  media.start();
  auto port = sip.start();
  if (!port) {
    err << "dialerd: SIP: " << port.error().message << "\n";
    return 1;
  }
  out << "dialerd: SIP on " << config.sip.bind_address << ":" << *port << ", "
      << config.campaigns.size() << " campaign(s), " << leads_loaded << " lead(s) to dial, "
      << config.agents.size() << " agent(s) expected";
  if ((*stack)->recovered_open > 0) {
    out << ", " << (*stack)->recovered_open
        << " attempt(s) left open by a crash sealed as INCOMPLETE";
  }
  out << "\n";
  if (api) {
    out << "dialerd: web console and API on http://" << config.http.bind_address << ":"
        << api->port() << "/ (wallboard: /wallboard.html, metrics: /metrics)\n";
  }
  out << std::flush;
  if (!options.ready_file.empty()) {
    std::ofstream ready(options.ready_file);
    ready << *port << "\n";
    if (api) ready << api->port() << "\n";
  }

  // The engine ticks on its own schedule and again right after every event.
  asio::steady_timer tick_timer(io);
  bool tick_posted = false;
  std::function<void()> schedule_tick;
  auto run_tick = [&] {
    tick_posted = false;
    const TimePoint now = clock.now();
    const TimePoint next = engine.tick(now);
    if (api) api->publish(now);
    tick_timer.expires_after(next - now);
    tick_timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) schedule_tick();
    });
  };
  schedule_tick = [&] {
    if (tick_posted) return;
    tick_posted = true;
    asio::post(io, run_tick);
  };
  sip_events.set_engine(&engine, [&] { schedule_tick(); });

  // Stopping: no new calls, let calls finish up to drain_timeout, then hang up what is left.
  enum class Phase { running, draining, closing } phase = Phase::running;
  TimePoint drain_until{};
  const bool tty = ::isatty(STDOUT_FILENO) == 1;
  auto begin_drain = [&](const char* why) {
    if (phase != Phase::running) return;
    phase = Phase::draining;
    drain_until = clock.now() + options.drain_timeout;
    engine.stop_dialing();
    out << (tty ? "\n" : "") << "dialerd: " << why << "; letting calls in progress finish\n"
        << std::flush;
  };
  asio::signal_set signals(io, SIGINT, SIGTERM);
  std::function<void()> wait_signal = [&] {
    signals.async_wait([&](const boost::system::error_code& ec, int) {
      if (ec) return;
      if (phase == Phase::running) {
        begin_drain("stop requested");
      } else {
        drain_until = clock.now();  // a second signal: hang up now
      }
      wait_signal();
    });
  };
  wait_signal();

  asio::steady_timer status_timer(io);
  const Duration status_every =
      options.status_interval.count() > 0 ? options.status_interval : Duration{1000};
  std::function<void()> on_status = [&] {
    const TimePoint now = clock.now();
    const Duration elapsed = now - started;
    if (options.status_interval.count() > 0 && phase == Phase::running) {
      out << (tty ? "\r\033[K" : "") << status_line(engine.snapshot(now), elapsed)
          << (tty ? "" : "\n") << std::flush;
    }
    if (phase == Phase::running) {
      if (options.run_for && elapsed >= *options.run_for) begin_drain("run time reached");
      if (options.stop_when_done && engine.leads_exhausted() && engine.quiescent() &&
          elapsed > Duration{2000}) {
        begin_drain("every lead is done");
      }
    }
    if (phase == Phase::draining && (engine.quiescent() || now >= drain_until)) {
      phase = Phase::closing;
      engine.hang_up_all(now);
      // BYEs, the agent legs' ends, and CANCELs the ring floor holds back (at most 15 s).
      drain_until = now + Duration{17000};
    } else if (phase == Phase::closing &&
               ((engine.calls_up() == 0 && engine.agent_legs_up() == 0) || now >= drain_until)) {
      io.stop();
      return;
    }
    status_timer.expires_after(phase == Phase::running ? status_every : Duration{200});
    status_timer.async_wait([&](const boost::system::error_code& ec) {
      if (!ec) on_status();
    });
  };
  schedule_tick();
  on_status();
  io.run();

  const TimePoint end = clock.now();
  const auto snapshot = engine.snapshot(end);
  if (api) api->stop();
  sip.stop();
  media.stop();
  out << (tty ? "\n" : "") << summary_table(snapshot, end - started) << std::flush;
  if (!options.summary_json.empty()) {
    std::ofstream json(options.summary_json);
    json << summary_json(snapshot, end - started) << "\n";
  }
  return 0;
}

}  // namespace dialer::app
