// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/api_routes.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include <httplib.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "mdm/json.h"

namespace mdm::server {
namespace {

// A page of the queue is what one screen shows; the page never asks for
// everything at once, and neither may anyone else.
constexpr int64_t kDefaultPageSize = 50;
constexpr int64_t kMaxPageSize = 100;
constexpr int64_t kDefaultSearchHits = 20;
constexpr int64_t kMaxListSize = 200;

template <typename T, typename ToJson>
ApiResult Answer(const absl::StatusOr<T>& result, ToJson to_json, int status = 200) {
  if (!result.ok()) return ErrorFromStatus(result.status());
  return Ok(to_json(*result), status);
}

// Query parameter `name` as an integer in [min, max]; `fallback` when absent.
absl::StatusOr<int64_t> IntParam(const httplib::Request& request, const char* name,
                                 int64_t fallback, int64_t min, int64_t max) {
  if (!request.has_param(name)) return fallback;
  int64_t value = 0;
  if (!absl::SimpleAtoi(request.get_param_value(name), &value) || value < min || value > max) {
    return absl::InvalidArgumentError(
        absl::StrCat("parameter ", name, " must be an integer from ", min, " to ", max));
  }
  return value;
}

// The numeric id the route's pattern captured; nullopt when it overflows.
std::optional<int64_t> PathId(const ApiCall& call) {
  int64_t id = 0;
  if (!absl::SimpleAtoi(call.request.matches[1].str(), &id)) return std::nullopt;
  return id;
}

ApiResult NoSuch(absl::string_view what) {
  return Error(404, "not_found", absl::StrCat("no such ", what));
}

ApiResult Queue(Engine& engine, const ApiCall& call) {
  QueueQuery query;
  const std::string status =
      call.request.has_param("status") ? call.request.get_param_value("status") : "open";
  if (status != "open" && status != "stale" && status != "decided" && status != "all") {
    return Error(400, "invalid_argument", "parameter status must be open, stale, decided or all");
  }
  query.status = status == "all" ? "" : status;
  query.assignee = call.request.get_param_value("assignee");
  const absl::StatusOr<int64_t> offset =
      IntParam(call.request, "offset", 0, 0, std::numeric_limits<int64_t>::max());
  if (!offset.ok()) return ErrorFromStatus(offset.status());
  const absl::StatusOr<int64_t> limit =
      IntParam(call.request, "limit", kDefaultPageSize, 1, kMaxPageSize);
  if (!limit.ok()) return ErrorFromStatus(limit.status());
  query.offset = *offset;
  query.limit = *limit;
  return Answer(engine.Stewardship().Queue(query), QueuePageToJson);
}

ApiResult Item(Engine& engine, const ApiCall& call) {
  const std::optional<int64_t> id = PathId(call);
  if (!id) return NoSuch("review item");
  return Answer(engine.Stewardship().Item(*id), ReviewItemDetailToJson);
}

ApiResult Decide(Engine& engine, const ApiCall& call) {
  const std::optional<int64_t> id = PathId(call);
  if (!id) return NoSuch("review item");
  const absl::StatusOr<std::string> verdict_name = RequiredString(call.body, "verdict");
  if (!verdict_name.ok()) return ErrorFromStatus(verdict_name.status());
  const std::optional<Verdict> verdict = ParseVerdict(*verdict_name);
  if (!verdict) return Error(400, "invalid_argument", "verdict must be same or different");
  absl::StatusOr<std::string> reason = RequiredString(call.body, "reason");
  if (!reason.ok()) return ErrorFromStatus(reason.status());
  const absl::StatusOr<std::optional<int64_t>> revision = OptionalInt(call.body, "revision");
  if (!revision.ok()) return ErrorFromStatus(revision.status());
  Decision decision;
  decision.item_id = *id;
  decision.verdict = *verdict;
  decision.reason = *std::move(reason);
  decision.steward = call.caller.user;
  decision.expected_revision = *revision;
  return Answer(engine.Stewardship().Decide(decision), ReviewItemToJson);
}

ApiResult Assign(Engine& engine, const ApiCall& call) {
  const std::optional<int64_t> id = PathId(call);
  if (!id) return NoSuch("review item");
  const absl::StatusOr<std::string> assignee = RequiredString(call.body, "assignee");
  if (!assignee.ok()) return ErrorFromStatus(assignee.status());
  return Answer(engine.Stewardship().Assign(*id, *assignee), ReviewItemToJson);
}

ApiResult Golden(Engine& engine, const ApiCall& call) {
  const std::string id = call.request.matches[1].str();
  const absl::StatusOr<GoldenRecord> golden = engine.Golden(id);
  if (!golden.ok()) return ErrorFromStatus(golden.status());
  const absl::StatusOr<std::vector<GoldenEvent>> history = engine.GoldenHistory(id);
  if (!history.ok()) return ErrorFromStatus(history.status());
  const absl::StatusOr<std::vector<Override>> overrides =
      engine.Stewardship().Overrides(id, /*all=*/true);
  if (!overrides.ok()) return ErrorFromStatus(overrides.status());
  return Ok(absl::StrCat("{\"golden\":", GoldenRecordToJson(*golden),
                         ",\"history\":", GoldenHistoryToJson(*history),
                         ",\"overrides\":", OverridesToJson(*overrides), "}"));
}

ApiResult Search(Engine& engine, const ApiCall& call) {
  const std::string text = call.request.get_param_value("q");
  if (text.empty()) return Error(400, "invalid_argument", "parameter q must not be empty");
  const absl::StatusOr<int64_t> limit =
      IntParam(call.request, "limit", kDefaultSearchHits, 1, kMaxListSize);
  if (!limit.ok()) return ErrorFromStatus(limit.status());
  return Answer(engine.Stewardship().Search(text, *limit), [](const std::vector<GoldenHit>& h) {
    return absl::StrCat("{\"hits\":", GoldenHitsToJson(h), "}");
  });
}

ApiResult Changes(Engine& engine, const ApiCall& call) {
  std::optional<ChangeRequestStatus> status;
  const std::string name = call.request.get_param_value("status");
  if (!name.empty() && name != "all") {
    status = ParseChangeRequestStatus(name);
    if (!status) {
      return Error(400, "invalid_argument",
                   "parameter status must be open, approved, rejected or all");
    }
  }
  const absl::StatusOr<int64_t> limit =
      IntParam(call.request, "limit", kDefaultPageSize, 1, kMaxListSize);
  if (!limit.ok()) return ErrorFromStatus(limit.status());
  return Answer(engine.Stewardship().Changes(status, *limit),
                [](const std::vector<ChangeRequest>& c) {
                  return absl::StrCat("{\"items\":", ChangeRequestsToJson(c), "}");
                });
}

ApiResult SubmitChange(Engine& engine, const ApiCall& call) {
  std::string values[4];
  const char* const fields[4] = {"golden_id", "field", "value", "reason"};
  for (int field_idx = 0; field_idx < 4; ++field_idx) {
    absl::StatusOr<std::string> value = RequiredString(call.body, fields[field_idx]);
    if (!value.ok()) return ErrorFromStatus(value.status());
    values[field_idx] = *std::move(value);
  }
  return Answer(engine.Stewardship().SubmitChange(values[0], values[1], values[2],
                                                  call.caller.user, values[3]),
                ChangeRequestToJson, 201);
}

ApiResult DecideChange(Engine& engine, const ApiCall& call) {
  const std::optional<int64_t> id = PathId(call);
  if (!id) return NoSuch("change request");
  const bool approve = call.request.matches[2].str() == "approve";
  const absl::StatusOr<std::string> reason = RequiredString(call.body, "reason");
  if (!reason.ok()) return ErrorFromStatus(reason.status());
  return Answer(engine.Stewardship().DecideChange(*id, approve, call.caller.user, *reason),
                ChangeRequestToJson);
}

}  // namespace

const std::vector<ApiRoute>& DataRoutes() {
  static const std::vector<ApiRoute>* const routes = new std::vector<ApiRoute>{
      {"GET", R"(/api/queue)", false, Queue},
      {"GET", R"(/api/queue/(\d+))", false, Item},
      {"POST", R"(/api/queue/(\d+)/decide)", true, Decide},
      {"POST", R"(/api/queue/(\d+)/assign)", true, Assign},
      {"GET", R"(/api/golden/([^/]+))", false, Golden},
      {"GET", R"(/api/search)", false, Search},
      {"GET", R"(/api/dcr)", false, Changes},
      {"POST", R"(/api/dcr)", false, SubmitChange},
      {"POST", R"(/api/dcr/(\d+)/(approve|reject))", true, DecideChange},
  };
  return *routes;
}

}  // namespace mdm::server
