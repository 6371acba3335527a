// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_status.h
//
// The one place where SQLite result codes become absl::Status: BUSY/LOCKED
// are Unavailable (retry later), CORRUPT/NOTADB are DataLoss, CANTOPEN is
// NotFound, CONSTRAINT is AlreadyExists, FULL is ResourceExhausted, anything
// else Internal. Messages carry SQLite's text, which names tables and
// constraints but never bound values.
#ifndef MDM_STORE_SQLITE_STATUS_H_
#define MDM_STORE_SQLITE_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

struct sqlite3;

namespace mdm::store {

// Converts result code `rc` of an operation described by `what` on `db`
// (may be null) to a Status; OK for SQLITE_OK, SQLITE_ROW and SQLITE_DONE.
absl::Status SqliteStatus(int rc, sqlite3* db, absl::string_view what);

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_STATUS_H_
