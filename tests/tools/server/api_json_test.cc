// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/api_json.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::server {
namespace {

TEST_CASE("ErrorFromStatus: each library code has its HTTP status and error code",
          "[server]") {
  struct Case {
    absl::Status status;
    int http;
    std::string code;
  };
  for (const Case& c : std::vector<Case>{
           {absl::InvalidArgumentError("review: reason is empty"), 400, "invalid_argument"},
           {absl::UnauthenticatedError("wrong"), 401, "unauthenticated"},
           {absl::PermissionDeniedError("no"), 403, "permission_denied"},
           {absl::NotFoundError("review item 7"), 404, "not_found"},
           {absl::AbortedError("review item 7 changed"), 409, "conflict"},
           {absl::AlreadyExistsError("user"), 409, "already_exists"},
           {absl::FailedPreconditionError("review item 7 is stale"), 409, "stale"},
       }) {
    INFO(c.status);
    const ApiResult r = ErrorFromStatus(c.status);
    CHECK(r.status == c.http);
    const nlohmann::json json = nlohmann::json::parse(r.json);
    CHECK(json["error"]["code"] == c.code);
    CHECK(json["error"]["message"] == std::string(c.status.message()));
    CHECK(r.log_detail.empty());
  }
}

TEST_CASE("ErrorFromStatus: other codes are a generic 500, details for the log only",
          "[server]") {
  for (const absl::Status& s : {absl::InternalError("sqlite: disk I/O error in table users"),
                                absl::DataLossError("audit chain broken at event 12"),
                                absl::UnavailableError("store is busy"),
                                absl::UnknownError("?")}) {
    INFO(s);
    const ApiResult r = ErrorFromStatus(s);
    CHECK(r.status == 500);
    CHECK(r.json == R"({"error":{"code":"internal","message":"internal error"}})");
    CHECK(r.log_detail == s.ToString());
  }
}

TEST_CASE("ParseJsonObject: a JSON object with a JSON content type, nothing else",
          "[server]") {
  for (const char* type : {"application/json", "application/json; charset=utf-8",
                           "Application/JSON", " application/json ;charset=UTF-8"}) {
    INFO(type);
    const absl::StatusOr<nlohmann::json> ok = ParseJsonObject(type, R"({"a": 1})");
    REQUIRE(ok.ok());
    CHECK((*ok)["a"] == 1);
  }
  struct Case {
    const char* type;
    const char* body;
  };
  for (const Case& c : std::vector<Case>{{"text/plain", "{}"},
                                         {"", "{}"},
                                         {"application/jsonp", "{}"},
                                         {"application/x-www-form-urlencoded", "a=1"},
                                         {"application/json", ""},
                                         {"application/json", "{\"a\":"},
                                         {"application/json", "{} {}"},
                                         {"application/json", "[]"},
                                         {"application/json", "\"text\""},
                                         {"application/json", "null"},
                                         {"application/json", "{\"a\": 1,}"}}) {
    INFO(c.type << " " << c.body);
    CHECK(ParseJsonObject(c.type, c.body).status().code() ==
          absl::StatusCode::kInvalidArgument);
  }
}

TEST_CASE("RequiredString and OptionalInt: name the field when it is missing or mistyped",
          "[server]") {
  const nlohmann::json body = nlohmann::json::parse(
      R"({"reason": "two sisters", "empty": "", "n": 3, "s": "3", "f": 1.5, "nil": null})");
  CHECK(*RequiredString(body, "reason") == "two sisters");
  CHECK(*RequiredString(body, "empty") == "");
  for (const char* field : {"missing", "n", "nil"}) {
    const absl::Status s = RequiredString(body, field).status();
    CHECK(s.code() == absl::StatusCode::kInvalidArgument);
    CHECK(std::string(s.message()).find(std::string("\"") + field + "\"") != std::string::npos);
  }
  CHECK(*OptionalInt(body, "n") == std::optional<int64_t>(3));
  CHECK(*OptionalInt(body, "missing") == std::nullopt);
  CHECK(*OptionalInt(body, "nil") == std::nullopt);
  for (const char* field : {"s", "f", "reason"}) {
    INFO(field);
    CHECK(OptionalInt(body, field).status().code() == absl::StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace mdm::server
