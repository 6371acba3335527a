// SPDX-License-Identifier: Apache-2.0
// mdm golden show ID: a golden record, the lineage of each value, its members.
// mdm golden history ID: every change to it.
// mdm xref SOURCE KEY: the golden record a source record belongs to now.
#include <iostream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "mdm/json.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/table.h"

namespace mdm::cli {
namespace {

struct GoldenFlags {
  std::string id;
  std::string source;
  std::string key;
};

std::string Show(const PersonName& n) {
  std::string out = n.display.empty() ? absl::StrCat(n.given_names, " ", n.family_name)
                                      : n.display;
  if (!n.maiden_name.empty()) absl::StrAppend(&out, " (born ", n.maiden_name, ")");
  return out;
}
std::string Show(const std::string& s) { return s; }
std::string Show(const Identifier& id) {
  return absl::StrCat(id.scheme, " ", id.value, " (", ValidityName(id.validity), ")");
}
std::string Show(const Address& a) {
  std::vector<std::string> parts;
  for (const std::string* p : {&a.street, &a.street2, &a.postcode, &a.city, &a.country}) {
    if (!p->empty()) parts.push_back(*p);
  }
  return absl::StrJoin(parts, ", ");
}
std::string Show(const Phone& p) {
  return absl::StrCat(p.e164.empty() ? p.raw : p.e164, " (", ValidityName(p.validity), ")");
}
std::string Show(const Email& e) {
  return absl::StrCat(e.normalized.empty() ? e.raw : e.normalized, " (",
                      ValidityName(e.validity), ")");
}
std::string Show(const Specialty& s) { return s.code.empty() ? s.raw : s.code; }
std::string Show(const Affiliation& a) {
  return a.org_id.empty() ? a.name : absl::StrCat(a.name, " [", a.org_id, "]");
}

template <typename T>
void AddRow(Table& table, const std::string& attribute, const Survived<T>& s, bool list) {
  if (s.lineage.records.empty() && s.lineage.rule.empty()) return;  // no value
  table.AddRow({attribute, absl::StrCat(list && s.primary ? "* " : list ? "  " : "", Show(s.value)),
                s.lineage.rule, absl::StrJoin(s.lineage.records, " ")});
}

template <typename T>
void AddRows(Table& table, const std::string& attribute, const std::vector<Survived<T>>& items) {
  for (const Survived<T>& s : items) AddRow(table, attribute, s, true);
}

void PrintGolden(const GoldenRecord& g, Engine& engine) {
  std::cout << "golden " << g.golden_id << "  " << GoldenStatusName(g.status);
  if (!g.merged_into.empty()) std::cout << " into " << g.merged_into;
  std::cout << "  (created in run " << g.created_run << ", last changed in run "
            << g.updated_run << ")\n";
  if (g.restricted) {
    std::cout << "RESTRICTED (GDPR Art. 18): kept, but out of matching and merges\n";
  }
  Table values({"attribute", "value (* primary)", "rule", "from records"});
  AddRow(values, "name", g.name, false);
  AddRow(values, "gender", g.gender, false);
  AddRow(values, "birth_date", g.birth_date, false);
  AddRow(values, "language", g.language, false);
  AddRows(values, "identifier", g.identifiers);
  AddRows(values, "address", g.addresses);
  AddRows(values, "phone", g.phones);
  AddRows(values, "email", g.emails);
  AddRows(values, "specialty", g.specialties);
  AddRows(values, "affiliation", g.affiliations);
  AddRows(values, "social_handle", g.social_handles);
  values.Print(std::cout);
  if (g.status == GoldenStatus::kActive) {
    absl::StatusOr<std::vector<EffectiveConsent>> consents = engine.Privacy().Consents(g.golden_id);
    if (consents.ok() && !consents->empty()) {
      std::cout << "\nconsent in force\n";
      Table table({"channel", "purpose", "consent", "since", "from"});
      for (const EffectiveConsent& c : *consents) {
        table.AddRow({c.channel, c.purpose.empty() ? "(any)" : c.purpose,
                      c.granted ? "granted" : "refused", c.observed_at, c.origin});
      }
      table.Print(std::cout);
    }
  }
  std::cout << "\nmember records (" << g.members.size() << ")\n";
  Table members({"record", "observed_at", "name"});
  for (const std::string& ref : g.members) {
    const size_t colon = ref.find(':');
    absl::StatusOr<StoredRecord> r = engine.Record(ref.substr(0, colon), ref.substr(colon + 1));
    if (!r.ok()) {
      members.AddRow({ref, "", std::string(r.status().message())});
      continue;
    }
    const SourceRecord& s = r->current.record;
    members.AddRow({ref, s.observed_at, s.deleted ? "(deleted)" : Show(s.name)});
  }
  members.Print(std::cout);
}

int ShowGolden(const CommonOptions& common, const GoldenFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<GoldenRecord> golden = (*engine)->Golden(flags.id);
  if (!golden.ok()) return Fail(golden.status());
  if (!common.json) {
    PrintGolden(*golden, **engine);
    return kOk;
  }
  // The golden record, then the current version of each member.
  std::string members;
  for (const std::string& ref : golden->members) {
    const size_t colon = ref.find(':');
    absl::StatusOr<StoredRecord> r = (*engine)->Record(ref.substr(0, colon), ref.substr(colon + 1));
    if (!r.ok()) return Fail(r.status());
    absl::StrAppend(&members, members.empty() ? "" : ",", SourceRecordToJson(r->current.record));
  }
  std::string consent = "[]";
  if (golden->status == GoldenStatus::kActive) {
    absl::StatusOr<std::vector<EffectiveConsent>> c =
        (*engine)->Privacy().Consents(golden->golden_id);
    if (!c.ok()) return Fail(c.status());
    consent = ConsentsToJson(*c);
  }
  std::cout << "{\"golden\":" << GoldenRecordToJson(*golden) << ",\"member_records\":[" << members
            << "],\"consent\":" << consent
            << ",\"restricted\":" << (golden->restricted ? "true" : "false") << "}\n";
  return kOk;
}

int History(const CommonOptions& common, const GoldenFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::vector<GoldenEvent>> events = (*engine)->GoldenHistory(flags.id);
  if (!events.ok()) return Fail(events.status());
  if (common.json) {
    std::cout << GoldenHistoryToJson(*events) << "\n";
    return kOk;
  }
  Table table({"event", "run", "at", "kind", "detail"});
  for (const GoldenEvent& e : *events) {
    table.AddRow({absl::StrCat(e.event_id), absl::StrCat(e.run_id), e.at, e.kind, e.detail});
  }
  table.Print(std::cout);
  return kOk;
}

int Xref(const CommonOptions& common, const GoldenFlags& flags) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<Crosswalk> xref = (*engine)->Xref(flags.source, flags.key);
  if (!xref.ok()) return Fail(xref.status());
  if (common.json) {
    std::cout << CrosswalkToJson(*xref) << "\n";
    return kOk;
  }
  std::cout << xref->source << ":" << xref->source_key << " -> " << xref->golden_id << " ("
            << GoldenStatusName(xref->status) << ")";
  if (xref->deleted) std::cout << ", record deleted";
  if (!xref->merged_from.empty()) {
    std::cout << ", via " << absl::StrJoin(xref->merged_from, " -> ");
  }
  std::cout << "\n";
  return kOk;
}

}  // namespace

void RegisterGolden(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<GoldenFlags>();
  auto bind = [&common, flags, action](CLI::App* command,
                                       int (*fn)(const CommonOptions&, const GoldenFlags&)) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  CLI::App* golden = app.add_subcommand("golden", "Golden records");
  golden->require_subcommand(1);
  CLI::App* show = golden->add_subcommand(
      "show", "Show a golden record: each value with its lineage, and its member records");
  AddCommonFlags(*show, common);
  show->add_option("id", flags->id, "Golden id")->required();
  bind(show, ShowGolden);
  CLI::App* history = golden->add_subcommand("history", "List every change to a golden record");
  AddCommonFlags(*history, common);
  history->add_option("id", flags->id, "Golden id")->required();
  bind(history, History);
  RegisterGoldenEdits(*golden, common, action);

  CLI::App* xref = app.add_subcommand(
      "xref", "The golden record a source record belongs to now (merges followed)");
  AddCommonFlags(*xref, common);
  xref->add_option("source", flags->source, "Source name")->required();
  xref->add_option("key", flags->key, "Source key")->required();
  bind(xref, Xref);
}

}  // namespace mdm::cli
