// verify_bundle(): checks a bundle without trusting it: manifest signature, every chained
// record (hash, seq, prev_hash, checkpoints), the ends of every log, and every file's size,
// SHA-256 and record count. Streams each file once; memory does not grow with the bundle.
#include <string.h>  // memmem

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compliance/export_bundle.h"

namespace dialer::compliance {
namespace {

using nlohmann::json;
constexpr std::size_t kMaxIssues = 20;

struct ExpectedLog {
  std::int64_t first_seq = 0;
  std::int64_t last_seq = 0;
  std::int64_t count = 0;
  std::string first_prev_hash;
  std::string last_hash;
  std::map<std::int64_t, std::string> checkpoint_heads;
  // Progress while reading.
  std::int64_t seen = 0;
  std::int64_t seq = 0;
  std::string hash;
};

class Checker {
 public:
  explicit Checker(VerifyReport& report) : report_(report) {}
  void issue(std::string file, std::int64_t line, std::optional<std::int64_t> seq,
             std::string problem) {
    if (report_.issues.size() < kMaxIssues) {
      report_.issues.push_back({std::move(file), line, seq, std::move(problem)});
    }
  }

 private:
  VerifyReport& report_;
};

// string_view::find() stops at every occurrence of the pattern's first character (a comma or
// a quote: a hundred times per record); glibc's memmem() skips ahead by character pairs.
std::size_t find_text(std::string_view line, std::string_view pattern, std::size_t from = 0) {
  if (from > line.size()) return std::string_view::npos;
  const void* at = memmem(line.data() + from, line.size() - from, pattern.data(), pattern.size());
  return at == nullptr ? std::string_view::npos
                       : static_cast<std::size_t>(static_cast<const char*>(at) - line.data());
}

// `pattern` is `"key":"`; keys are unique in canonical JSON and string values never contain an
// unescaped quote, so the first match is the key.
std::string_view string_field(std::string_view line, std::string_view pattern,
                              std::size_t from = 0) {
  const auto pos = find_text(line, pattern, from);
  if (pos == std::string_view::npos) return {};
  const auto start = pos + pattern.size();
  const auto end = line.find('"', start);
  return end == std::string_view::npos ? std::string_view{} : line.substr(start, end - start);
}

std::optional<std::int64_t> int_field(std::string_view line, std::string_view pattern,
                                      std::size_t from = 0) {
  const auto pos = find_text(line, pattern, from);
  if (pos == std::string_view::npos) return std::nullopt;
  std::int64_t v = 0;
  const char* begin = line.data() + pos + pattern.size();
  auto [ptr, ec] = std::from_chars(begin, line.data() + line.size(), v);
  if (ec != std::errc{} || ptr == begin) return std::nullopt;
  return v;
}

struct FileResult {
  std::string sha256;
  std::int64_t bytes = 0;
  std::int64_t records = 0;
};

// Reads a file line by line in large blocks; `on_line` sees each line without its newline (the
// last line may lack one, as with std::getline). `hash` is false for chained files: every byte of
// their lines is already covered by the record hashes (the record_hash text itself is compared),
// so a second SHA-256 pass would prove nothing more.
template <typename OnLine>
std::optional<FileResult> scan(BundleSource& source, const std::string& name, bool hash,
                               OnLine&& on_line) {
  constexpr std::size_t kBlock = std::size_t{1} << 20;
  auto in = source.open(name);
  if (!in) return std::nullopt;
  FileResult r;
  Sha256Stream sha;
  std::string buffer(kBlock, '\0');
  std::string carry;  // a line cut by the block boundary
  while (*in) {
    in->read(buffer.data(), static_cast<std::streamsize>(kBlock));
    const auto got = static_cast<std::size_t>(in->gcount());
    if (got == 0) break;
    const std::string_view block{buffer.data(), got};
    if (hash) sha.update(block);
    r.bytes += static_cast<std::int64_t>(got);
    std::size_t start = 0;
    for (auto nl = block.find('\n'); nl != std::string_view::npos; nl = block.find('\n', start)) {
      ++r.records;
      if (carry.empty()) {
        on_line(block.substr(start, nl - start), r.records);
      } else {
        carry.append(block.substr(start, nl - start));
        on_line(std::string_view{carry}, r.records);
        carry.clear();
      }
      start = nl + 1;
    }
    carry.append(block.substr(start));
  }
  if (!carry.empty()) on_line(std::string_view{carry}, ++r.records);
  r.sha256 = hash ? sha.finish_hex() : std::string();
  return r;
}

void check_chain_line(const std::string& file, std::string_view line, std::int64_t n,
                      std::map<std::string, ExpectedLog>& logs, bool campaign_log, Checker& c) {
  static const std::string kHashKey = ",\"record_hash\":\"";
  // Keys are sorted (campaign_id < prev_hash < record_hash < seq): each search starts where the
  // previous one ended, so a line is scanned about once. A line whose keys are out of order is
  // not canonical; it then fails one of these searches or its hash.
  static constexpr std::string_view kPrevKey = "\"prev_hash\":\"";
  const auto prev_at = find_text(line, kPrevKey);
  const std::size_t after_prev = prev_at == std::string_view::npos ? 0 : prev_at;
  const auto pos = find_text(line, kHashKey, after_prev);
  const auto seq = int_field(line, ",\"seq\":", pos == std::string_view::npos ? 0 : pos);
  const auto prev_hex = string_field(line, kPrevKey, after_prev);
  const std::string log_id =
      campaign_log ? std::string(string_field(line.substr(0, prev_at), "\"campaign_id\":\""))
                   : kDncLogId;
  if (pos == std::string_view::npos || !seq || pos + kHashKey.size() + 65 > line.size()) {
    c.issue(file, n, seq, "not a chained record (seq or record_hash missing)");
    return;
  }
  const auto hash = line.substr(pos + kHashKey.size(), 64);
  const auto prev = digest_from_hex(prev_hex);
  if (!prev || !hex_equals(chain_digest(*prev, line.substr(0, pos),
                                        line.substr(pos + kHashKey.size() + 65)),
                           hash)) {
    c.issue(file, n, seq, "record content does not match its record_hash: the record was modified");
  }
  auto it = logs.find(log_id);
  if (it == logs.end()) {
    c.issue(file, n, seq, "record of log '" + log_id + "' that the manifest does not list");
    return;
  }
  auto& log = it->second;
  const auto expected_seq = log.seen == 0 ? log.first_seq : log.seq + 1;
  const std::string& expected_prev = log.seen == 0 ? log.first_prev_hash : log.hash;
  if (*seq != expected_seq) {
    c.issue(file, n, seq,
            "expected seq " + std::to_string(expected_seq) + " of log " + log_id +
                (*seq > expected_seq ? ": records before this one were deleted or moved"
                                     : ": this record was inserted or moved"));
  } else if (prev_hex != expected_prev) {
    c.issue(file, n, seq,
            "prev_hash does not match the previous record of log " + log_id +
                ": a record was inserted, deleted, reordered or rewritten");
  }
  if (auto cp = log.checkpoint_heads.find(*seq);
      cp != log.checkpoint_heads.end() && cp->second != hash) {
    c.issue(file, n, seq,
            "record differs from the signed checkpoint at seq " + std::to_string(*seq) +
                ": the chain was rewritten");
  }
  log.seen++;
  log.seq = *seq;
  log.hash.assign(hash);
}

void check_log_ends(const std::string& file, const std::map<std::string, ExpectedLog>& logs,
                    Checker& c) {
  for (const auto& [id, log] : logs) {
    if (log.seen != log.count || log.seq != log.last_seq || log.hash != log.last_hash) {
      c.issue(file, 0, log.seq,
              "log " + id + " ends at seq " + std::to_string(log.seq) + " with " +
                  std::to_string(log.seen) + " records; the manifest says seq " +
                  std::to_string(log.last_seq) + " with " + std::to_string(log.count) +
                  ": records were deleted, added or the file was truncated");
    }
  }
}

std::map<std::string, ExpectedLog> expected_logs(const json& manifest, const std::string& file,
                                                 const Ed25519Verifier& key, Checker& c) {
  std::map<std::string, ExpectedLog> out;
  for (const auto& l : manifest.at("logs")) {
    if (l.at("file") != file) continue;
    ExpectedLog e;
    e.first_seq = l.at("first_seq").get<std::int64_t>();
    e.last_seq = l.at("last_seq").get<std::int64_t>();
    e.count = l.at("count").get<std::int64_t>();
    e.first_prev_hash = l.at("first_prev_hash").get<std::string>();
    e.last_hash = l.at("last_hash").get<std::string>();
    for (const auto& cj : l.at("checkpoints")) {
      Checkpoint cp{cj.at("log_id").get<std::string>(),
                    cj.at("seq").get<std::int64_t>(),
                    cj.at("head_hash").get<std::string>(),
                    cj.at("count").get<std::int64_t>(),
                    {},
                    cj.at("signature").get<std::string>()};
      const auto signed_text = cp.signed_text_with_time(cj.at("at").get<std::string>());
      if (!key.verify_hex(signed_text, cp.signature)) {
        c.issue(file, 0, cp.seq, "checkpoint signature invalid for log " + cp.log_id);
      }
      e.checkpoint_heads[cp.seq] = cp.head_hash;
    }
    out[l.at("log_id").get<std::string>()] = std::move(e);
  }
  return out;
}

std::optional<json> read_manifest(BundleSource& source,
                                  const std::optional<Ed25519Verifier>& pinned,
                                  VerifyReport& report, Checker& c,
                                  std::optional<Ed25519Verifier>& key) {
  auto m = source.open(kManifest);
  auto s = source.open(kManifestSig);
  if (!m || !s) {
    c.issue(!m ? kManifest : kManifestSig, 0, std::nullopt, "missing");
    return std::nullopt;
  }
  std::stringstream text;
  text << m->rdbuf();
  std::string sig;
  std::getline(*s, sig);
  json manifest = json::parse(text.str(), nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object()) {
    c.issue(kManifest, 0, std::nullopt, "not valid JSON");
    return std::nullopt;
  }
  if (pinned) {
    key = *pinned;
    report.key_source = "pinned";
  } else {
    auto k = Ed25519Verifier::from_public_pem(manifest.value("signing_public_key", ""));
    if (!k) {
      c.issue(kManifest, 0, std::nullopt, "no usable signing_public_key");
      return std::nullopt;
    }
    key = *k;
    report.key_source = "manifest";
  }
  if (!key->verify_hex(text.str(), sig)) {
    c.issue(kManifestSig, 0, std::nullopt, "manifest signature invalid: manifest.json was changed");
  }
  return manifest;
}

}  // namespace

VerifyReport verify_bundle(BundleSource& source, const std::optional<Ed25519Verifier>& pinned) {
  VerifyReport report;
  Checker c{report};
  std::optional<Ed25519Verifier> key;
  auto manifest = read_manifest(source, pinned, report, c, key);
  if (!manifest) return report;
  try {
    for (const auto& f : manifest->at("files")) {
      const auto name = f.at("name").get<std::string>();
      const bool chained = name == kAttemptsJsonl || name == kDncJsonl;
      auto logs =
          chained ? expected_logs(*manifest, name, *key, c) : std::map<std::string, ExpectedLog>{};
      auto result = scan(source, name, !chained, [&](std::string_view line, std::int64_t n) {
        if (chained) check_chain_line(name, line, n, logs, name == kAttemptsJsonl, c);
      });
      if (!result) {
        c.issue(name, 0, std::nullopt, "missing");
        continue;
      }
      if (chained) {
        check_log_ends(name, logs, c);
        report.records_checked += result->records;
      }
      // CSV rows may span lines (quoted newlines): only JSON Lines files are counted by line.
      const bool counted = name != kAttemptsCsv;
      if ((!chained && result->sha256 != f.at("sha256")) ||
          result->bytes != f.at("bytes").get<std::int64_t>() ||
          (counted && result->records != f.at("records").get<std::int64_t>())) {
        c.issue(name, 0, std::nullopt, "size, SHA-256 or record count differs from the manifest");
      }
    }
  } catch (const json::exception& e) {
    c.issue(kManifest, 0, std::nullopt, std::string("malformed manifest: ") + e.what());
  }
  return report;
}

std::string describe(const VerifyIssue& issue) {
  std::string out = issue.file;
  if (issue.line > 0) out = "line " + std::to_string(issue.line) + " of " + out;
  if (issue.seq) out += " (seq " + std::to_string(*issue.seq) + ")";
  return out + ": " + issue.problem;
}

}  // namespace dialer::compliance
