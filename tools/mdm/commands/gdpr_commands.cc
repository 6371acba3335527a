// SPDX-License-Identifier: Apache-2.0
// The privacy officer's commands (GDPR rights, mdm/privacy.h):
//   mdm gdpr erase (--golden ID | --source S --key K) --reason TEXT --officer NAME
//   mdm gdpr export --golden ID --reason TEXT --officer NAME [--out FILE]
//   mdm gdpr restrict|unrestrict ID --reason TEXT --officer NAME
//   mdm gdpr consent ID                     (the consent in force)
//   mdm gdpr consent ID --channel C [--purpose P] --grant|--withdraw --reason --officer
//   mdm gdpr retention --config mdm.yaml [--apply] [--dry-run] --officer NAME
//   mdm gdpr report --config mdm.yaml       (Art. 30 record of processing)
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
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

struct GdprFlags {
  std::string golden;
  std::string source;
  std::string key;
  std::string reason;
  std::string officer;
  std::string out;
  std::string channel;
  std::string purpose;
  bool grant = false;
  bool withdraw = false;
  std::string config;
  bool apply = false;
  bool dry_run = false;
  CLI::Option* db_option = nullptr;
};

// The export holds personal data: written owner-only, whole or not at all.
absl::Status WritePrivateFile(const std::string& path, const std::string& text) {
  const std::string tmp = absl::StrCat(path, ".tmp");
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot be written"));
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced || std::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return absl::UnavailableError(absl::StrCat(path, ": cannot be written"));
  }
  return absl::OkStatus();
}

int Erase(const CommonOptions& common, const GdprFlags& f) {
  if (f.golden.empty() == f.key.empty() || f.source.empty() != f.key.empty()) {
    std::cerr << "mdm: gdpr erase: name the person by --golden ID, or by --source and --key\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<ErasureReport> r =
      (*engine)->Privacy().Erase({f.golden, f.source, f.key, f.reason, f.officer});
  if (!r.ok()) return Fail(r.status());
  if (common.json) {
    std::cout << ErasureReportToJson(*r) << "\n";
    return kOk;
  }
  std::cout << "erased " << absl::StrJoin(r->erased_ids, ", ") << " (audit event " << r->audit_seq
            << "): " << r->source_records << " source records, " << r->history_versions
            << " older versions, " << r->review_items << " review items, " << r->steward_links
            << " steward links, " << r->overrides << " pins, " << r->change_requests
            << " change requests, " << r->consent_changes << " consent changes, " << r->row_issues
            << " row issues, " << r->audit_payloads << " audit payloads; " << r->suppression_keys
            << " suppression keys\n";
  if (r->shared_keys > 0) {
    std::cout << "note: " << r->shared_keys
              << " of the person's identifiers, e-mails, phones or name + postcode are also held "
                 "by other golden records, so they do not suppress: "
              << absl::StrJoin(r->other_golden_ids, ", ")
              << " (check them; erase them too if they are the same person)\n";
  }
  if (!r->wal_truncated) {
    std::cout << "warning: another process holds the store open, so its write-ahead log "
                 "could not be truncated yet; run `mdm audit verify` once it has closed\n";
  }
  return kOk;
}

int Export(const CommonOptions& common, const GdprFlags& f) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  absl::StatusOr<std::string> doc = (*engine)->Privacy().Export(f.golden, f.officer, f.reason);
  if (!doc.ok()) return Fail(doc.status());
  if (f.out.empty()) {
    std::cout << *doc << "\n";
    return kOk;
  }
  absl::Status written = WritePrivateFile(f.out, *doc + "\n");
  if (!written.ok()) return Fail(written);
  std::cerr << "wrote " << f.out << " (" << doc->size() << " bytes, owner-only)\n";
  return kOk;
}

int Restriction(const CommonOptions& common, const GdprFlags& f, bool restrict) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  Privacy& p = (*engine)->Privacy();
  absl::Status done = restrict ? p.Restrict(f.golden, f.officer, f.reason)
                               : p.Unrestrict(f.golden, f.officer, f.reason);
  if (!done.ok()) return Fail(done);
  std::cout << (common.json
                    ? absl::StrCat("{\"golden_id\":\"", f.golden,
                                   "\",\"restricted\":", restrict ? "true" : "false", "}")
                    : absl::StrCat(f.golden, restrict ? " is restricted" : " is unrestricted",
                                   "; the next `mdm run` reclusters its records"))
            << "\n";
  return kOk;
}

