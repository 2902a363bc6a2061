// Internal to dialer/storage: the backend constructors open_database() dispatches to, and the
// check shared by both migration runners. Called on the thread that will own the Database.
#pragma once

#include <memory>
#include <span>
#include <string>

#include "dialer/storage/database.h"

namespace dialer::storage_detail {

Result<std::unique_ptr<Database>> open_sqlite(const DatabaseUrl& url,
                                              std::span<const Migration> migrations);
Result<std::unique_ptr<Database>> open_mysql(const DatabaseUrl& url,
                                             std::span<const Migration> migrations);

// Refuses a database written by a newer build (its schema may mean things this code ignores).
Status check_not_newer(int database_version, std::span<const Migration> migrations);

}  // namespace dialer::storage_detail
