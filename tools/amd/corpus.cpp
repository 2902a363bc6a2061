#include "tools/amd/corpus.h"

#include <sndfile.h>

#include <fstream>
#include <map>
#include <sstream>

namespace dialer::amd::eval {
namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

Result<std::optional<double>> parse_time(const std::string& text, const std::string& where) {
  if (text.empty()) return std::optional<double>{};
  try {
    std::size_t used = 0;
    double v = std::stod(text, &used);
    if (used == text.size() && v >= 0) return std::optional<double>{v};
  } catch (const std::exception&) {
  }
  return Error{ErrorCode::parse_error, where + ": not a time in seconds: '" + text + "'"};
}

}  // namespace

Result<std::vector<CorpusEntry>> load_labels(const std::filesystem::path& dir) {
  const auto path = dir / "labels.csv";
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::io_error, path.string() + ": cannot open"};
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::size_t> column;
  auto header = split_csv_line(line);
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  for (const char* required : {"id", "label", "first_speech_on", "first_speech_off", "beep_on"}) {
    if (!column.contains(required)) {
      return Error{ErrorCode::parse_error, path.string() + ": missing column " + required};
    }
  }
  std::vector<CorpusEntry> entries;
  for (int line_no = 2; std::getline(in, line); ++line_no) {
    if (line.empty()) continue;
    auto f = split_csv_line(line);
    const std::string where = path.string() + ":" + std::to_string(line_no);
    auto get = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it != column.end() && it->second < f.size() ? f[it->second] : std::string{};
    };
    CorpusEntry e;
    e.id = get("id");
    const auto label = get("label");
    if (e.id.empty() || (label != "HUMAN" && label != "MACHINE")) {
      return Error{ErrorCode::parse_error, where + ": need an id and label HUMAN or MACHINE"};
    }
    e.human = label == "HUMAN";
    e.scenario = get("scenario");
    for (auto [name, slot] :
         {std::pair{"first_speech_on", &e.first_speech_on},
          std::pair{"first_speech_off", &e.first_speech_off}, std::pair{"beep_on", &e.beep_on},
          std::pair{"beep_off", &e.beep_off}}) {
      auto t = parse_time(get(name), where);
      if (!t) return t.error();
      *slot = *t;
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

Result<std::vector<std::int16_t>> read_wav(const std::filesystem::path& file) {
  SF_INFO info{};
  SNDFILE* sf = sf_open(file.c_str(), SFM_READ, &info);
  if (!sf) return Error{ErrorCode::io_error, file.string() + ": " + sf_strerror(nullptr)};
  if (info.samplerate != 8000 || info.channels != 1) {
    sf_close(sf);
    return Error{ErrorCode::unsupported, file.string() + ": need 8 kHz mono, got " +
                                             std::to_string(info.samplerate) + " Hz x " +
                                             std::to_string(info.channels)};
  }
  std::vector<std::int16_t> samples(static_cast<std::size_t>(info.frames));
  sf_count_t got = sf_read_short(sf, samples.data(), info.frames);
  sf_close(sf);
  samples.resize(static_cast<std::size_t>(std::max<sf_count_t>(got, 0)));
  return samples;
}

}  // namespace dialer::amd::eval
