#include "tools/dialerctl/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace dialer::ctl {
namespace {

void strip_line_end(std::string& s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// Restores the terminal's echo on every exit path.
class EchoOff {
 public:
  EchoOff() : active_(tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_;
};

std::optional<std::string> prompt(const char* question) {
  std::cerr << question << std::flush;
  std::string line;
  bool got = false;
  {
    EchoOff quiet;
    got = static_cast<bool>(std::getline(std::cin, line));
  }
  std::cerr << "\n";
  if (!got) return std::nullopt;
  strip_line_end(line);
  return line;
}

}  // namespace

std::optional<std::string> read_new_password() {
  if (const char* env = std::getenv(kPasswordEnv); env != nullptr && *env != '\0') {
    return std::string(env);
  }
  if (isatty(STDIN_FILENO) == 1) {
    auto first = prompt("New password: ");
    auto second = first ? prompt("Repeat password: ") : std::nullopt;
    if (!first || !second) {
      std::cerr << "no password entered\n";
      return std::nullopt;
    }
    if (*first != *second) {
      std::cerr << "the two passwords differ\n";
      return std::nullopt;
    }
    return first;
  }
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cerr << "no password: set " << kPasswordEnv << " or write it on standard input\n";
    return std::nullopt;
  }
  strip_line_end(line);
  return line;
}

}  // namespace dialer::ctl