int Consent(const CommonOptions& common, const GdprFlags& f) {
  const bool setting = !f.channel.empty() || f.grant || f.withdraw;
  if (setting && (f.grant == f.withdraw || f.channel.empty())) {
    std::cerr << "mdm: gdpr consent: give --channel and one of --grant or --withdraw\n";
    return kUsage;
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());
  Privacy& p = (*engine)->Privacy();
  if (setting) {
    absl::Status set = p.SetConsent({f.golden, f.channel, f.purpose, f.grant, f.reason, f.officer});
    if (!set.ok()) return Fail(set);
  }
  absl::StatusOr<std::vector<EffectiveConsent>> consents = p.Consents(f.golden);
  if (!consents.ok()) return Fail(consents.status());
  if (common.json) {
    std::cout << ConsentsToJson(*consents) << "\n";
    return kOk;
  }
  Table table({"channel", "purpose", "consent", "since", "from"});
  for (const EffectiveConsent& c : *consents) {
    table.AddRow({c.channel, c.purpose.empty() ? "(any)" : c.purpose,
                  c.granted ? "granted" : "refused", c.observed_at, c.origin});
  }
  table.Print(std::cout);
  return kOk;
}

int Retention(const CommonOptions& common, const GdprFlags& f) {
  int exit_code = kOk;
  std::optional<ConfiguredEngine> opened =
      OpenWithConfig(common, f.db_option, f.config, 0, &exit_code);
  if (!opened) return exit_code;
  const bool dry_run = !f.apply || f.dry_run;
  absl::StatusOr<RetentionReport> r =
      opened->engine->Privacy().ApplyRetention(opened->config, dry_run, f.officer);
  if (!r.ok()) return Fail(r.status());
  if (common.json) {
    std::cout << RetentionReportToJson(*r) << "\n";
    return kOk;
  }
  Table table({"source", "retention days", "expire before", "expired"});
  for (const RetentionSource& s : r->sources) {
    table.AddRow({s.source, absl::StrCat(s.retention_days), s.cutoff, absl::StrCat(s.expired)});
  }
  table.Print(std::cout);
  if (dry_run) {
    std::cout << "dry run: nothing purged (add --apply to purge)\n";
  } else {
    std::cout << "purged " << r->purged << " source records";
    if (r->run.run_id != 0) {
      std::cout << " in run " << r->run.run_id << " (golden records: " << r->run.golden.updated
                << " updated, " << r->run.golden.retired << " retired, of which "
                << r->golden_records_emptied << " left without members were emptied with "
                << r->audit_payloads << " audit payloads)";
    }
    std::cout << "\n";
  }
  return kOk;
}

int Report(const CommonOptions& common, const GdprFlags& f) {
  int exit_code = kOk;
  std::optional<ConfiguredEngine> opened =
      OpenWithConfig(common, f.db_option, f.config, 0, &exit_code);
  if (!opened) return exit_code;
  absl::StatusOr<ProcessingReport> r = opened->engine->Privacy().Report(opened->config);
  if (!r.ok()) return Fail(r.status());
  if (common.json) {
    std::cout << ProcessingReportToJson(*r) << "\n";
    return kOk;
  }
  std::cout << "record of processing (GDPR Art. 30), " << r->generated_at << ", config "
            << r->config_path << "\n";
  Table table({"source", "type", "lawful basis", "retention", "records", "files"});
  for (const ProcessingSource& s : r->sources) {
    table.AddRow({s.name, s.type, s.lawful_basis,
                  s.retention_days == 0 ? "until erased" : absl::StrCat(s.retention_days, " days"),
                  absl::StrCat(s.records), absl::StrCat(s.files)});
  }
  table.Print(std::cout);
  std::cout << "golden records: " << r->active_golden_records << " active, " << r->restricted
            << " restricted; erasures: " << r->erasures << " (" << r->suppression_keys
            << " suppression keys); audit events: " << r->audit_events << "\n";
  std::cout << "last run: "
            << (r->last_run_id == 0 ? std::string("none")
                                    : absl::StrCat(r->last_run_id, " at ", r->last_run_at))
            << "\n";
  return kOk;
}

}  // namespace

