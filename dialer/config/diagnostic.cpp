#include "dialer/config/diagnostic.h"

#include <algorithm>

namespace dialer::config {

std::string to_string(const Diagnostic& d) {
  if (d.line <= 0) return d.file + ": " + d.message;
  return d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (a.line != b.line) return a.line < b.line;
                     return a.column < b.column;
                   });
}

void DiagnosticSink::error(Position at, std::string message) {
  diagnostics_.push_back(Diagnostic{file_, at.line, at.column, std::move(message)});
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  auto copy = diagnostics_;
  sort_by_position(copy);
  return copy;
}

Position DiagnosticSink::position_of(const std::string& path, Position fallback) const {
  auto it = positions_.find(path);
  return it == positions_.end() ? fallback : it->second;
}

}  // namespace dialer::config
