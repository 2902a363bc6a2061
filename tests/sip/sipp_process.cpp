#include "tests/sip/sipp_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace dialer::sip::testing {
namespace {

int bind_socket(int type, std::uint16_t port) {
  const int fd = ::socket(AF_INET, type, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::uint16_t bound_port(int fd) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  return ntohs(addr.sin_port);
}

}  // namespace

std::uint16_t free_port() {
  // SIPp binds its media socket at -mp and the next ports, so probe a small block.
  for (int attempt = 0; attempt < 50; ++attempt) {
    const int probe = bind_socket(SOCK_DGRAM, 0);
    const std::uint16_t port = bound_port(probe);
    ::close(probe);
    if (port > 65000) continue;
    bool all_free = true;
    for (std::uint16_t p = port; p < port + 4 && all_free; ++p) {
      const int udp = bind_socket(SOCK_DGRAM, p);
      const int tcp = bind_socket(SOCK_STREAM, p);
      all_free = udp >= 0 && tcp >= 0;
      if (udp >= 0) ::close(udp);
      if (tcp >= 0) ::close(tcp);
    }
    if (all_free) return port;
  }
  return 0;
}

SilentPeer::SilentPeer() : fd_(bind_socket(SOCK_DGRAM, 0)) {
  if (fd_ >= 0) port_ = bound_port(fd_);
}

SilentPeer::~SilentPeer() {
  if (fd_ >= 0) ::close(fd_);
}

std::string make_workdir(const std::string& test_name) {
  const auto dir = std::filesystem::current_path() / "sipp-runs" / test_name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

SippProcess::SippProcess(std::vector<std::string> args, const std::string& workdir)
    : workdir_(workdir) {
  args.insert(args.begin(), "sipp");
  args.push_back("-nostdin");
  // Everything the child needs is prepared before fork: the parent has other threads.
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log_path = workdir + "/sipp.log";
  pid_ = ::fork();
  if (pid_ == 0) {
    if (::chdir(workdir.c_str()) != 0) ::_exit(126);
    const int fd = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execvp("sipp", argv.data());
    ::_exit(127);
  }
}

SippProcess::~SippProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

bool SippProcess::wait_bound(std::uint16_t port, std::chrono::milliseconds limit) const {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    // Taken (UDP or TCP): SIPp is listening.
    const int udp = bind_socket(SOCK_DGRAM, port);
    const int tcp = bind_socket(SOCK_STREAM, port);
    if (udp >= 0) ::close(udp);
    if (tcp >= 0) ::close(tcp);
    if (udp < 0 || tcp < 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return false;
}

std::optional<int> SippProcess::wait_exit(std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (pid_ > 0) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    if (std::chrono::steady_clock::now() >= deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  return std::nullopt;
}

std::string SippProcess::log() const {
  std::ostringstream out;
  for (const auto& entry : std::filesystem::directory_iterator(workdir_)) {
    const auto name = entry.path().filename().string();
    if (name == "sipp.log" || name.ends_with("errors.log") || name.ends_with(".err")) {
      std::ifstream in(entry.path());
      out << "== " << name << "\n" << in.rdbuf() << "\n";
    }
  }
  return out.str();
}

}  // namespace dialer::sip::testing
