// SPDX-License-Identifier: Apache-2.0
#include "mdm/store/migrator.h"

#include <algorithm>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "mdm/base/embedded_file.h"
#include "mdm/status.h"

namespace mdm::embedded {
extern const base::EmbeddedFile kSqliteMigrations[];
extern const size_t kSqliteMigrationsCount;
}  // namespace mdm::embedded

namespace mdm::store {
namespace {

struct Migration {
  int version;
  absl::string_view name;
  absl::string_view sql;
};

absl::string_view View(std::string_view s) { return {s.data(), s.size()}; }

// Migrations sorted by the number that starts each file name ("0001_core.sql").
std::vector<Migration> Migrations() {
  std::vector<Migration> out;
  for (size_t i = 0; i < embedded::kSqliteMigrationsCount; ++i) {
    const base::EmbeddedFile& file = embedded::kSqliteMigrations[i];
    int version = 0;
    if (absl::SimpleAtoi(absl::string_view(file.name.data(), 4), &version)) {
      out.push_back({version, View(file.name), View(file.contents)});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

}  // namespace

int LatestSchemaVersion() {
  const std::vector<Migration> all = Migrations();
  return all.empty() ? 0 : all.back().version;
}

absl::Status Migrate(SqliteDb& db) {
  MDM_ASSIGN_OR_RETURN(int64_t current, db.QueryInt("PRAGMA user_version"));
  const int latest = LatestSchemaVersion();
  if (current > latest) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", db.path(), " has schema version ", current,
        " but this mdm knows up to ", latest, "; use a newer mdm"));
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= current) continue;
    MDM_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    absl::Status status = db.Exec(m.sql);
    if (status.ok()) {
      status = db.Exec(absl::StrCat("PRAGMA user_version = ", m.version));
    }
    if (!status.ok()) {
      db.Exec("ROLLBACK").IgnoreError();
      return absl::InternalError(absl::StrCat("store: migration ", m.name,
                                              " failed: ", status.message()));
    }
    MDM_RETURN_IF_ERROR(db.Exec("COMMIT"));
  }
  return absl::OkStatus();
}

}  // namespace mdm::store
