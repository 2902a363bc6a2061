// Media benchmarks (run by hand; figures go to docs/benchmarks.md, "Telephony (issue 5)").
//   bench_media frame [frames]            per-frame cost of parse + sequencer + decode + encode
//   bench_media bridge [pairs] [seconds]  packets/s one media thread forwards between bridged
//                                         legs on loopback, and its CPU per bridged call
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "dialer/common/system_time_source.h"
#include "dialer/media/codec/g711.h"
#include "dialer/media/codec/rtp_packet.h"
#include "dialer/media/codec/rtp_sequencer.h"
#include "dialer/media/media_engine.h"

namespace {

using namespace dialer;
using namespace dialer::media;
using Clock = std::chrono::steady_clock;

// CPU seconds of every thread of this process except `excluded` (the test's own threads), read
// from /proc/self/task/*/stat (utime + stime, in clock ticks).
double cpu_of_other_threads(const std::vector<pid_t>& excluded) {
  double total = 0;
  const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/task")) {
    const pid_t tid = std::stoi(entry.path().filename().string());
    if (std::find(excluded.begin(), excluded.end(), tid) != excluded.end()) continue;
    std::ifstream in(entry.path() / "stat");
    std::string line;
    std::getline(in, line);
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
      if (i == 14) utime = std::stoull(field);
      if (i == 15) stime = std::stoull(field);
    }
    total += static_cast<double>(utime + stime) / tick;
  }
  return total;
}

