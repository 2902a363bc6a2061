// Versioned schema migrations shared by both backends. A later module adds its tables by
// appending one Migration to the list in migrations.cpp; versions are 1, 2, 3, ... in order.
// Statements differ per dialect only where SQLite and MariaDB disagree. Immutable data.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace dialer {

// One DDL statement; `mysql` empty means the SQLite text is valid on both backends.
struct MigrationStep {
  std::string_view sqlite;
  std::string_view mysql;
};

struct Migration {
  int version = 0;
  std::string_view description;
  std::vector<MigrationStep> steps;
};

// Every migration this build knows, in version order.
std::span<const Migration> schema_migrations();

// The highest version in `migrations` (0 when empty).
int latest_version(std::span<const Migration> migrations);

}  // namespace dialer
