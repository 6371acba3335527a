// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/subject_export.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "mdm/json.h"
#include "mdm/model/json_dump.h"
#include "mdm/pipeline/golden_lookup.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/privacy/consent.h"
#include "mdm/privacy/subject.h"
#include "mdm/status.h"
#include "mdm/steward/steward_context.h"

namespace mdm::privacy {
namespace {

using Json = nlohmann::ordered_json;

// The library's own renderings: never malformed, but no exception may leave
// the library, so a failure shows as null rather than a throw.
Json Parsed(const std::string& text) {
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json() : parsed;
}

// The source's settings a record was loaded under, by the record itself.
Json SourceRecordJson(const StoredRecord& r) {
  const SourceRecord& rec = r.current.record;
  Json out{{"source", rec.source},
           {"source_key", rec.source_key},
           {"source_type", SourceTypeName(rec.source_type)},
           {"lawful_basis", rec.lawful_basis}};
  out["stored"] = Parsed(StoredRecordToJson(r));
  return out;
}

absl::StatusOr<Json> StewardJson(store::Store& store, const Subject& s) {
  Json out{{"review_decisions", Json::array()},
           {"links", Json::array()},
           {"overrides", Json::array()},
           {"change_requests", Json::array()}};
  const auto is_member = [&s](int64_t id) {
    return std::binary_search(s.record_ids.begin(), s.record_ids.end(), id);
  };
  // Decided items about the person, whatever page they are on.
  store::ReviewFilter decided{"decided", "", 0, 1000};
  for (;;) {
    MDM_ASSIGN_OR_RETURN(auto page, store.QueryReviewItems(decided));
    for (const store::ReviewItemRow& i : page.first) {
      if (!is_member(i.record_a) && !is_member(i.record_b)) continue;
      out["review_decisions"].push_back(Json{{"item_id", i.item_id},
                                             {"decision", i.decision},
                                             {"decided_by", i.decided_by},
                                             {"decided_at", i.decided_at},
                                             {"reason", i.decision_reason}});
    }
    decided.offset += decided.limit;
    if (page.first.empty() || decided.offset >= page.second) break;
  }
  MDM_ASSIGN_OR_RETURN(std::vector<store::StewardLink> links, store.ReadStewardLinks(s.record_ids));
  for (const store::StewardLink& l : links) {
    out["links"].push_back(Json{{"kind", l.kind},
                                {"origin", l.origin},
                                {"steward", l.steward},
                                {"reason", l.reason},
                                {"created_at", l.created_at}});
  }
  for (const std::string& id : s.GoldenIds()) {
    MDM_ASSIGN_OR_RETURN(std::vector<store::OverrideRow> pins, store.ListOverrides(id, true));
    for (const store::OverrideRow& o : pins) {
      out["overrides"].push_back(Json{{"golden_id", o.golden_id},
                                      {"field", o.field},
                                      {"value", o.value},
                                      {"steward", o.steward},
                                      {"reason", o.reason},
                                      {"created_at", o.created_at},
                                      {"pinned", o.pinned}});
    }
  }
  MDM_ASSIGN_OR_RETURN(std::vector<ChangeRequest> dcrs, store.ListChangeRequests("", 1 << 30));
  for (const ChangeRequest& c : dcrs) {
    const std::vector<std::string> ids = s.GoldenIds();
    if (std::find(ids.begin(), ids.end(), c.golden_id) == ids.end()) continue;
    out["change_requests"].push_back(Parsed(ChangeRequestToJson(c)));
  }
  return out;
}

}  // namespace

absl::StatusOr<std::string> ExportSubject(const PrivacyContext& ctx, absl::string_view golden_id,
                                          absl::string_view actor, absl::string_view reason) {
  MDM_RETURN_IF_ERROR(steward::CheckText("reason", reason));
  MDM_RETURN_IF_ERROR(steward::CheckText("actor", actor));
  store::Store& store = ctx.store;
  MDM_ASSIGN_OR_RETURN(std::string id,
                       ResolveSubject(store, golden_id, "", "", /*allow_erased=*/true));
  MDM_ASSIGN_OR_RETURN(Subject s, LoadSubject(store, id));
  MDM_ASSIGN_OR_RETURN(GoldenRecord golden, pipeline::LookupGolden(store, id));

  Json doc{{"format", kExportFormat}, {"golden_id", id}};
  doc["golden_record"] = Parsed(GoldenRecordToJson(golden));
  doc["merged_ids"] = Json::array();
  for (const store::GoldenRow& a : s.absorbed) doc["merged_ids"].push_back(a.golden_id);
  doc["source_records"] = Json::array();
  std::vector<SourceRecord> current;
  for (const StoredRecord& r : s.records) {
    doc["source_records"].push_back(SourceRecordJson(r));
    if (!r.current.record.deleted) current.push_back(r.current.record);
  }
  MDM_ASSIGN_OR_RETURN(doc["steward"], StewardJson(store, s));
  MDM_ASSIGN_OR_RETURN(std::vector<store::ConsentChangeRow> changes, ConsentChangesOf(store, id));
  doc["consent"] = Parsed(ConsentsToJson(EffectiveConsents(current, changes)));
  MDM_ASSIGN_OR_RETURN(std::optional<store::RestrictionRow> restriction, store.GetRestriction(id));
  doc["restricted"] = restriction.has_value();

  const steward::Context write{store, ctx.clock};
  const absl::Status written = write.InWrite([&]() -> absl::Status {
    AuditTrail audit(store, ctx.clock, ctx.key_path);
    return audit
        .Append(
            {std::string(actor), "gdpr.export", {id}, {}, 0, "", TextPayload({{"reason", reason}})})
        .status();
  });
  MDM_RETURN_IF_ERROR(written);
  // The events are read after the export's own, so the document shows it.
  std::vector<AuditEvent> events;
  for (const std::string& about : s.GoldenIds()) {
    MDM_ASSIGN_OR_RETURN(std::vector<AuditEvent> some,
                         store.QueryAuditEvents({about, "", 1 << 30, true}));
    events.insert(events.end(), some.begin(), some.end());
  }
  std::sort(events.begin(), events.end(),
            [](const AuditEvent& a, const AuditEvent& b) { return a.seq < b.seq; });
  events.erase(std::unique(events.begin(), events.end(),
                           [](const AuditEvent& a, const AuditEvent& b) { return a.seq == b.seq; }),
               events.end());
  doc["audit_events"] = Parsed(AuditEventsToJson(events));
  return model::DumpJson(doc);
}

}  // namespace mdm::privacy
