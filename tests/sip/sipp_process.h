// Test helper: one SIPp process, bounded and always reaped.
// Not thread-safe; owned by one test. The destructor kills SIPp (SIGKILL) if it still runs.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dialer::sip::testing {

// A UDP+TCP port on 127.0.0.1 that was free a moment ago (probe bind on port 0).
std::uint16_t free_port();

// A bound UDP socket that never reads: a SIP peer that never answers (calls stay "calling"
// instead of failing at once on ICMP port-unreachable).
class SilentPeer {
 public:
  SilentPeer();
  ~SilentPeer();
  SilentPeer(const SilentPeer&) = delete;
  SilentPeer& operator=(const SilentPeer&) = delete;
  [[nodiscard]] std::uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
};

class SippProcess {
 public:
  // Runs `sipp <args>` in `workdir`, stdout/stderr to workdir/sipp.log. Always adds -nostdin.
  SippProcess(std::vector<std::string> args, const std::string& workdir);
  ~SippProcess();
  SippProcess(const SippProcess&) = delete;
  SippProcess& operator=(const SippProcess&) = delete;

  // Waits until SIPp has bound `port` on 127.0.0.1 (UDP), at most `limit`.
  bool wait_bound(std::uint16_t port, std::chrono::milliseconds limit) const;
  // Exit status, or nullopt when SIPp is still running after `limit` (it is then killed).
  std::optional<int> wait_exit(std::chrono::milliseconds limit);
  [[nodiscard]] std::string log() const;

 private:
  pid_t pid_ = -1;
  std::string workdir_;
};

// A fresh directory under the build tree for one test's SIPp logs.
std::string make_workdir(const std::string& test_name);

}  // namespace dialer::sip::testing
