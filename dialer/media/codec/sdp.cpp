#include "dialer/media/codec/sdp.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

namespace dialer::media {

namespace {

Error sdp_error(ErrorCode code, const std::string& message) {
  return Error{code, "sdp: " + message};
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto pos = s.find(sep);
    const auto part = s.substr(0, pos);
    if (!part.empty()) out.push_back(part);
    if (pos == std::string_view::npos) break;
    s.remove_prefix(pos + 1);
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// "IN IP4 192.0.2.1" -> address.
std::optional<std::string> parse_connection(std::string_view value) {
  const auto parts = split(value, ' ');
  if (parts.size() < 3 || parts[0] != "IN" || (parts[1] != "IP4" && parts[1] != "IP6")) {
    return std::nullopt;
  }
  auto addr = parts[2];
  addr = addr.substr(0, addr.find('/'));  // multicast TTL suffix
  return std::string(addr);
}

Status parse_media_line(std::string_view value, SessionDescription& sd) {
  const auto parts = split(value, ' ');
  if (parts.size() < 3) return sdp_error(ErrorCode::parse_error, "short m= line");
  if (parts[0] != "audio" || sd.has_audio) return ok_status();  // other streams are ignored
  std::uint16_t port = 0;
  if (!parse_number(parts[1].substr(0, parts[1].find('/')), port)) {
    return sdp_error(ErrorCode::parse_error, "bad m= port");
  }
  sd.has_audio = true;
  sd.audio_port = port;
  for (std::size_t i = 3; i < parts.size(); ++i) {
    unsigned pt = 0;
    if (!parse_number(parts[i], pt) || pt > 127) {
      return sdp_error(ErrorCode::parse_error, "bad payload type in m= line");
    }
    sd.payload_types.push_back(static_cast<std::uint8_t>(pt));
  }
  return ok_status();
}

Status parse_attribute(std::string_view attr, SessionDescription& sd) {
  const auto colon = attr.find(':');
  const auto name = attr.substr(0, colon);
  const auto value = colon == std::string_view::npos ? std::string_view{} : attr.substr(colon + 1);
  if (name == "sendrecv") sd.direction = MediaDirection::sendrecv;
  if (name == "sendonly") sd.direction = MediaDirection::sendonly;
  if (name == "recvonly") sd.direction = MediaDirection::recvonly;
  if (name == "inactive") sd.direction = MediaDirection::inactive;
  if (name == "ptime") {
    std::uint16_t ptime = 0;
    if (parse_number(value, ptime) && ptime > 0) sd.ptime_ms = ptime;
  }
  if (name == "rtpmap") {
    const auto space = value.find(' ');
    unsigned pt = 0;
    if (space == std::string_view::npos || !parse_number(value.substr(0, space), pt) || pt > 127) {
      return sdp_error(ErrorCode::parse_error, "bad rtpmap");
    }
    const auto enc = split(value.substr(space + 1), '/');
    if (enc.empty()) return sdp_error(ErrorCode::parse_error, "bad rtpmap encoding");
    SdpRtpMap map{static_cast<std::uint8_t>(pt), std::string(enc[0]), 8000};
    if (enc.size() > 1 && !parse_number(enc[1], map.clock_rate)) {
      return sdp_error(ErrorCode::parse_error, "bad rtpmap clock rate");
    }
    sd.rtpmaps.push_back(std::move(map));
  }
  return ok_status();
}

const SdpRtpMap* find_map(const SessionDescription& sd, std::uint8_t pt) {
  for (const auto& m : sd.rtpmaps) {
    if (m.payload_type == pt) return &m;
  }
  return nullptr;
}

// The codec a payload type stands for in `sd`: rtpmap first, then the static assignments.
std::optional<AudioCodec> codec_of(const SessionDescription& sd, std::uint8_t pt) {
  if (const auto* m = find_map(sd, pt)) {
    if (m->clock_rate != 8000) return std::nullopt;
    if (iequals(m->encoding, "PCMU")) return AudioCodec::pcmu;
    if (iequals(m->encoding, "PCMA")) return AudioCodec::pcma;
    return std::nullopt;
  }
  if (pt == 0) return AudioCodec::pcmu;
  if (pt == 8) return AudioCodec::pcma;
  return std::nullopt;
}

std::optional<std::uint8_t> telephone_event_of(const SessionDescription& sd) {
  for (const auto pt : sd.payload_types) {
    const auto* m = find_map(sd, pt);
    if (m && iequals(m->encoding, "telephone-event") && m->clock_rate == 8000) return pt;
  }
  return std::nullopt;
}

std::uint8_t static_pt(AudioCodec c) { return c == AudioCodec::pcmu ? 0 : 8; }

MediaDirection mirror(MediaDirection d) {
  switch (d) {
    case MediaDirection::sendonly:
      return MediaDirection::recvonly;
    case MediaDirection::recvonly:
      return MediaDirection::sendonly;
    default:
      return d;
  }
}

// Fills direction-related fields for this side, given what the remote declared.
void apply_remote_direction(MediaDirection remote, const std::string& remote_addr,
                            NegotiatedMedia& m) {
  m.send = remote == MediaDirection::sendrecv || remote == MediaDirection::recvonly;
  m.receive = remote == MediaDirection::sendrecv || remote == MediaDirection::sendonly;
  m.remote_on_hold = remote == MediaDirection::sendonly || remote == MediaDirection::inactive ||
                     remote_addr == "0.0.0.0";
  if (remote_addr == "0.0.0.0") m.send = false;  // RFC 2543-style hold
}

std::string render(const LocalMediaConfig& local, const std::vector<std::uint8_t>& codec_pts,
                   const std::vector<AudioCodec>& codecs, std::optional<std::uint8_t> te_pt,
                   MediaDirection direction, std::uint16_t port) {
  std::ostringstream o;
  o << "v=0\r\n"
    << "o=dialer " << local.session_id << ' ' << local.session_version << " IN IP4 "
    << local.address << "\r\n"
    << "s=dialer\r\n"
    << "c=IN IP4 " << local.address << "\r\n"
    << "t=0 0\r\n"
    << "m=audio " << port << " RTP/AVP";
  for (const auto pt : codec_pts) o << ' ' << static_cast<unsigned>(pt);
  if (te_pt) o << ' ' << static_cast<unsigned>(*te_pt);
  o << "\r\n";
  for (std::size_t i = 0; i < codecs.size(); ++i) {
    o << "a=rtpmap:" << static_cast<unsigned>(codec_pts[i]) << ' '
      << (codecs[i] == AudioCodec::pcmu ? "PCMU" : "PCMA") << "/8000\r\n";
  }
  if (te_pt) {
    o << "a=rtpmap:" << static_cast<unsigned>(*te_pt) << " telephone-event/8000\r\n"
      << "a=fmtp:" << static_cast<unsigned>(*te_pt) << " 0-15\r\n";
  }
  o << "a=ptime:" << local.ptime_ms << "\r\n"
    << "a=" << to_string(direction) << "\r\n";
  return o.str();
}

}  // namespace

const char* to_string(AudioCodec c) { return c == AudioCodec::pcmu ? "PCMU" : "PCMA"; }

const char* to_string(MediaDirection d) {
  switch (d) {
    case MediaDirection::sendrecv:
      return "sendrecv";
    case MediaDirection::sendonly:
      return "sendonly";
    case MediaDirection::recvonly:
      return "recvonly";
    case MediaDirection::inactive:
      return "inactive";
  }
  return "sendrecv";
}

Result<SessionDescription> parse_sdp(std::string_view text) {
  SessionDescription sd;
  std::string session_addr;
  std::string media_addr;
  bool in_audio = false;
  bool saw_version = false;
  for (auto line : split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() < 2 || line[1] != '=') continue;
    const char type = line[0];
    const auto value = line.substr(2);
    if (type == 'v') saw_version = true;
    if (type == 'm') {
      const bool had_audio = sd.has_audio;
      auto st = parse_media_line(value, sd);
      if (!st) return st.error();
      in_audio = !had_audio && sd.has_audio;
    } else if (type == 'c') {
      const auto addr = parse_connection(value);
      if (!addr) return sdp_error(ErrorCode::parse_error, "bad c= line");
      (in_audio ? media_addr : session_addr) = *addr;
    } else if (type == 'a' && (in_audio || !sd.has_audio)) {
      auto st = parse_attribute(value, sd);
      if (!st) return st.error();
    }
  }
  if (!saw_version) return sdp_error(ErrorCode::parse_error, "missing v= line");
  sd.connection_address = media_addr.empty() ? session_addr : media_addr;
  if (sd.has_audio && sd.audio_port != 0 && sd.connection_address.empty()) {
    return sdp_error(ErrorCode::parse_error, "no c= line for the audio stream");
  }
  return sd;
}

std::string build_offer(const LocalMediaConfig& local) {
  std::vector<std::uint8_t> pts;
  for (const auto c : local.codecs) pts.push_back(static_pt(c));
  return render(local, pts, local.codecs, local.telephone_event_pt, local.direction, local.port);
}

Result<SdpAnswer> answer_offer(const LocalMediaConfig& local, const SessionDescription& offer) {
  if (!offer.has_audio || offer.audio_port == 0) {
    return sdp_error(ErrorCode::unsupported, "offer has no active audio stream");
  }
  SdpAnswer answer;
  NegotiatedMedia& m = answer.media;
  bool found = false;
  for (const auto pt : offer.payload_types) {
    const auto c = codec_of(offer, pt);
    if (c && std::find(local.codecs.begin(), local.codecs.end(), *c) != local.codecs.end()) {
      m.codec = *c;
      m.codec_pt = pt;
      found = true;
      break;
    }
  }
  if (!found) return sdp_error(ErrorCode::unsupported, "no common audio codec");
  m.remote_address = offer.connection_address;
  m.remote_port = offer.audio_port;
  m.telephone_event_pt = telephone_event_of(offer);
  m.ptime_ms = offer.ptime_ms.value_or(local.ptime_ms);
  apply_remote_direction(offer.direction, offer.connection_address, m);
  MediaDirection ours = mirror(offer.direction);
  if (local.direction == MediaDirection::inactive) ours = MediaDirection::inactive;
  answer.sdp = render(local, {m.codec_pt}, {m.codec}, m.telephone_event_pt, ours, local.port);
  return answer;
}

Result<NegotiatedMedia> accept_answer(const LocalMediaConfig& local,
                                      const SessionDescription& answer) {
  if (!answer.has_audio || answer.audio_port == 0) {
    return sdp_error(ErrorCode::unsupported, "answer rejected the audio stream");
  }
  NegotiatedMedia m;
  bool found = false;
  for (const auto pt : answer.payload_types) {
    const auto c = codec_of(answer, pt);
    if (c && std::find(local.codecs.begin(), local.codecs.end(), *c) != local.codecs.end()) {
      m.codec = *c;
      m.codec_pt = pt;
      found = true;
      break;
    }
  }
  if (!found) return sdp_error(ErrorCode::unsupported, "answer has no codec we offered");
  m.remote_address = answer.connection_address;
  m.remote_port = answer.audio_port;
  m.telephone_event_pt = telephone_event_of(answer);
  m.ptime_ms = answer.ptime_ms.value_or(local.ptime_ms);
  apply_remote_direction(answer.direction, answer.connection_address, m);
  return m;
}

}  // namespace dialer::media
