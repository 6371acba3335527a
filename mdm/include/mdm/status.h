// SPDX-License-Identifier: Apache-2.0
// File: mdm/status.h
//
// Propagation macros for absl::Status and absl::StatusOr. Debian 12's Abseil
// (20220623) has no RETURN_IF_ERROR equivalents; these keep Abseil's
// semantics so that a later switch is a mechanical rename.
//
// Example:
//   absl::StatusOr<Config> LoadAndCheck(absl::string_view path) {
//     MDM_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
//     MDM_RETURN_IF_ERROR(Validate(text));
//     return Parse(text);
//   }
#ifndef MDM_STATUS_H_
#define MDM_STATUS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define MDM_STATUS_CONCAT_INNER_(a, b) a##b
#define MDM_STATUS_CONCAT_(a, b) MDM_STATUS_CONCAT_INNER_(a, b)

// MDM_RETURN_IF_ERROR(expr) returns the absl::Status of `expr` from the
// enclosing function when it is not OK.
#define MDM_RETURN_IF_ERROR(expr)                         \
  do {                                                    \
    ::absl::Status mdm_status_ = (expr);                  \
    if (!mdm_status_.ok()) return mdm_status_;            \
  } while (false)

// MDM_ASSIGN_OR_RETURN(lhs, expr) evaluates `expr` (an absl::StatusOr<T>),
// returns its status when not OK, and otherwise moves the value into `lhs`,
// which may be a declaration ("auto x") or an existing variable.
#define MDM_ASSIGN_OR_RETURN(lhs, expr)                                       \
  MDM_ASSIGN_OR_RETURN_IMPL_(MDM_STATUS_CONCAT_(mdm_statusor_, __LINE__), lhs, \
                             expr)
#define MDM_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                               \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = std::move(statusor).value()

#endif  // MDM_STATUS_H_
