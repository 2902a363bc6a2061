#include "dialer/config/system_data.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <set>

namespace dialer::config {
namespace {

bool is_zone_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
         c == '_' || c == '-' || c == '+';
}

std::set<std::string, std::less<>> read_iso3166_codes() {
  std::set<std::string, std::less<>> codes;
  std::ifstream in(std::string(kZoneinfoDir) + "/iso3166.tab");
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() >= 3 && line[0] != '#' && line[2] == '\t') codes.insert(line.substr(0, 2));
  }
  return codes;
}

}  // namespace

bool timezone_exists(std::string_view name, std::string_view zoneinfo_dir) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos ||
      !std::all_of(name.begin(), name.end(), is_zone_char)) {
    return false;
  }
  const std::filesystem::path path = std::filesystem::path(zoneinfo_dir) / std::string(name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  // Compiled zones start with the TZif magic; this rejects the tables (zone.tab, tzdata.zi).
  std::ifstream in(path, std::ios::binary);
  std::array<char, 4> magic{};
  in.read(magic.data(), magic.size());
  return in && std::string_view(magic.data(), magic.size()) == "TZif";
}

bool is_iso3166_alpha2(std::string_view code) {
  if (code.size() != 2 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return false;
  }
  static const auto codes = read_iso3166_codes();
  return codes.empty() || codes.contains(code);
}

}  // namespace dialer::config