int bench_frame(long frames) {
  RtpSequencer seq;
  std::vector<std::int16_t> pcm(160);
  for (std::size_t i = 0; i < pcm.size(); ++i) pcm[i] = static_cast<std::int16_t>(i * 97 - 8000);
  std::vector<std::uint8_t> payload(160);
  g711_encode(G711Law::ulaw, pcm, payload.data());
  std::vector<std::uint8_t> packet(kMaxRtpPacket), out(kMaxRtpPacket);
  std::vector<std::int16_t> decoded(160);
  RtpHeader h;
  h.ssrc = 42;
  std::uint64_t checksum = 0;
  SequencedFrame f;
  const auto t0 = Clock::now();
  for (long i = 0; i < frames; ++i) {
    h.sequence = static_cast<std::uint16_t>(i);
    h.timestamp = static_cast<std::uint32_t>(i * 160);
    const auto n = build_rtp(h, payload, packet);
    const auto parsed = parse_rtp({packet.data(), n});
    seq.push(parsed.packet.header, parsed.packet.payload, 160);
    while (seq.pop(f)) {
      g711_decode(G711Law::ulaw, f.bytes(), decoded.data());
      g711_encode(G711Law::alaw, decoded, out.data());
      checksum += out[static_cast<std::size_t>(i % 160)];
    }
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf(
      "frame: %ld frames, %.1f ns/frame (build+parse+sequence+decode+encode), checksum %llu\n",
      frames, secs * 1e9 / static_cast<double>(frames), static_cast<unsigned long long>(checksum));
  return 0;
}

class CountingEvents : public MediaEvents {
 public:
  void on_dtmf(MediaLegId, char) override {}
  void on_safe_harbor_started(MediaLegId, TimePoint) override {}
  void on_opt_out(MediaLegId, TimePoint, TimePoint) override {}
  void on_bridge(const BridgeResult& r) override {
    if (r.outcome == BridgeOutcome::connected) ++bridged;
  }
  void on_stats(MediaLegId leg, const LegStats& s) override {
    std::lock_guard lock(mu);
    stats[leg.value()] = s;
  }
  std::atomic<int> bridged{0};
  std::mutex mu;
  std::map<std::int64_t, LegStats> stats;
};

struct Peer {
  Peer(boost::asio::io_context& ioc) : sock(ioc, {boost::asio::ip::make_address("127.0.0.1"), 0}) {}
  boost::asio::ip::udp::socket sock;
  std::uint16_t leg_port = 0;
};

std::string offer_for(const Peer& p) {
  return "v=0\r\nc=IN IP4 127.0.0.1\r\nm=audio " + std::to_string(p.sock.local_endpoint().port()) +
         " RTP/AVP 0\r\n";
}

struct Totals {
  std::uint64_t in = 0, out = 0, underruns = 0, lost = 0, overruns = 0;
};

// Sums the counters of every leg after asking each for a fresh report.
Totals snapshot(MediaEngine& engine, CountingEvents& events, const std::vector<MediaLegId>& legs) {
  for (auto leg : legs) engine.request_stats(leg);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::lock_guard lock(events.mu);
  Totals t;
  for (auto& [id, s] : events.stats) {
    t.in += s.packets_in, t.out += s.packets_out;
    t.underruns += s.bridge_underruns, t.lost += s.sequencer.lost;
    t.overruns += s.tick_overruns + s.send_errors;
  }
  return t;
}

// Plays the carriers and agent phones: every peer sends one 20 ms packet per tick to its leg.
void send_loop(std::vector<std::unique_ptr<Peer>>& peers, const std::atomic<bool>& running) {
  std::vector<std::uint8_t> payload(160), buf(kMaxRtpPacket);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = static_cast<std::uint8_t>(i | 1);
  RtpHeader h;
  auto next = Clock::now();
  const auto loopback = boost::asio::ip::make_address("127.0.0.1");
  for (std::uint32_t tick = 0; running; ++tick) {
    h.sequence = static_cast<std::uint16_t>(tick);
    h.timestamp = tick * 160;
    for (std::size_t p = 0; p < peers.size(); ++p) {
      h.ssrc = static_cast<std::uint32_t>(p + 1);
      const auto n = build_rtp(h, payload, buf);
      boost::system::error_code ec;
      peers[p]->sock.send_to(boost::asio::buffer(buf.data(), n), {loopback, peers[p]->leg_port}, 0,
                             ec);
    }
    next += std::chrono::milliseconds(20);
    std::this_thread::sleep_until(next);
  }
}

// Reads what the legs send to the peers; forwarded audio is the senders' pattern, silence
// (0xFF) means the bridge had nothing.
void receive_loop(std::vector<std::unique_ptr<Peer>>& peers, const std::atomic<bool>& running,
                  std::atomic<long>& loud, std::atomic<long>& total) {
  std::vector<pollfd> fds;
  for (auto& p : peers) fds.push_back({p->sock.native_handle(), POLLIN, 0});
  std::vector<std::uint8_t> buf(2048);
  while (running) {
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    for (auto& fd : fds) {
      if (!(fd.revents & POLLIN)) continue;
      ssize_t n;
      while ((n = ::recv(fd.fd, buf.data(), buf.size(), MSG_DONTWAIT)) > 0) {
        ++total;
        if (n > 20 && buf[12 + 5] != 0xFF) ++loud;
      }
    }
  }
}

bool open_pairs(MediaEngine& engine, boost::asio::io_context& ioc, int pairs,
                std::vector<std::unique_ptr<Peer>>& peers, std::vector<MediaLegId>& legs) {
  for (int i = 0; i < pairs; ++i) {
    auto carrier = std::make_unique<Peer>(ioc);
    auto phone = std::make_unique<Peer>(ioc);
    auto c = engine.open_leg_answer({CallId(i), LegRole::customer, false}, offer_for(*carrier));
    auto g = engine.open_leg_answer({CallId(i), LegRole::agent, false}, offer_for(*phone));
    if (!c || !g) return false;
    carrier->leg_port = c->local_port;
    phone->leg_port = g->local_port;
    engine.bridge(c->leg, g->leg);
    legs.push_back(c->leg);
    legs.push_back(g->leg);
    peers.push_back(std::move(carrier));
    peers.push_back(std::move(phone));
  }
  return true;
}

int bench_bridge(int pairs, int seconds) {
  CountingEvents events;
  SystemTimeSource clock;
  MediaEngineConfig cfg;
  cfg.threads = 1;
  cfg.stats_interval = Duration{0};
  MediaEngine engine(cfg, events, clock);
  engine.start();
  boost::asio::io_context ioc;
  std::vector<std::unique_ptr<Peer>> peers;
  std::vector<MediaLegId> legs;
  if (!open_pairs(engine, ioc, pairs, peers, legs)) {
    std::fprintf(stderr, "open failed\n");
    return 1;
  }
  while (events.bridged < pairs) std::this_thread::sleep_for(std::chrono::milliseconds(5));

  std::atomic<bool> running{true};
  std::atomic<long> loud{0}, total{0};
  std::mutex tid_mu;
  std::vector<pid_t> test_threads{gettid()};
  auto as_test_thread = [&](auto body) {
    return std::thread([&, body] {
      {
        std::lock_guard lock(tid_mu);
        test_threads.push_back(gettid());
      }
      body();
    });
  };
  std::thread sender = as_test_thread([&] { send_loop(peers, running); });
  std::thread receiver = as_test_thread([&] { receive_loop(peers, running, loud, total); });

  std::this_thread::sleep_for(std::chrono::seconds(1));  // warm-up: bridges primed
  const Totals before = snapshot(engine, events, legs);
  std::vector<pid_t> excluded;
  {
    std::lock_guard lock(tid_mu);
    excluded = test_threads;
  }
  const double media0 = cpu_of_other_threads(excluded);
  const long loud0 = loud, total0 = total;
  const auto t0 = Clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  const double media_cpu = cpu_of_other_threads(excluded) - media0;
  const double wall = std::chrono::duration<double>(Clock::now() - t0).count();
  const long got_loud = loud - loud0, got = total - total0;
  const Totals after = snapshot(engine, events, legs);
  running = false;
  sender.join();
  receiver.join();
  engine.stop();

  const double window = wall + 0.2;  // the stats snapshots are 200 ms later than the CPU reads
  std::printf("bridge: %d pairs (%d legs), %.1f s, 1 media thread\n", pairs, 2 * pairs, wall);
  std::printf("  media in:  %.0f packets/s   media out: %.0f packets/s\n",
              static_cast<double>(after.in - before.in) / window,
              static_cast<double>(after.out - before.out) / window);
  std::printf(
      "  peers got %.0f packets/s, %.1f%% carrying forwarded audio; bridge underruns %llu, "
      "lost %llu\n",
      static_cast<double>(got) / wall,
      got ? 100.0 * static_cast<double>(got_loud) / static_cast<double>(got) : 0.0,
      static_cast<unsigned long long>(after.underruns - before.underruns),
      static_cast<unsigned long long>(after.lost - before.lost));
  std::printf("  pacer overruns + send errors %llu (non-zero: the media thread was starved)\n",
              static_cast<unsigned long long>(after.overruns - before.overruns));
  std::printf(
      "  media threads CPU %.2f s = %.1f%% of one core, %.3f%% of a core per bridged call\n",
      media_cpu, 100 * media_cpu / wall, 100 * media_cpu / wall / pairs);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "frame";
  if (mode == "frame") return bench_frame(argc > 2 ? std::atol(argv[2]) : 2'000'000);
  if (mode == "bridge") {
    return bench_bridge(argc > 2 ? std::atoi(argv[2]) : 50, argc > 3 ? std::atoi(argv[3]) : 10);
  }
  std::fprintf(stderr, "usage: bench_media frame [frames] | bridge [pairs] [seconds]\n");
  return 2;
}
