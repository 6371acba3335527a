// SPDX-License-Identifier: Apache-2.0
#include "mdm/privacy/privacy_service.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "mdm/base/clip.h"
#include "mdm/base/iso_time.h"
#include "mdm/base/json_writer.h"
#include "mdm/model/record_json.h"
#include "mdm/privacy/audit_chain.h"
#include "mdm/privacy/audit_trail.h"
#include "mdm/privacy/consent.h"
#include "mdm/privacy/erasure.h"
#include "mdm/privacy/processing_report.h"
#include "mdm/privacy/retention.h"
#include "mdm/privacy/subject_export.h"
#include "mdm/status.h"
#include "mdm/steward/steward_context.h"

namespace mdm::privacy {
namespace {

// "" (from the start), an ISO-8601 date ("2026-11-30", UTC) or time
// ("2026-11-30T08:00:00Z", "2026-11-30T09:00:00+01:00") that exists, as
// the IsoUtc() text events are stamped with.
absl::StatusOr<std::string> ParseSince(absl::string_view since) {
  if (since.empty()) return std::string();
  // Parsing normalises 2026-02-30 to March: the date and time must format
  // back to the text given, so that only a real day and time pass.
  auto exists = [](const char* format, absl::string_view text) {
    absl::Time t;
    std::string error;
    return absl::ParseTime(format, text, absl::UTCTimeZone(), &t, &error) &&
           absl::FormatTime(format, t, absl::UTCTimeZone()) == text;
  };
  absl::Time t;
  std::string error;
  if (since.size() == 10 && exists("%Y-%m-%d", since) &&
      absl::ParseTime("%Y-%m-%d", since, absl::UTCTimeZone(), &t, &error)) {
    return base::IsoUtc(t);
  }
  if (since.size() > 19 && exists("%Y-%m-%dT%H:%M:%S", since.substr(0, 19))) {
    const absl::string_view zone = since.substr(19);
    if ((zone == "Z" &&
         absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", since, absl::UTCTimeZone(), &t, &error)) ||
        (zone != "Z" &&
         absl::ParseTime("%Y-%m-%dT%H:%M:%S%Ez", since, absl::UTCTimeZone(), &t, &error))) {
      return base::IsoUtc(t);
    }
  }
  return absl::InvalidArgumentError(
      "since must be an ISO-8601 date or time that exists (2026-11-30 or 2026-11-30T08:00:00Z)");
}

class PrivacyService final : public Privacy {
 public:
  explicit PrivacyService(PrivacyContext ctx) : ctx_(std::move(ctx)) {}

  absl::StatusOr<std::vector<AuditEvent>> AuditLog(const AuditQuery& query) override {
    AuditQuery q = query;
    MDM_ASSIGN_OR_RETURN(q.since, ParseSince(query.since));
    if (query.limit < 1 || query.limit > 1000000) {
      return absl::InvalidArgumentError("limit must be between 1 and 1000000");
    }
    if (!query.golden_id.empty()) {
      MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row,
                           ctx_.store.FindGolden(query.golden_id));
      if (!row) return UnknownGolden(query.golden_id);
    }
    return ctx_.store.QueryAuditEvents(q);
  }

  absl::StatusOr<AuditVerification> VerifyAudit() override {
    MDM_ASSIGN_OR_RETURN(auto subjects, ctx_.store.ListAuditSubjects());
    MDM_ASSIGN_OR_RETURN(std::unique_ptr<base::HmacSha256> key, LoadChainKey(ctx_.key_path));
    ChainVerifier verifier(*key);
    size_t next = 0;  // subjects and events both come by seq
    std::vector<std::string> of_event;
    const absl::Status scanned =
        ctx_.store.ScanAuditEvents([&](const AuditEvent& e, const store::AuditPayloadRow* p) {
          of_event.clear();
          while (next < subjects.size() && subjects[next].first < e.seq) ++next;
          for (; next < subjects.size() && subjects[next].first == e.seq; ++next) {
            of_event.push_back(subjects[next].second);
          }
          verifier.Add(e, p, of_event);
          return absl::OkStatus();
        });
    MDM_RETURN_IF_ERROR(scanned);
    return verifier.Finish();
  }

  absl::StatusOr<ErasureReport> Erase(const ErasureRequest& request) override {
    return ErasePerson(ctx_, request);
  }

  absl::StatusOr<std::string> Export(absl::string_view golden_id, absl::string_view actor,
                                     absl::string_view reason) override {
    return ExportSubject(ctx_, golden_id, actor, reason);
  }

  absl::Status Restrict(absl::string_view golden_id, absl::string_view actor,
                        absl::string_view reason) override {
    return ChangeRestriction(golden_id, actor, reason, true);
  }

  absl::Status Unrestrict(absl::string_view golden_id, absl::string_view actor,
                          absl::string_view reason) override {
    return ChangeRestriction(golden_id, actor, reason, false);
  }

  absl::StatusOr<bool> IsRestricted(absl::string_view golden_id) override {
    MDM_ASSIGN_OR_RETURN(std::optional<store::GoldenRow> row, ctx_.store.FindGolden(golden_id));
    if (!row) return UnknownGolden(golden_id);
    MDM_ASSIGN_OR_RETURN(std::optional<store::RestrictionRow> r,
                         ctx_.store.GetRestriction(row->golden_id));
    return r.has_value();
  }

  absl::Status SetConsent(const ConsentChange& change) override {
    MDM_RETURN_IF_ERROR(CheckConsent(change.channel, change.purpose));
    MDM_RETURN_IF_ERROR(steward::CheckText("reason", change.reason));
    MDM_RETURN_IF_ERROR(steward::CheckText("actor", change.actor));
    MDM_ASSIGN_OR_RETURN(steward::GoldenTarget target,
                         steward::ActiveGolden(ctx_.store, change.golden_id));
    const steward::Context write{ctx_.store, ctx_.clock};
    return write.InWrite([&]() -> absl::Status {
      const std::string at = write.Now();
      MDM_RETURN_IF_ERROR(
          ctx_.store
              .InsertConsentChange({0, target.row.golden_id, change.channel, change.purpose,
                                    change.granted, at, change.actor, change.reason})
              .status());
      std::string payload;
      base::JsonWriter w(&payload);
      w.BeginObject();
      w.Key("channel");
      w.String(change.channel);
      w.Key("purpose");
      w.String(change.purpose);
      w.Key("granted");
      w.Bool(change.granted);
      w.Key("reason");
      w.String(change.reason);
      w.EndObject();
      AuditTrail audit(ctx_.store, ctx_.clock, ctx_.key_path);
      return audit
          .Append(
              {change.actor, "consent.set", {target.row.golden_id}, {}, 0, "", std::move(payload)})
          .status();
    });
  }

  absl::StatusOr<std::vector<EffectiveConsent>> Consents(absl::string_view golden_id) override {
    MDM_ASSIGN_OR_RETURN(steward::GoldenTarget target,
                         steward::ActiveGolden(ctx_.store, golden_id));
    std::vector<SourceRecord> members;
    const absl::Status read = ctx_.store.ReadRecordJsons(
        target.members, [&members](int64_t, absl::string_view json) -> absl::Status {
          MDM_ASSIGN_OR_RETURN(SourceRecord r, model::RecordFromJson(json));
          members.push_back(std::move(r));
          return absl::OkStatus();
        });
    MDM_RETURN_IF_ERROR(read);
    MDM_ASSIGN_OR_RETURN(std::vector<store::ConsentChangeRow> changes,
                         ConsentChangesOf(ctx_.store, target.row.golden_id));
    return EffectiveConsents(members, changes);
  }

  absl::StatusOr<RetentionReport> ApplyRetention(const Config& config, bool dry_run,
                                                 absl::string_view actor) override {
    return privacy::ApplyRetention(ctx_, config, dry_run, actor);
  }

  absl::StatusOr<ProcessingReport> Report(const Config& config) override {
    return BuildProcessingReport(ctx_, config);
  }

 private:
  static absl::Status UnknownGolden(absl::string_view id) {
    return absl::NotFoundError(absl::StrCat("no golden record ", base::Clip(id)));
  }

  // The restricted record's members are reclustered by the next run, which
  // then keeps them together and apart from everyone (or lets them go).
  absl::Status ChangeRestriction(absl::string_view golden_id, absl::string_view actor,
                                 absl::string_view reason, bool restrict) {
    MDM_RETURN_IF_ERROR(steward::CheckText("reason", reason));
    MDM_RETURN_IF_ERROR(steward::CheckText("actor", actor));
    MDM_ASSIGN_OR_RETURN(steward::GoldenTarget target,
                         steward::ActiveGolden(ctx_.store, golden_id));
    const std::string& id = target.row.golden_id;
    const steward::Context write{ctx_.store, ctx_.clock};
    const absl::Status written = write.InWrite([&]() -> absl::Status {
      MDM_ASSIGN_OR_RETURN(std::optional<store::RestrictionRow> now, ctx_.store.GetRestriction(id));
      if (restrict && now) {
        return absl::AlreadyExistsError(
            absl::StrCat("golden record ", id, " is already restricted"));
      }
      if (!restrict && !now) {
        return absl::FailedPreconditionError(
            absl::StrCat("golden record ", id, " is not restricted"));
      }
      if (restrict) {
        MDM_RETURN_IF_ERROR(
            ctx_.store.PutRestriction({id, write.Now(), std::string(actor), std::string(reason)}));
      } else {
        MDM_RETURN_IF_ERROR(ctx_.store.DeleteRestriction(id).status());
      }
      for (int64_t record : target.members) {
        MDM_RETURN_IF_ERROR(ctx_.store.AddPendingRecord(record));
      }
      AuditTrail audit(ctx_.store, ctx_.clock, ctx_.key_path);
      return audit
          .Append({std::string(actor),
                   restrict ? "gdpr.restrict" : "gdpr.unrestrict",
                   {id},
                   {},
                   0,
                   "",
                   TextPayload({{"reason", reason}})})
          .status();
    });
    MDM_RETURN_IF_ERROR(written);
    if (ctx_.on_change) ctx_.on_change();
    return absl::OkStatus();
  }

  PrivacyContext ctx_;
};

}  // namespace

std::unique_ptr<Privacy> NewPrivacyService(PrivacyContext context) {
  return std::make_unique<PrivacyService>(std::move(context));
}

}  // namespace mdm::privacy
