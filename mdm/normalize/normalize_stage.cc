// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/normalize_stage.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "mdm/normalize/address_normalizer.h"
#include "mdm/normalize/email_normalizer.h"
#include "mdm/normalize/identifier_validator.h"
#include "mdm/normalize/name_parser.h"
#include "mdm/normalize/phone_normalizer.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::normalize {
namespace {

using model::IssueReason;

void Warn(NormalizeOutcome& out, absl::string_view field, IssueReason reason,
          absl::string_view detail) {
  out.issues.push_back({"", 0, std::string(field), reason, std::string(detail),
                        out.record.source_key});
}

// Keeps the first of each group of items with the same key.
template <typename T, typename KeyFn>
void Dedupe(std::vector<T>& items, KeyFn key) {
  absl::flat_hash_set<std::string> seen;
  std::erase_if(items, [&](const T& item) { return !seen.insert(key(item)).second; });
}

void NormalizeName(NormalizeOutcome& out) {
  PersonName& n = out.record.name;
  // The builder put raw parts where the parser reads them; copies because the
  // parser's views must outlive the assignment.
  const PersonName raw = n;
  n = ParseName({raw.display, raw.title, raw.given_names, "", raw.family_name,
                 raw.maiden_name, raw.suffix});
}

// Spellings of gender in FR/EN/DE exports, and the 1/2 of INSEE coding.
char GenderCode(absl::string_view key) {
  static constexpr std::pair<absl::string_view, char> kSpellings[] = {
      {"f", 'F'},         {"female", 'F'},    {"femme", 'F'},    {"feminin", 'F'},
      {"w", 'F'},         {"weiblich", 'F'},  {"2", 'F'},        {"m", 'M'},
      {"male", 'M'},      {"homme", 'M'},     {"masculin", 'M'}, {"h", 'M'},
      {"maennlich", 'M'}, {"mannlich", 'M'},  {"1", 'M'},        {"x", 'X'},
      {"other", 'X'},     {"autre", 'X'},     {"divers", 'X'},   {"d", 'X'},
      {"non binary", 'X'}, {"nonbinary", 'X'}};
  for (const auto& [spelling, code] : kSpellings) {
    if (key == spelling) return code;
  }
  return '\0';
}

void NormalizeGender(NormalizeOutcome& out) {
  std::string& g = out.record.gender;
  if (g.empty()) return;
  const char code = GenderCode(FoldKey(g));
  g.clear();
  if (code != '\0') {
    g.push_back(code);
  } else {
    Warn(out, "gender", IssueReason::kInvalidGender,
         "expected F, M or X (or a spelling of them)");
  }
}

void NormalizeDates(NormalizeOutcome& out, DateOrder order) {
  SourceRecord& r = out.record;
  if (!r.observed_at.empty()) {
    std::optional<std::string> ts = NormalizeTimestamp(r.observed_at, order);
    if (!ts) Warn(out, "observed_at", IssueReason::kInvalidDate, "not a date or timestamp");
    r.observed_at = ts.value_or("");
  }
  if (!r.birth_date.empty()) {
    std::optional<std::string> d = NormalizeDate(r.birth_date, order);
    if (!d) Warn(out, "birth_date", IssueReason::kInvalidDate, "not a date");
    r.birth_date = d.value_or("");
  }
}

void NormalizeLanguage(std::string& language) {
  std::string key = FoldKey(language);
  static constexpr std::pair<const char*, const char*> kNames[] = {
      {"french", "fr"}, {"francais", "fr"}, {"english", "en"}, {"anglais", "en"},
      {"german", "de"}, {"allemand", "de"}, {"deutsch", "de"}, {"spanish", "es"},
      {"espagnol", "es"}, {"italian", "it"}, {"italien", "it"}};
  for (const auto& [name, code] : kNames) {
    if (key == name) key = code;
  }
  language = key;
}

void NormalizeIdentifiers(NormalizeOutcome& out) {
  for (Identifier& id : out.record.identifiers) {
    id = NormalizeIdentifier(id.scheme, id.value);
    if (id.validity == Validity::kInvalid) {
      Warn(out, id.scheme, IssueReason::kInvalidIdentifier,
           absl::StrCat(id.scheme, " fails its format or check-digit rule"));
    }
  }
  Dedupe(out.record.identifiers,
         [](const Identifier& id) { return absl::StrCat(id.scheme, ":", id.value); });
}

// The country a record's national phone numbers are read in: its first
// address's, when it names one, else the source's. A US caller logged by a
// French call centre writes a US number.
std::string PhoneCountry(const SourceRecord& r, const std::string& default_country) {
  for (const Address& a : r.addresses) {
    if (a.country.size() == 2) return a.country;
  }
  return default_country;
}

void NormalizeContacts(NormalizeOutcome& out, const NormalizeContext& context) {
  SourceRecord& r = out.record;
  for (Address& a : r.addresses) {
    a = NormalizeAddress(a, context.default_country);
    if (a.postcode_validity == Validity::kInvalid) {
      Warn(out, "address.postcode", IssueReason::kInvalidPostcode,
           absl::StrCat("not a valid postcode for ", a.country));
    }
  }
  const std::string phone_country = PhoneCountry(r, context.default_country);
  for (Phone& p : r.phones) {
    p = NormalizePhone(p.raw, phone_country);
    for (size_t i = 0; p.validity == Validity::kInvalid && i < context.other_countries.size();
         ++i) {
      if (context.other_countries[i] == phone_country) continue;
      Phone other = NormalizePhone(p.raw, context.other_countries[i]);
      if (other.validity == Validity::kValid) p = std::move(other);
    }
    if (p.validity == Validity::kInvalid) {
      Warn(out, "phone", IssueReason::kInvalidPhone, "not a valid phone number");
    }
  }
  Dedupe(r.phones, [](const Phone& p) { return p.e164.empty() ? p.raw : p.e164; });
  for (Email& e : r.emails) {
    e = NormalizeEmail(e.raw);
    if (e.validity == Validity::kInvalid) {
      Warn(out, "email", IssueReason::kInvalidEmail, "not a valid e-mail address");
    }
  }
  Dedupe(r.emails, [](const Email& e) { return e.normalized; });
  for (Affiliation& a : r.affiliations) a.name_key = FoldKey(a.name);
  for (std::string& handle : r.social_handles) {
    handle = std::string(absl::StripAsciiWhitespace(handle));
  }
  Dedupe(r.social_handles, [](const std::string& h) { return absl::AsciiStrToLower(h); });
}

void NormalizeSpecialties(NormalizeOutcome& out, const SpecialtyCatalog& catalog) {
  for (Specialty& s : out.record.specialties) {
    s.code = catalog.Lookup(s.raw);
    if (s.code.empty()) {
      Warn(out, "specialty", IssueReason::kUnknownSpecialty,
           "not in the specialty list (schemas/specialties.csv)");
    }
  }
  Dedupe(out.record.specialties,
         [](const Specialty& s) { return s.code.empty() ? FoldKey(s.raw) : s.code; });
}

bool HasNationalIdentifier(const SourceRecord& r) {
  return std::any_of(r.identifiers.begin(), r.identifiers.end(),
                     [](const Identifier& id) { return id.scheme != "crm"; });
}

}  // namespace

NormalizeOutcome NormalizeRecord(SourceRecord record, const NormalizeContext& context) {
  NormalizeOutcome out;
  out.record = std::move(record);
  const DateOrder order = DateOrderForCountry(context.default_country);
  NormalizeName(out);
  NormalizeGender(out);
  NormalizeDates(out, order);
  if (!out.record.language.empty()) NormalizeLanguage(out.record.language);
  NormalizeIdentifiers(out);
  NormalizeContacts(out, context);
  NormalizeSpecialties(out, *context.specialties);
  if (!out.record.deleted && out.record.name.family_key.empty() &&
      !HasNationalIdentifier(out.record)) {
    out.rejected = true;
    out.issues.push_back({"", 0, "family_name", IssueReason::kNoNameNoIdentifier,
                          "the row has neither a family name nor a national identifier",
                          out.record.source_key});
  }
  return out;
}

}  // namespace mdm::normalize
