// SPDX-License-Identifier: Apache-2.0
// The JSON renderings of steward types (mdm/json.h, mdm/model/steward_json.cc).
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "mdm/json.h"

namespace mdm {
namespace {

ReviewItem DecidedItem() {
  ReviewItem item;
  item.item_id = 7;
  item.a = {"crm", "C100", "GA", 3};
  item.b = {"msl", "M500", "GB", 1};
  item.reason = "review_band";
  item.probability = 0.5;
  item.match_weight = 0.25;
  item.priority = 1.2;
  item.status = "decided";
  item.revision = 4;
  item.created_run = 1;
  item.updated_run = 2;
  item.decision = "same";
  item.decided_by = "alice";
  item.decided_at = "2027-01-01T00:00:00Z";
  item.decision_reason = "same RPPS";
  item.applied = true;
  return item;
}

TEST_CASE("ReviewItemToJson: every documented key, sides nested", "[model]") {
  const nlohmann::json j = nlohmann::json::parse(ReviewItemToJson(DecidedItem()));
  CHECK(j["item_id"] == 7);
  CHECK(j["a"] == nlohmann::json{{"source", "crm"}, {"source_key", "C100"},
                                 {"golden_id", "GA"}, {"golden_members", 3}});
  CHECK(j["b"]["source_key"] == "M500");
  CHECK(j["probability"] == 0.5);
  CHECK(j["revision"] == 4);
  CHECK(j["decision"] == "same");
  CHECK(j["decision_reason"] == "same RPPS");
  CHECK(j["applied"] == true);
  CHECK(j.size() == 17);
  const nlohmann::json open = nlohmann::json::parse(ReviewItemToJson(ReviewItem{}));
  CHECK(open.size() == 17);
  CHECK(open["decision"] == "");
}

TEST_CASE("QueuePageToJson and ReviewItemDetailToJson: nest items and explanation", "[model]") {
  QueuePage page;
  page.total = 12;
  page.items = {DecidedItem(), DecidedItem()};
  const nlohmann::json p = nlohmann::json::parse(QueuePageToJson(page));
  CHECK(p["total"] == 12);
  CHECK(p["items"].size() == 2);

  ReviewItemDetail detail;
  detail.item = DecidedItem();
  detail.fields = {{"name", "Anne \"Annie\" Fournel", "Anne Fournel", true}};
  detail.explanation.prior_weight = -9;
  detail.explanation.terms = {{"name", "exact", 0.9, 0.01, 6.5, 0.5, "a", "b"}};
  const nlohmann::json d = nlohmann::json::parse(ReviewItemDetailToJson(detail));
  CHECK(d["item"]["item_id"] == 7);
  CHECK(d["fields"][0] == nlohmann::json{{"field", "name"},
                                         {"value_a", "Anne \"Annie\" Fournel"},
                                         {"value_b", "Anne Fournel"},
                                         {"differs", true}});
  CHECK(d["explanation"] == nlohmann::json::parse(ExplanationToJson(detail.explanation)));
}

TEST_CASE("Overrides, change requests, hits and users render their fields", "[model]") {
  Override o;
  o.override_id = 3;
  o.golden_id = "GA";
  o.field = "family_name";
  o.value = "Fournel";
  o.pinned = false;
  const nlohmann::json overrides = nlohmann::json::parse(OverridesToJson({o}));
  REQUIRE(overrides.size() == 1);
  CHECK(overrides[0]["override_id"] == 3);
  CHECK(overrides[0]["pinned"] == false);
  CHECK(nlohmann::json::parse(OverrideToJson(o)) == overrides[0]);

  ChangeRequest c;
  c.dcr_id = 9;
  c.status = ChangeRequestStatus::kRejected;
  c.submitted_by = "rep1";
  const nlohmann::json changes = nlohmann::json::parse(ChangeRequestsToJson({c}));
  CHECK(changes[0]["status"] == "rejected");
  CHECK(changes[0]["submitted_by"] == "rep1");
  CHECK(changes[0].size() == 11);
  CHECK(nlohmann::json::parse(ChangeRequestToJson(c)) == changes[0]);

  const nlohmann::json hits =
      nlohmann::json::parse(GoldenHitsToJson({{"GA", "FOURNEL Anne", 2}}));
  CHECK(hits[0] == nlohmann::json{{"golden_id", "GA"}, {"display_name", "FOURNEL Anne"},
                                  {"members", 2}});
  CHECK(GoldenHitsToJson({}) == "[]");

  const User u{"alice", Role::kDpo, "2027-01-01T00:00:00Z"};
  const nlohmann::json users = nlohmann::json::parse(UsersToJson({u}));
  CHECK(users[0] == nlohmann::json{{"name", "alice"}, {"role", "dpo"},
                                   {"created_at", "2027-01-01T00:00:00Z"}});
  CHECK(nlohmann::json::parse(UserToJson(u)) == users[0]);
}

}  // namespace
}  // namespace mdm
