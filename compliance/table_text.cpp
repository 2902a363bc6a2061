#include "compliance/table_text.h"

#include <string>

namespace dialer::compliance {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto pos = text.find(sep, start);
    out.push_back(text.substr(start, pos == std::string_view::npos ? text.npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

Status for_each_row(std::istream& in, std::string_view source, std::size_t min_fields,
                    const std::function<Status(const std::vector<std::string_view>&)>& row) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    auto fields = split(line, '|');
    auto where = std::string(source) + ":" + std::to_string(number);
    if (fields.size() < min_fields) {
      return Error{ErrorCode::parse_error,
                   where + ": expected " + std::to_string(min_fields) + " fields separated by '|'"};
    }
    auto status = row(fields);
    if (!status) return status.error().with_context(where);
  }
  return ok_status();
}

}  // namespace dialer::compliance
