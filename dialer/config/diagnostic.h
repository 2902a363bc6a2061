// Configuration diagnostics: one problem at one place of one file, printed `file:line:col:
// message`. Value types. A DiagnosticSink collects the problems of one load on one thread; loaders
// never stop at the first problem, so a sink usually ends up holding every mistake of a file at
// once. Lines and columns are 1-based; line 0 means the problem concerns the whole file
// (unreadable).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace dialer::config {

struct Position {
  int line = 0;    // 1-based; 0 = whole file
  int column = 0;  // 1-based; 0 = whole file
};

struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
};

// "file:line:col: message", or "file: message" for a whole-file problem (line 0).
std::string to_string(const Diagnostic& d);

// Orders by line then column (stable, so problems found at one place keep their order).
void sort_by_position(std::vector<Diagnostic>& diagnostics);

class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}

  void error(Position at, std::string message);
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] bool empty() const { return diagnostics_.empty(); }
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

  // Where each configuration path ("retry.busy_delay", "dispositions[2].code") was found, so that
  // rules spanning several keys can point at the value they reject.
  void remember(const std::string& path, Position at) { positions_[path] = at; }
  [[nodiscard]] Position position_of(const std::string& path, Position fallback) const;
  [[nodiscard]] bool seen(const std::string& path) const { return positions_.contains(path); }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, Position> positions_;
};

}  // namespace dialer::config
