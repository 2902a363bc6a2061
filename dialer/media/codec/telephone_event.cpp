#include "dialer/media/codec/telephone_event.h"

namespace dialer::media {

namespace {
constexpr char kDigits[] = "0123456789*#ABCD";
constexpr std::uint16_t kTickSamples = 160;
}  // namespace

std::optional<TelephoneEvent> parse_telephone_event(std::span<const std::uint8_t> payload) {
  if (payload.size() < kTelephoneEventSize) return std::nullopt;
  TelephoneEvent e;
  e.event = payload[0];
  e.end = (payload[1] & 0x80) != 0;
  e.volume = payload[1] & 0x3F;
  e.duration = static_cast<std::uint16_t>((payload[2] << 8) | payload[3]);
  return e;
}

std::array<std::uint8_t, kTelephoneEventSize> build_telephone_event(const TelephoneEvent& e) {
  return {e.event, static_cast<std::uint8_t>((e.end ? 0x80 : 0) | (e.volume & 0x3F)),
          static_cast<std::uint8_t>(e.duration >> 8), static_cast<std::uint8_t>(e.duration)};
}

std::optional<std::uint8_t> dtmf_event_code(char digit) {
  for (std::uint8_t i = 0; i < 16; ++i) {
    if (kDigits[i] == digit) return i;
  }
  if (digit >= 'a' && digit <= 'd') return static_cast<std::uint8_t>(12 + (digit - 'a'));
  return std::nullopt;
}

std::optional<char> dtmf_digit(std::uint8_t event_code) {
  if (event_code < 16) return kDigits[event_code];
  return std::nullopt;
}

void DtmfDetector::finish_current(std::string& out) {
  active_ = false;
  last_reported_ = true;
  ++counters_.digits;
  if (const auto d = dtmf_digit(last_event_)) out.push_back(*d);
}

std::string DtmfDetector::on_packet(std::uint32_t rtp_timestamp,
                                    std::span<const std::uint8_t> payload) {
  ++counters_.packets;
  std::string digits;
  const auto e = parse_telephone_event(payload);
  if (!e) {
    ++counters_.malformed;
    return digits;
  }
  if (!dtmf_digit(e->event)) {
    ++counters_.unsupported_events;
    return digits;
  }
  const bool same_event = have_last_ && rtp_timestamp == last_timestamp_ && e->event == last_event_;
  if (!same_event) {
    // A new event: the previous one, if it never ended, is reported now rather than lost.
    if (active_) {
      ++counters_.missing_end;
      finish_current(digits);
    }
    have_last_ = true;
    last_timestamp_ = rtp_timestamp;
    last_event_ = e->event;
    last_reported_ = false;
    active_ = true;
  }
  if (e->end) {
    if (last_reported_) {
      ++counters_.repeated_end_packets;
    } else {
      finish_current(digits);
    }
  }
  return digits;
}

std::size_t DtmfSender::queue(const std::string& digits) {
  std::size_t accepted = 0;
  for (char c : digits) {
    if (const auto code = dtmf_event_code(c)) {
      pending_.push_back(*code);
      ++accepted;
    }
  }
  return accepted;
}

std::optional<OutgoingEventPacket> DtmfSender::next_tick() {
  if (!in_event_) {
    if (gap_ticks_ > 0) {
      --gap_ticks_;
      return std::nullopt;
    }
    if (pending_.empty()) return std::nullopt;
    event_ = pending_.front();
    pending_.pop_front();
    in_event_ = true;
    elapsed_ = 0;
    ends_sent_ = 0;
  }
  OutgoingEventPacket out;
  out.first_of_event = elapsed_ == 0 && ends_sent_ == 0;
  out.marker = out.first_of_event;
  const std::uint16_t total = static_cast<std::uint16_t>(config_.digit_ms * 8);
  TelephoneEvent e;
  e.event = event_;
  e.volume = config_.volume;
  if (elapsed_ < total) {
    elapsed_ = static_cast<std::uint16_t>(elapsed_ + kTickSamples);
    if (elapsed_ > total) elapsed_ = total;
  }
  e.duration = elapsed_;
  e.end = elapsed_ >= total;
  if (e.end) {
    ++ends_sent_;
    if (ends_sent_ >= config_.end_repeats) {
      in_event_ = false;
      gap_ticks_ = (config_.gap_ms + 19) / 20;
    }
  }
  out.payload = build_telephone_event(e);
  return out;
}

}  // namespace dialer::media
