// The `dispositions` list of campaign files: codes, labels, effects, and the system codes the
// engine sets, which every campaign carries whether its file lists them or not.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>

#include "dialer/config/converters.h"
#include "dialer/config/default_dispositions.h"
#include "dialer/config/kind_readers.h"

namespace dialer::config {
namespace {

using namespace std::chrono_literals;

struct DispositionCode {
  std::optional<std::string> operator()(const Field& field, DiagnosticSink& sink) const {
    auto text = scalar_text(field, sink, "a disposition code");
    if (text && !is_disposition_code(*text)) {
      sink.error(field.at, prefix(field.path) + "'" + *text +
                               "' must be upper-case letters, digits and underscores, starting "
                               "with a letter (e.g. NOT_INTERESTED)");
      return std::nullopt;
    }
    return text;
  }
};

// "NOT_INTERESTED" -> "Not interested", the label when a file gives none.
std::string label_from_code(const std::string& code) {
  std::string label = code;
  std::replace(label.begin(), label.end(), '_', ' ');
  std::transform(label.begin(), label.end(), label.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!label.empty())
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

void check_effects(const Field& item, const Disposition& d, DiagnosticSink& sink) {
  const auto at = [&](const char* key) { return sink.position_of(item.path + "." + key, item.at); };
  const std::string where = prefix(item.path);
  if (d.effect.final && d.effect.retry_after) {
    sink.error(at("retry_after"), where + "a final disposition cannot have retry_after");
  }
  if (d.effect.final && d.effect.schedule_callback) {
    sink.error(at("schedule_callback"), where + "a final disposition cannot schedule a callback");
  }
  if (d.effect.add_to_dnc && !d.effect.final) {
    sink.error(at("add_to_dnc"),
               where +
                   "add_to_dnc requires final: true (a number on the DNC list is never "
                   "dialed again)");
  }
}

void check_system_flag(const Field& item, const Disposition& d, bool system_given,
                       DiagnosticSink& sink) {
  const Position at = sink.position_of(item.path + ".system", item.at);
  const bool catalog_system = is_system_disposition_code(d.code);
  if (catalog_system && system_given && !d.system) {
    sink.error(at, prefix(item.path) + d.code +
                       " is a system code set by the engine; system must be true");
  } else if (!catalog_system && d.system) {
    sink.error(at, prefix(item.path) + "'" + d.code +
                       "' is not a system code; the engine sets only " +
                       join_names(system_disposition_codes()));
  }
}

std::optional<Disposition> read_one(const Field& item, DiagnosticSink& sink) {
  auto reader = FieldReader::open(item, sink);
  if (!reader) return std::nullopt;
  Disposition d;
  const bool has_code = reader->read_required("code", d.code, DispositionCode{});
  const bool has_label = reader->read("label", d.label, Text{});
  const bool system_given = reader->read("system", d.system, Flag{});
  reader->read("final", d.effect.final, Flag{});
  Duration retry_after{};
  if (reader->read("retry_after", retry_after, DurationIn{1min, 8760h, {}})) {
    d.effect.retry_after = retry_after;
  }
  reader->read("add_to_dnc", d.effect.add_to_dnc, Flag{});
  reader->read("schedule_callback", d.effect.schedule_callback, Flag{});
  reader->read("contact", d.effect.contact, Flag{});
  reader->read("sale", d.effect.sale, Flag{});
  reader->finish();
  if (!has_code) return std::nullopt;
  if (!has_label) d.label = label_from_code(d.code);
  if (is_system_disposition_code(d.code) && !system_given) d.system = true;
  check_system_flag(item, d, system_given, sink);
  check_effects(item, d, sink);
  return d;
}

}  // namespace

std::vector<Disposition> read_dispositions(const std::optional<Field>& field,
                                           const RetryRules& retry, DiagnosticSink& sink) {
  std::vector<Disposition> out;
  std::map<std::string, Position> first_seen;
  const auto items = field ? list_items(*field, sink) : std::vector<Field>{};
  if (items.empty() && !(field && !field->node.IsSequence())) return default_dispositions(retry);
  for (const auto& item : items) {
    auto d = read_one(item, sink);
    if (!d) continue;
    const Position at = sink.position_of(item.path + ".code", item.at);
    auto [it, inserted] = first_seen.emplace(d->code, at);
    if (!inserted) {
      sink.error(at, prefix(item.path + ".code") + "duplicate disposition code '" + d->code +
                         "' (first defined at line " + std::to_string(it->second.line) + ")");
      continue;
    }
    out.push_back(std::move(*d));
  }
  for (auto code : system_disposition_codes()) {
    if (!first_seen.contains(std::string(code))) {
      out.push_back(default_system_disposition(code, retry));
    }
  }
  return out;
}

}  // namespace dialer::config
