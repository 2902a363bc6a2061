#include <algorithm>
#include <string>

#include "dialer/storage/backends.h"

namespace dialer {

namespace storage_detail {

Status check_not_newer(int database_version, std::span<const Migration> migrations) {
  const int known = latest_version(migrations);
  if (database_version <= known) return ok_status();
  return Error{ErrorCode::unsupported,
               "schema: database is at version " + std::to_string(database_version) +
                   " but this build knows only up to version " + std::to_string(known) +
                   "; refusing to open it (upgrade the dialer)"};
}

}  // namespace storage_detail

Result<std::unique_ptr<Database>> open_database(std::string_view url) {
  return open_database(url, schema_migrations());
}

Result<std::unique_ptr<Database>> open_database(std::string_view url,
                                                std::span<const Migration> migrations) {
  const bool ordered =
      std::is_sorted(migrations.begin(), migrations.end(),
                     [](const Migration& a, const Migration& b) { return a.version < b.version; });
  if (!ordered) return Error{ErrorCode::internal, "schema: migrations are not in version order"};
  auto parsed = parse_database_url(url);
  if (!parsed) return parsed.error();
  if (parsed->kind == DatabaseUrl::Kind::sqlite) {
    return storage_detail::open_sqlite(*parsed, migrations);
  }
  return storage_detail::open_mysql(*parsed, migrations);
}

}  // namespace dialer
