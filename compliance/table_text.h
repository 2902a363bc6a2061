// Parsing of the compliance data tables: '|'-separated text, '#' comments, blank lines ignored.
// Pure helpers over std::istream (the caller opens the file). Errors name "source:line".
#pragma once

#include <functional>
#include <istream>
#include <string_view>
#include <vector>

#include "dialer/common/result.h"

namespace dialer::compliance {

// Fields of `text` split on `sep` (empty fields kept).
std::vector<std::string_view> split(std::string_view text, char sep);

// Calls `row` with the fields of each data line; a line with fewer than `min_fields` fields or a
// row error stops the read with "source:line: message".
Status for_each_row(std::istream& in, std::string_view source, std::size_t min_fields,
                    const std::function<Status(const std::vector<std::string_view>&)>& row);

}  // namespace dialer::compliance
