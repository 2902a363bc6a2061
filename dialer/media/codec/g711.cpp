#include "dialer/media/codec/g711.h"

#include <array>

namespace dialer::media {

std::uint8_t reference_alaw_compress(std::int16_t sample) {
  const int lin = sample;
  int ix = lin < 0 ? (~lin) >> 4 : lin >> 4;  // one's complement magnitude, 0 <= ix < 2048
  if (ix > 15) {
    int iexp = 1;
    while (ix > 16 + 15) {
      ix >>= 1;
      ++iexp;
    }
    ix -= 16;
    ix += iexp << 4;
  }
  if (lin >= 0) ix |= 0x80;
  return static_cast<std::uint8_t>(ix ^ 0x55);
}

std::int16_t reference_alaw_expand(std::uint8_t code) {
  int ix = (code ^ 0x55) & 0x7F;
  const int iexp = ix >> 4;
  int mant = ix & 0x0F;
  if (iexp > 0) mant += 16;
  mant = (mant << 4) + 0x08;
  if (iexp > 1) mant <<= (iexp - 1);
  return static_cast<std::int16_t>(code > 127 ? mant : -mant);
}

std::uint8_t reference_ulaw_compress(std::int16_t sample) {
  const int lin = sample;
  int absno = lin < 0 ? ((~lin) >> 2) + 33 : (lin >> 2) + 33;
  if (absno > 0x1FFF) absno = 0x1FFF;
  int i = absno >> 6;
  int segno = 1;
  while (i != 0) {
    ++segno;
    i >>= 1;
  }
  const int high_nibble = 0x08 - segno;
  const int low_nibble = 0x0F - ((absno >> segno) & 0x0F);
  int code = (high_nibble << 4) | low_nibble;
  if (lin >= 0) code |= 0x80;
  return static_cast<std::uint8_t>(code);
}

std::int16_t reference_ulaw_expand(std::uint8_t code) {
  const int sign = code < 0x80 ? -1 : 1;
  int mantissa = ~code;
  const int exponent = (mantissa >> 4) & 0x07;
  const int segment = exponent + 1;
  mantissa &= 0x0F;
  const int step = 4 << segment;
  return static_cast<std::int16_t>(sign *
                                   ((0x80 << exponent) + step * mantissa + step / 2 - 4 * 33));
}

namespace {

// µ-law depends only on sample >> 2 (14 bits), A-law only on sample >> 4 (12 bits): the tables
// are indexed by those shifted values, offset to be non-negative.
struct Tables {
  std::array<std::uint8_t, 1 << 14> ulaw_enc{};
  std::array<std::uint8_t, 1 << 12> alaw_enc{};
  std::array<std::int16_t, 256> ulaw_dec{};
  std::array<std::int16_t, 256> alaw_dec{};

  Tables() {
    for (int i = 0; i < (1 << 14); ++i) {
      ulaw_enc[static_cast<std::size_t>(i)] =
          reference_ulaw_compress(static_cast<std::int16_t>((i - (1 << 13)) * 4));
    }
    for (int i = 0; i < (1 << 12); ++i) {
      alaw_enc[static_cast<std::size_t>(i)] =
          reference_alaw_compress(static_cast<std::int16_t>((i - (1 << 11)) * 16));
    }
    for (int c = 0; c < 256; ++c) {
      ulaw_dec[static_cast<std::size_t>(c)] = reference_ulaw_expand(static_cast<std::uint8_t>(c));
      alaw_dec[static_cast<std::size_t>(c)] = reference_alaw_expand(static_cast<std::uint8_t>(c));
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

std::uint8_t ulaw_encode(std::int16_t sample) {
  return tables().ulaw_enc[static_cast<std::size_t>((sample >> 2) + (1 << 13))];
}
std::int16_t ulaw_decode(std::uint8_t code) { return tables().ulaw_dec[code]; }
std::uint8_t alaw_encode(std::int16_t sample) {
  return tables().alaw_enc[static_cast<std::size_t>((sample >> 4) + (1 << 11))];
}
std::int16_t alaw_decode(std::uint8_t code) { return tables().alaw_dec[code]; }

void g711_encode(G711Law law, std::span<const std::int16_t> in, std::uint8_t* out) {
  const Tables& t = tables();
  if (law == G711Law::ulaw) {
    for (std::size_t i = 0; i < in.size(); ++i) {
      out[i] = t.ulaw_enc[static_cast<std::size_t>((in[i] >> 2) + (1 << 13))];
    }
  } else {
    for (std::size_t i = 0; i < in.size(); ++i) {
      out[i] = t.alaw_enc[static_cast<std::size_t>((in[i] >> 4) + (1 << 11))];
    }
  }
}

void g711_decode(G711Law law, std::span<const std::uint8_t> in, std::int16_t* out) {
  const auto& table = law == G711Law::ulaw ? tables().ulaw_dec : tables().alaw_dec;
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = table[in[i]];
}

std::uint8_t g711_silence(G711Law law) { return law == G711Law::ulaw ? 0xFF : 0xD5; }

}  // namespace dialer::media
