// Small signal measures on PCM blocks shared by the detectors: level, mean magnitude, a
// single-tone frequency estimate and Goertzel power. Pure functions, no state.
#pragma once

#include <cstdint>
#include <span>

namespace dialer::amd {

// Mean absolute sample value (Asterisk's silence measure, 0..32768).
double mean_abs(std::span<const std::int16_t> samples);

// Mean power in dB relative to one LSB squared: 0 for digital silence, ~87 for a full-scale sine.
double level_db(double sum_squares, std::size_t count);

// Frequency of a single sinusoid from the block's autocorrelation at lags 0..2, robust to white
// noise below ~1.3 kHz. Meaningful only when the block is close to one tone.
double estimate_frequency_hz(std::span<const float> block);

// Share of the block's energy that a Goertzel filter at `hz` captures: ~1 for a pure tone at hz.
double tone_purity(std::span<const float> block, double hz, double sum_squares);

}  // namespace dialer::amd
