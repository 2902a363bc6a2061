// Media direction in SDP text (RFC 3264 section 6.1 and 8.4), for answering hold re-INVITEs.
// Pure string functions; safe from any thread. Only the session-level and the first
// media-level direction attribute are considered (the dialer offers one audio stream).
#pragma once

#include <string>
#include <string_view>

namespace dialer::calls {

enum class MediaDirection { sendrecv, sendonly, recvonly, inactive };

std::string_view to_string(MediaDirection d);

// The direction offered; c=IN IP4 0.0.0.0 (RFC 2543 hold) counts as sendonly.
MediaDirection offered_direction(std::string_view sdp);

// The direction an answer must carry: sendonly <-> recvonly, inactive stays inactive.
MediaDirection answer_direction(MediaDirection offered);

// A hold offer is sendonly or inactive.
bool is_hold_offer(std::string_view sdp);

// `sdp` with every a=sendrecv/sendonly/recvonly/inactive line replaced by `d`; when none exists
// the attribute is appended at the end (the media level of the single audio stream).
std::string with_direction(std::string_view sdp, MediaDirection d);

}  // namespace dialer::calls
