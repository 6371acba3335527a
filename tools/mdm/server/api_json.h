// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/server/api_json.h
//
// The JSON edges of `mdm serve`'s API: request bodies in, answers and errors
// out. An error is {"error": {"code": "...", "message": "..."}}; its message
// comes from the library, which names ids and fields but never a person's
// data, or is generic (500).
#ifndef MDM_TOOLS_MDM_SERVER_API_JSON_H_
#define MDM_TOOLS_MDM_SERVER_API_JSON_H_

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace mdm::server {

// What one API call answers: an HTTP status and a JSON body.
struct ApiResult {
  int status = 200;
  std::string json;
  // Why a 500 happened, for the operator's log only (never sent).
  std::string log_detail;
};

ApiResult Ok(std::string json, int status = 200);
ApiResult Error(int status, absl::string_view code, absl::string_view message);

// The answer to a failed library call:
//   InvalidArgument     400 invalid_argument
//   Unauthenticated     401 unauthenticated
//   PermissionDenied    403 permission_denied
//   NotFound            404 not_found
//   Aborted             409 conflict  (the item changed or was decided)
//   AlreadyExists       409 already_exists
//   FailedPrecondition  409 stale     (re-evaluation pending, or inactive)
//   anything else       500 internal  (generic message)
ApiResult ErrorFromStatus(const absl::Status& status);

// The JSON object a POST carries. InvalidArgument when the content type is
// not application/json, the body is not JSON, or not an object.
absl::StatusOr<nlohmann::json> ParseJsonObject(absl::string_view content_type,
                                               absl::string_view body);

// The string member `field` of `body`. InvalidArgument naming the field
// when it is missing or not a string.
absl::StatusOr<std::string> RequiredString(const nlohmann::json& body, absl::string_view field);

// The integer member `field` of `body`, nullopt when absent or null.
// InvalidArgument naming the field when it is another type.
absl::StatusOr<std::optional<int64_t>> OptionalInt(const nlohmann::json& body,
                                                   absl::string_view field);

}  // namespace mdm::server

#endif  // MDM_TOOLS_MDM_SERVER_API_JSON_H_
