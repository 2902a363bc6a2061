// to_json(ImportSummary): the import report as the CLI and the API return it.
#include <cstdio>

#include "campaigns/lead_import.h"

namespace dialer {
namespace {

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void append_row_list(std::string& out, std::string_view name,
                     const std::vector<ImportRowError>& rows) {
  out += ",\"";
  out += name;
  out += "\":[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out.push_back(',');
    out += "{\"line\":" + std::to_string(rows[i].line) + ",\"reason\":";
    append_json_string(out, rows[i].reason);
    out.push_back('}');
  }
  out.push_back(']');
}

}  // namespace

std::string to_json(const ImportSummary& summary) {
  std::string out = "{\"rows\":" + std::to_string(summary.rows) +
                    ",\"loaded\":" + std::to_string(summary.loaded) +
                    ",\"duplicates\":" + std::to_string(summary.duplicates) +
                    ",\"invalid\":" + std::to_string(summary.invalid);
  append_row_list(out, "errors", summary.errors);
  append_row_list(out, "warnings", summary.warnings);
  if (summary.aborted) {
    out += ",\"unsaved\":" + std::to_string(summary.unsaved) + ",\"aborted\":";
    append_json_string(out, summary.aborted->message);
  }
  out.push_back('}');
  return out;
}

}  // namespace dialer
