// SPDX-License-Identifier: Apache-2.0
// The JSON renderings of steward types declared in mdm/json.h.
#include <nlohmann/json.hpp>

#include "mdm/json.h"
#include "mdm/model/json_dump.h"

namespace mdm {
namespace {

using Json = nlohmann::ordered_json;

Json SideJson(const ReviewSide& s) {
  return Json{{"source", s.source},
              {"source_key", s.source_key},
              {"golden_id", s.golden_id},
              {"golden_members", s.golden_members}};
}

Json ItemJson(const ReviewItem& i) {
  return Json{{"item_id", i.item_id},
              {"a", SideJson(i.a)},
              {"b", SideJson(i.b)},
              {"reason", i.reason},
              {"probability", i.probability},
              {"match_weight", i.match_weight},
              {"priority", i.priority},
              {"status", i.status},
              {"assignee", i.assignee},
              {"revision", i.revision},
              {"created_run", i.created_run},
              {"updated_run", i.updated_run},
              {"decision", i.decision},
              {"decided_by", i.decided_by},
              {"decided_at", i.decided_at},
              {"decision_reason", i.decision_reason},
              {"applied", i.applied}};
}

Json OverrideJson(const Override& o) {
  return Json{{"override_id", o.override_id}, {"golden_id", o.golden_id},
              {"field", o.field},             {"value", o.value},
              {"steward", o.steward},         {"reason", o.reason},
              {"created_at", o.created_at},   {"pinned", o.pinned},
              {"unpinned_by", o.unpinned_by}, {"unpinned_at", o.unpinned_at}};
}

Json ChangeRequestJson(const ChangeRequest& c) {
  return Json{{"dcr_id", c.dcr_id},
              {"golden_id", c.golden_id},
              {"field", c.field},
              {"value", c.value},
              {"submitted_by", c.submitted_by},
              {"reason", c.reason},
              {"submitted_at", c.submitted_at},
              {"status", ChangeRequestStatusName(c.status)},
              {"decided_by", c.decided_by},
              {"decided_at", c.decided_at},
              {"decision_reason", c.decision_reason}};
}

Json UserJson(const User& u) {
  return Json{{"name", u.name}, {"role", RoleName(u.role)}, {"created_at", u.created_at}};
}

template <typename T, typename F>
std::string ArrayToJson(const std::vector<T>& values, F to_json) {
  Json out = Json::array();
  for (const T& v : values) out.push_back(to_json(v));
  return model::DumpJson(out);
}

}  // namespace

std::string ReviewItemToJson(const ReviewItem& item) { return model::DumpJson(ItemJson(item)); }

std::string QueuePageToJson(const QueuePage& page) {
  Json items = Json::array();
  for (const ReviewItem& i : page.items) items.push_back(ItemJson(i));
  return model::DumpJson(Json{{"total", page.total}, {"items", items}});
}

std::string ReviewItemDetailToJson(const ReviewItemDetail& detail) {
  Json fields = Json::array();
  for (const FieldComparison& f : detail.fields) {
    fields.push_back(Json{{"field", f.field}, {"value_a", f.value_a}, {"value_b", f.value_b},
                          {"differs", f.differs}});
  }
  // One rendering of an explanation for the whole API: ExplanationToJson's
  // (which is valid JSON by construction, so the parse cannot fail).
  Json explanation = Json::parse(ExplanationToJson(detail.explanation), nullptr,
                                 /*allow_exceptions=*/false);
  return model::DumpJson(
      Json{{"item", ItemJson(detail.item)}, {"fields", fields}, {"explanation", explanation}});
}

std::string OverrideToJson(const Override& pinned) { return model::DumpJson(OverrideJson(pinned)); }

std::string OverridesToJson(const std::vector<Override>& overrides) {
  return ArrayToJson(overrides, OverrideJson);
}

std::string ChangeRequestToJson(const ChangeRequest& request) {
  return model::DumpJson(ChangeRequestJson(request));
}

std::string ChangeRequestsToJson(const std::vector<ChangeRequest>& requests) {
  return ArrayToJson(requests, ChangeRequestJson);
}

std::string GoldenHitsToJson(const std::vector<GoldenHit>& hits) {
  return ArrayToJson(hits, [](const GoldenHit& h) {
    return Json{{"golden_id", h.golden_id}, {"display_name", h.display_name},
                {"members", h.members}};
  });
}

std::string UserToJson(const User& user) { return model::DumpJson(UserJson(user)); }

std::string UsersToJson(const std::vector<User>& users) { return ArrayToJson(users, UserJson); }

}  // namespace mdm
