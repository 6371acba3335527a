// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/migrator.h
//
// Applies the numbered SQL migrations of schemas/sql/sqlite (compiled into the
// binary) to a database, each in its own transaction, recording the schema
// version in PRAGMA user_version. Opening a store always migrates it, so no
// schema change is ever made by hand.
#ifndef MDM_STORE_MIGRATOR_H_
#define MDM_STORE_MIGRATOR_H_

#include "absl/status/status.h"
#include "mdm/store/sqlite_db.h"

namespace mdm::store {

// The schema version the migrations built into this binary reach.
int LatestSchemaVersion();

// Brings `db` to LatestSchemaVersion(). Returns FailedPrecondition when the
// database has a newer version than this binary knows (written by a newer
// mdm); Internal when a migration fails (nothing of it is applied).
absl::Status Migrate(SqliteDb& db);

}  // namespace mdm::store

#endif  // MDM_STORE_MIGRATOR_H_
