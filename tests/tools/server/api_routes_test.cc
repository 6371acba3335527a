// SPDX-License-Identifier: Apache-2.0
// The data routes of `mdm serve` (tools/mdm/server/api_routes.cc) over real
// HTTP, on a store of the sample people with review items: the queue, one
// item, decisions and their conflicts, assignment, golden records, search
// and data change requests, and who may do what.
#include "tools/mdm/server/api_routes.h"

#include <string>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "tests/tools/server/server_fixture.h"

namespace mdm::server {
namespace {

using testing::Answer;
using testing::Browser;
using testing::ServerFixture;

std::string ItemPath(const nlohmann::json& item, const char* action = "") {
  return absl::StrCat("/api/queue/", item["item_id"].get<int64_t>(), action);
}

TEST_CASE("API: the queue comes in pages, filtered by status", "[server]") {
  ServerFixture f;
  const Browser browser = f.Login(Role::kSteward);
  const Answer all = f.Get("/api/queue", &browser);
  REQUIRE(all.status == 200);
  const int64_t total = all.json["total"];
  REQUIRE(total >= 3);
  REQUIRE(all.json["items"].size() == static_cast<size_t>(std::min<int64_t>(total, 50)));
  for (const auto& item : all.json["items"]) CHECK(item["status"] == "open");

  const Answer second = f.Get("/api/queue?status=open&offset=1&limit=1", &browser);
  REQUIRE(second.status == 200);
  CHECK(second.json["total"] == total);
  REQUIRE(second.json["items"].size() == 1);
  CHECK(second.json["items"][0] == all.json["items"][1]);
  CHECK(f.Get("/api/queue?status=decided", &browser).json["total"] == 0);
  CHECK(f.Get("/api/queue?status=all", &browser).json["total"] == total);

  for (const char* query : {"status=closed", "limit=0", "limit=101", "limit=ten", "offset=-1"}) {
    INFO(query);
    const Answer a = f.Get(absl::StrCat("/api/queue?", query), &browser);
    CHECK(a.status == 400);
    CHECK(a.ErrorCode() == "invalid_argument");
  }
}

TEST_CASE("API: an item shows both records side by side with the explanation", "[server]") {
  ServerFixture f;
  const Browser browser = f.Login(Role::kSteward);
  const nlohmann::json item = f.FirstOpenItem(browser);
  const Answer detail = f.Get(ItemPath(item), &browser);
  REQUIRE(detail.status == 200);
  CHECK(detail.json["item"] == item);
  REQUIRE_FALSE(detail.json["fields"].empty());
  for (const auto& field : detail.json["fields"]) {
    // A value on one side only is not a conflict.
    const std::string a = field["value_a"], b = field["value_b"];
    CHECK(field["differs"] == (!a.empty() && !b.empty() && a != b));
  }
  const nlohmann::json& why = detail.json["explanation"];
  CHECK_FALSE(why["terms"].empty());
  CHECK(why.contains("prior_weight"));
  CHECK(why.contains("match_weight"));

  CHECK(f.Get("/api/queue/999999", &browser).status == 404);
  CHECK(f.Get("/api/queue/99999999999999999999999", &browser).status == 404);
}

TEST_CASE("API: two decisions on one item, the second conflicts and the first stays",
          "[server]") {
  ServerFixture f;
  const Browser browser = f.Login(Role::kSteward);
  const nlohmann::json item = f.FirstOpenItem(browser);
  const nlohmann::json first{
      {"verdict", "different"}, {"reason", "two doctors"}, {"revision", item["revision"]}};
  const Answer decided = f.Post(ItemPath(item, "/decide"), first, &browser);
  REQUIRE(decided.status == 200);
  CHECK(decided.json["status"] == "decided");
  CHECK(decided.json["decision"] == "different");
  CHECK(decided.json["decided_by"] == "steward");
  CHECK(decided.json["decision_reason"] == "two doctors");

  SECTION("the same revision again") {
    const nlohmann::json second{
        {"verdict", "same"}, {"reason", "one doctor"}, {"revision", item["revision"]}};
    const Answer again = f.Post(ItemPath(item, "/decide"), second, &browser);
    CHECK(again.status == 409);
    CHECK(again.ErrorCode() == "conflict");
  }
  SECTION("without a revision") {
    const Answer again = f.Post(ItemPath(item, "/decide"),
                                {{"verdict", "same"}, {"reason", "one doctor"}}, &browser);
    CHECK(again.status == 409);
  }
  const Answer now = f.Get(ItemPath(item), &browser);
  CHECK(now.json["item"]["decision"] == "different");
  CHECK(now.json["item"]["decision_reason"] == "two doctors");
  CHECK(f.Get("/api/queue?status=decided", &browser).json["total"] == 1);
}

TEST_CASE("API: a decision needs a known item, a verdict and a reason", "[server]") {
  ServerFixture f;
  const Browser browser = f.Login(Role::kSteward);
  const nlohmann::json item = f.FirstOpenItem(browser);
  const std::string path = ItemPath(item, "/decide");
  for (const nlohmann::json& body : {
           nlohmann::json{{"verdict", "same"}},
           nlohmann::json{{"verdict", "same"}, {"reason", 7}},
           nlohmann::json{{"verdict", "maybe"}, {"reason", "unsure"}},
           nlohmann::json{{"reason", "no verdict"}},
           nlohmann::json{{"verdict", "same"}, {"reason", "r"}, {"revision", "1"}},
           nlohmann::json{{"verdict", "same"}, {"reason", ""}},
       }) {
    INFO(body.dump());
    const Answer a = f.Post(path, body, &browser);
    CHECK(a.status == 400);
    CHECK(a.ErrorCode() == "invalid_argument");
  }
  CHECK(f.Get(ItemPath(item), &browser).json["item"]["status"] == "open");
  CHECK(f.Post("/api/queue/999999/decide", {{"verdict", "same"}, {"reason", "r"}}, &browser)
            .status == 404);
}

TEST_CASE("API: viewers and DPOs read but may not decide, assign or approve", "[server]") {
  ServerFixture f({.users = {Role::kViewer, Role::kDpo}});
  for (Role role : {Role::kViewer, Role::kDpo}) {
    const Browser browser = f.Login(role);
    INFO(RoleName(role));
    const Answer page = f.Get("/api/queue", &browser);
    REQUIRE(page.status == 200);
    const nlohmann::json item = page.json["items"][0];
    CHECK(f.Get(ItemPath(item), &browser).status == 200);
    const Answer decide =
        f.Post(ItemPath(item, "/decide"), {{"verdict", "same"}, {"reason", "r"}}, &browser);
    CHECK(decide.status == 403);
    CHECK(decide.ErrorCode() == "permission_denied");
    CHECK(f.Post(ItemPath(item, "/assign"), {{"assignee", "steward"}}, &browser).status == 403);
    CHECK(f.Post("/api/dcr/1/approve", {{"reason", "r"}}, &browser).status == 403);
    CHECK(f.Post("/api/dcr/1/reject", {{"reason", "r"}}, &browser).status == 403);
    CHECK(f.Get(ItemPath(item), &browser).json["item"]["status"] == "open");
  }
}

TEST_CASE("API: a steward assigns an item and the queue filters by assignee", "[server]") {
  ServerFixture f;
  const Browser browser = f.Login(Role::kSteward);
  const nlohmann::json item = f.FirstOpenItem(browser);
  const Answer assigned = f.Post(ItemPath(item, "/assign"), {{"assignee", "bob"}}, &browser);
  REQUIRE(assigned.status == 200);
  CHECK(assigned.json["assignee"] == "bob");
  const Answer mine = f.Get("/api/queue?assignee=bob", &browser);
  REQUIRE(mine.json["items"].size() == 1);
  CHECK(mine.json["items"][0]["item_id"] == item["item_id"]);
  CHECK(f.Post(ItemPath(item, "/assign"), nlohmann::json::object(), &browser).status == 400);
  CHECK(f.Post("/api/queue/999999/assign", {{"assignee", "bob"}}, &browser).status == 404);
  CHECK(f.Post(ItemPath(item, "/assign"), {{"assignee", ""}}, &browser).json["assignee"] == "");
}

TEST_CASE("API: a golden record with its history and overrides, and search", "[server]") {
  ServerFixture f({.users = {Role::kViewer}});
  const Browser browser = f.Login(Role::kViewer);
  const Answer hits = f.Get("/api/search?q=Aubertin", &browser);
  REQUIRE(hits.status == 200);
  REQUIRE(hits.json["hits"].size() >= 1);
  const std::string golden_id = hits.json["hits"][0]["golden_id"];
  CHECK(hits.json["hits"][0]["members"] >= 1);

  const Answer golden = f.Get("/api/golden/" + golden_id, &browser);
  REQUIRE(golden.status == 200);
  CHECK(golden.json["golden"]["golden_id"] == golden_id);
  CHECK(golden.json["golden"]["name"]["value"]["family_name"] == "Aubertin");
  CHECK_FALSE(golden.json["golden"]["name"]["records"].empty());
  REQUIRE_FALSE(golden.json["history"].empty());
  CHECK(golden.json["history"][0]["kind"] == "created");
  CHECK(golden.json["overrides"].is_array());

  CHECK(f.Get("/api/golden/GNOSUCHID", &browser).status == 404);
  CHECK(f.Get("/api/search?q=Nobodyhasthisname", &browser).json["hits"].empty());
  CHECK(f.Get("/api/search?q=", &browser).status == 400);
  CHECK(f.Get("/api/search", &browser).status == 400);
  CHECK(f.Get("/api/search?q=Aubertin&limit=0", &browser).status == 400);
}

TEST_CASE("API: anyone submits a change request, stewards decide it", "[server]") {
  ServerFixture f({.users = {Role::kViewer, Role::kSteward}});
  const Browser viewer = f.Login(Role::kViewer);
  const Browser steward = f.Login(Role::kSteward);
  const std::string golden_id =
      f.Get("/api/search?q=Carpentier", &viewer).json["hits"][0]["golden_id"];
  const nlohmann::json request{{"golden_id", golden_id}, {"field", "family_name"},
                               {"value", "Carpentier-Roux"}, {"reason", "married in May"}};
  const Answer submitted = f.Post("/api/dcr", request, &viewer);
  REQUIRE(submitted.status == 201);
  CHECK(submitted.json["submitted_by"] == "viewer");
  CHECK(submitted.json["status"] == "open");
  const int64_t dcr_id = submitted.json["dcr_id"];

  const Answer open = f.Get("/api/dcr?status=open", &steward);
  REQUIRE(open.status == 200);
  REQUIRE(open.json["items"].size() == 1);
  CHECK(open.json["items"][0]["dcr_id"] == dcr_id);
  CHECK(f.Get("/api/dcr?status=approved", &steward).json["items"].empty());
  CHECK(f.Get("/api/dcr", &viewer).json["items"].size() == 1);
  CHECK(f.Get("/api/dcr?status=pending", &steward).status == 400);

  const std::string approve = absl::StrCat("/api/dcr/", dcr_id, "/approve");
  CHECK(f.Post(approve, nlohmann::json::object(), &steward).status == 400);
  const Answer approved = f.Post(approve, {{"reason", "checked the register"}}, &steward);
  REQUIRE(approved.status == 200);
  CHECK(approved.json["status"] == "approved");
  CHECK(approved.json["decided_by"] == "steward");
  const Answer golden = f.Get("/api/golden/" + golden_id, &viewer);
  REQUIRE(golden.json["overrides"].size() == 1);
  CHECK(golden.json["overrides"][0]["value"] == "Carpentier-Roux");

  CHECK(f.Post(absl::StrCat("/api/dcr/", dcr_id, "/reject"), {{"reason", "late"}}, &steward)
            .status == 409);
  CHECK(f.Post("/api/dcr/999999/reject", {{"reason", "r"}}, &steward).status == 404);
  nlohmann::json bad_field = request;
  bad_field["field"] = "favourite_colour";
  CHECK(f.Post("/api/dcr", bad_field, &viewer).status == 400);
  nlohmann::json no_reason = request;
  no_reason.erase("reason");
  CHECK(f.Post("/api/dcr", no_reason, &viewer).status == 400);
  nlohmann::json unknown_golden = request;
  unknown_golden["golden_id"] = "GNOSUCHID";
  CHECK(f.Post("/api/dcr", unknown_golden, &viewer).status == 404);
}

}  // namespace
}  // namespace mdm::server
