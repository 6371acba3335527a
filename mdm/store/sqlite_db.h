// SPDX-License-Identifier: Apache-2.0
// File: mdm/store/sqlite_db.h
//
// RAII wrappers over the SQLite C API: SqliteDb owns a connection, Statement a
// prepared statement. Everything returns absl::Status (see sqlite_status.h).
//
// Example:
//   MDM_ASSIGN_OR_RETURN(auto db, SqliteDb::Open(path, SqliteDb::kCreate));
//   MDM_ASSIGN_OR_RETURN(Statement stmt, db->Prepare("SELECT x FROM t WHERE k = ?"));
//   stmt.Bind(1, key);
//   MDM_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
//   if (has_row) use(stmt.ColumnText(0));
//
// Thread-safety: a SqliteDb and its statements are used by one thread at a
// time.
#ifndef MDM_STORE_SQLITE_DB_H_
#define MDM_STORE_SQLITE_DB_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

struct sqlite3;
struct sqlite3_stmt;

namespace mdm::store {

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // False for a default-constructed (not prepared) statement.
  bool valid() const { return stmt_ != nullptr; }

  // Binding: 1-based parameter index. Text is copied by SQLite.
  void Bind(int index, absl::string_view text);
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindBlob(int index, absl::string_view bytes);
  void BindNull(int index);

  // Runs one step: true when a row is available, false when done.
  absl::StatusOr<bool> Step();
  // Steps to completion, ignoring any rows, then resets for reuse.
  absl::Status Run();
  // Resets the statement and clears bindings for the next execution.
  void Reset();

  // Column access for the current row (0-based).
  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  // The column's bytes without a copy; valid until the next Step() or Reset().
  absl::string_view ColumnView(int column) const;
  double ColumnDouble(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class SqliteDb;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

class SqliteDb {
 public:
  enum OpenMode { kMustExist, kCreate };

  // Opens the database file at `path`. kMustExist: NotFound when the file does
  // not exist. Turns on WAL, foreign keys, secure_delete and a busy timeout.
  static absl::StatusOr<std::unique_ptr<SqliteDb>> Open(absl::string_view path,
                                                        OpenMode mode);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without parameters.
  absl::Status Exec(absl::string_view sql);
  absl::StatusOr<Statement> Prepare(absl::string_view sql);
  // Runs a single-value query ("SELECT count(*) ..."), returning its integer.
  absl::StatusOr<int64_t> QueryInt(absl::string_view sql);
  int64_t LastInsertRowId() const;
  const std::string& path() const { return path_; }
  sqlite3* raw() const { return db_; }

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

}  // namespace mdm::store

#endif  // MDM_STORE_SQLITE_DB_H_