void RegisterGdpr(CLI::App& app, CommonOptions& common, Action* action) {
  CLI::App* gdpr = app.add_subcommand("gdpr",
                                      "Data subjects' rights: erase, export, restrict, "
                                      "consent, retention, report");
  gdpr->require_subcommand(1);
  auto flags = std::make_shared<GdprFlags>();
  auto bind = [&common, flags, action](
                  CLI::App* command,
                  std::function<int(const CommonOptions&, const GdprFlags&)> fn) {
    command->callback([&common, flags, action, fn] {
      *action = [&common, flags, fn] { return fn(common, *flags); };
    });
  };
  auto who = [&flags](CLI::App* command) {
    command->add_option("--reason", flags->reason, "Why (kept in the audit trail)")->required();
    command->add_option("--officer", flags->officer, "Who acts")->required();
  };

  CLI::App* erase = gdpr->add_subcommand(
      "erase", "Erase a person (Art. 17) and keep them from being loaded again");
  AddCommonFlags(*erase, common);
  erase->add_option("--golden", flags->golden, "The person's golden id");
  erase->add_option("--source", flags->source, "Or a source of one of their records");
  erase->add_option("--key", flags->key, "... and that record's key");
  who(erase);
  bind(erase, Erase);

  CLI::App* exp = gdpr->add_subcommand(
      "export", "Everything held about a person, as one JSON document (Art. 15)");
  AddCommonFlags(*exp, common);
  exp->add_option("--golden", flags->golden, "The person's golden id")->required();
  exp->add_option("--out", flags->out, "Write to this file (owner-only) instead of stdout");
  who(exp);
  bind(exp, Export);

  for (bool restrict : {true, false}) {
    CLI::App* r = gdpr->add_subcommand(
        restrict ? "restrict" : "unrestrict",
        restrict ? "Keep a golden record but leave it out of matching and merges (Art. 18)"
                 : "Lift a restriction");
    AddCommonFlags(*r, common);
    r->add_option("id", flags->golden, "Golden id")->required();
    who(r);
    bind(r, [restrict](const CommonOptions& c, const GdprFlags& f) {
      return Restriction(c, f, restrict);
    });
  }

  CLI::App* consent = gdpr->add_subcommand(
      "consent", "Show the consent in force, or record a consent or objection (Art. 21)");
  AddCommonFlags(*consent, common);
  consent->add_option("id", flags->golden, "Golden id")->required();
  consent->add_option("--channel", flags->channel, "email, phone or visit");
  consent->add_option("--purpose", flags->purpose, "What for (default: any purpose)");
  consent->add_flag("--grant", flags->grant, "The person consents");
  consent->add_flag("--withdraw", flags->withdraw, "The person objects or withdraws consent");
  consent->add_option("--reason", flags->reason, "Why (required when recording)");
  consent->add_option("--officer", flags->officer, "Who records it (required when recording)");
  bind(consent, Consent);

  CLI::App* retention = gdpr->add_subcommand(
      "retention", "Purge source records kept past their source's retention_days");
  flags->db_option = AddCommonFlags(*retention, common);
  retention->add_option("--config", flags->config, "mdm.yaml")->required();
  retention->add_flag("--apply", flags->apply, "Purge (without it: report only)");
  retention->add_flag("--dry-run", flags->dry_run, "Report only, even with --apply");
  retention->add_option("--officer", flags->officer, "Who acts")->required();
  bind(retention, Retention);

  CLI::App* report = gdpr->add_subcommand(
      "report", "Record of processing (Art. 30): sources, lawful bases, counts, retention");
  CLI::Option* report_db = AddCommonFlags(*report, common);
  report->add_option("--config", flags->config, "mdm.yaml")->required();
  report->callback([&common, flags, action, report_db] {
    flags->db_option = report_db;
    *action = [&common, flags] { return Report(common, *flags); };
  });
}

}  // namespace mdm::cli
