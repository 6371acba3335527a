// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_store.h
//
// The embedded default backend: one SQLite file in WAL mode, schema from
// schemas/sql/sqlite applied on open. A run is one IMMEDIATE transaction, so
// a killed run leaves the file exactly as before (SQLite rolls the WAL back on
// the next open).
#ifndef MDM_STORE_SQLITE_STORE_H_
#define MDM_STORE_SQLITE_STORE_H_

#include <memory>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/store/store.h"

namespace mdm::store {

enum class OpenMode { kMustExist, kCreate };

// Opens (kCreate: creating if needed) and migrates the store at `path`.
// NotFound when kMustExist and the file is missing; DataLoss when the file is
// not an SQLite database; FailedPrecondition when its schema is newer than
// this binary.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(absl::string_view path,
                                                       OpenMode mode);

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_STORE_H_
