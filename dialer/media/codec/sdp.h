// SDP (RFC 4566) for one audio stream, offer/answer (RFC 3264): G.711 PCMU/PCMA with
// telephone-event (RFC 4733) on any dynamic payload type, ptime and hold directions.
// Pure and thread-safe. Addresses always come from configuration; nothing here guesses one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialer/common/result.h"

namespace dialer::media {

enum class AudioCodec : std::uint8_t { pcmu, pcma };
enum class MediaDirection : std::uint8_t { sendrecv, sendonly, recvonly, inactive };

const char* to_string(AudioCodec c);
const char* to_string(MediaDirection d);

struct SdpRtpMap {
  std::uint8_t payload_type = 0;
  std::string encoding;  // as written, e.g. "PCMU", "telephone-event"
  std::uint32_t clock_rate = 8000;
};

struct SessionDescription {
  std::string connection_address;  // media-level c= if present, else session-level
  std::uint16_t audio_port = 0;    // 0: stream rejected or absent
  bool has_audio = false;
  std::vector<std::uint8_t> payload_types;  // m= order
  std::vector<SdpRtpMap> rtpmaps;
  std::optional<std::uint16_t> ptime_ms;
  MediaDirection direction = MediaDirection::sendrecv;
};

Result<SessionDescription> parse_sdp(std::string_view text);

// What this side announces.
struct LocalMediaConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;
  std::uint64_t session_id = 1;
  std::uint64_t session_version = 1;
  std::vector<AudioCodec> codecs{AudioCodec::pcmu, AudioCodec::pcma};  // preference order
  std::uint8_t telephone_event_pt = 101;
  std::uint16_t ptime_ms = 20;
  MediaDirection direction = MediaDirection::sendrecv;
};

// The agreed stream, from this side's point of view.
struct NegotiatedMedia {
  std::string remote_address;
  std::uint16_t remote_port = 0;
  AudioCodec codec = AudioCodec::pcmu;
  std::uint8_t codec_pt = 0;
  std::optional<std::uint8_t> telephone_event_pt;
  std::uint16_t ptime_ms = 20;
  bool send = true;     // we may send to the remote
  bool receive = true;  // the remote will send to us
  bool remote_on_hold = false;
};

std::string build_offer(const LocalMediaConfig& local);

struct SdpAnswer {
  std::string sdp;
  NegotiatedMedia media;
};

// Answers a remote offer: first codec in the offer's order that we support, the offer's
// telephone-event payload type, the mirror of its direction. Fails with ErrorCode::unsupported
// when there is no audio stream or no common codec.
Result<SdpAnswer> answer_offer(const LocalMediaConfig& local, const SessionDescription& offer);

// Reads the remote answer to an offer built from `local`.
Result<NegotiatedMedia> accept_answer(const LocalMediaConfig& local,
                                      const SessionDescription& answer);

}  // namespace dialer::media
