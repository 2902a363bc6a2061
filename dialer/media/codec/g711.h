// G.711 µ-law (PCMU) and A-law (PCMA) conversion, table-driven and bit-exact with the ITU-T G.191
// reference implementation (16-bit left-justified linear samples).
// Thread-safe: the tables are built once at static initialisation and only read afterwards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace dialer::media {

enum class G711Law : std::uint8_t { ulaw, alaw };

std::uint8_t ulaw_encode(std::int16_t sample);
std::int16_t ulaw_decode(std::uint8_t code);
std::uint8_t alaw_encode(std::int16_t sample);
std::int16_t alaw_decode(std::uint8_t code);

// Block forms; `out` must be at least as long as `in`.
void g711_encode(G711Law law, std::span<const std::int16_t> in, std::uint8_t* out);
void g711_decode(G711Law law, std::span<const std::uint8_t> in, std::int16_t* out);

// The code a silent frame is made of (µ-law 0xFF, A-law 0xD5).
std::uint8_t g711_silence(G711Law law);

// Straight transcriptions of the G.191 loops, kept to prove the tables against (tests only).
std::uint8_t reference_ulaw_compress(std::int16_t sample);
std::int16_t reference_ulaw_expand(std::uint8_t code);
std::uint8_t reference_alaw_compress(std::int16_t sample);
std::int16_t reference_alaw_expand(std::uint8_t code);

}  // namespace dialer::media
