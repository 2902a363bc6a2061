#include "dialer/calls/sdp_direction.h"

#include <array>
#include <vector>

namespace dialer::calls {
namespace {

constexpr std::array<std::pair<std::string_view, MediaDirection>, 4> kAttributes{{
    {"a=sendrecv", MediaDirection::sendrecv},
    {"a=sendonly", MediaDirection::sendonly},
    {"a=recvonly", MediaDirection::recvonly},
    {"a=inactive", MediaDirection::inactive},
}};

std::vector<std::string_view> split_lines(std::string_view sdp) {
  std::vector<std::string_view> lines;
  while (!sdp.empty()) {
    const auto end = sdp.find('\n');
    std::string_view line = sdp.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    sdp.remove_prefix(end + 1);
  }
  return lines;
}

const MediaDirection* direction_of(std::string_view line) {
  for (const auto& [text, dir] : kAttributes) {
    if (line == text) return &dir;
  }
  return nullptr;
}

}  // namespace

std::string_view to_string(MediaDirection d) {
  for (const auto& [text, dir] : kAttributes) {
    if (dir == d) return text.substr(2);
  }
  return "sendrecv";
}

MediaDirection offered_direction(std::string_view sdp) {
  MediaDirection session = MediaDirection::sendrecv;
  bool in_media = false;
  for (std::string_view line : split_lines(sdp)) {
    if (line.starts_with("c=") && line.ends_with(" 0.0.0.0")) return MediaDirection::sendonly;
    if (line.starts_with("m=")) {
      if (in_media) break;  // only the first stream
      in_media = true;
    }
    if (const MediaDirection* d = direction_of(line)) {
      if (in_media) return *d;
      session = *d;
    }
  }
  return session;
}

MediaDirection answer_direction(MediaDirection offered) {
  switch (offered) {
    case MediaDirection::sendonly:
      return MediaDirection::recvonly;
    case MediaDirection::recvonly:
      return MediaDirection::sendonly;
    case MediaDirection::inactive:
      return MediaDirection::inactive;
    case MediaDirection::sendrecv:
      return MediaDirection::sendrecv;
  }
  return MediaDirection::sendrecv;
}

bool is_hold_offer(std::string_view sdp) {
  const MediaDirection d = offered_direction(sdp);
  return d == MediaDirection::sendonly || d == MediaDirection::inactive;
}

std::string with_direction(std::string_view sdp, MediaDirection d) {
  const std::string attribute = "a=" + std::string(to_string(d));
  std::string out;
  bool replaced = false;
  for (std::string_view line : split_lines(sdp)) {
    if (line.empty()) continue;
    if (direction_of(line) != nullptr) {
      out += attribute;
      replaced = true;
    } else {
      out += line;
    }
    out += "\r\n";
  }
  if (!replaced) out += attribute + "\r\n";
  return out;
}

}  // namespace dialer::calls
