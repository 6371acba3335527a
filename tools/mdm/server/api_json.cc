// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/api_json.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace mdm::server {

ApiResult Ok(std::string json, int status) { return ApiResult{status, std::move(json), ""}; }

ApiResult Error(int status, absl::string_view code, absl::string_view message) {
  const nlohmann::json body{
      {"error", {{"code", std::string(code)}, {"message", std::string(message)}}}};
  return ApiResult{status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                   ""};
}

ApiResult ErrorFromStatus(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return Error(400, "invalid_argument", status.message());
    case absl::StatusCode::kUnauthenticated:
      return Error(401, "unauthenticated", status.message());
    case absl::StatusCode::kPermissionDenied:
      return Error(403, "permission_denied", status.message());
    case absl::StatusCode::kNotFound:
      return Error(404, "not_found", status.message());
    case absl::StatusCode::kAborted:
      return Error(409, "conflict", status.message());
    case absl::StatusCode::kAlreadyExists:
      return Error(409, "already_exists", status.message());
    case absl::StatusCode::kFailedPrecondition:
      return Error(409, "stale", status.message());
    default: {
      ApiResult result = Error(500, "internal", "internal error");
      result.log_detail = status.ToString();
      return result;
    }
  }
}

absl::StatusOr<nlohmann::json> ParseJsonObject(absl::string_view content_type,
                                               absl::string_view body) {
  const absl::string_view media_type =
      absl::StripAsciiWhitespace(content_type.substr(0, content_type.find(';')));
  if (!absl::EqualsIgnoreCase(media_type, "application/json")) {
    return absl::InvalidArgumentError("request body: content type must be application/json");
  }
  nlohmann::json json = nlohmann::json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return absl::InvalidArgumentError("request body: malformed JSON");
  if (!json.is_object()) return absl::InvalidArgumentError("request body: not a JSON object");
  return json;
}

absl::StatusOr<std::string> RequiredString(const nlohmann::json& body, absl::string_view field) {
  const auto it = body.find(std::string(field));
  if (it == body.end() || !it->is_string()) {
    return absl::InvalidArgumentError(absl::StrCat("request body: \"", field, "\" must be a string"));
  }
  return it->get<std::string>();
}

absl::StatusOr<std::optional<int64_t>> OptionalInt(const nlohmann::json& body,
                                                   absl::string_view field) {
  const auto it = body.find(std::string(field));
  if (it == body.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) {
    return absl::InvalidArgumentError(
        absl::StrCat("request body: \"", field, "\" must be an integer"));
  }
  return std::optional<int64_t>(it->get<int64_t>());
}

}  // namespace mdm::server
