// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/bad_rows.h
//
// Deliberately bad rows that exercise the readers' reject paths. Each is a
// real record of a generated person, broken in one way:
//
// | kind                  | file                  | what is wrong                        |
// |-----------------------|-----------------------|--------------------------------------|
// | invalid_utf8          | crm_fr.csv            | street in Latin-1 bytes              |
// | unbalanced_quote      | crm_us.csv (last row) | street opens a quote never closed    |
// | too_many_fields       | crm_fr.csv            | unquoted comma in the street         |
// | too_few_fields        | medinfo_inquiries.csv | row cut after five fields            |
// | no_name_no_identifier | crm_us.csv            | no family name and no NPI            |
// | missing_source_key    | medinfo_inquiries.csv | empty inquiry_id                     |
// | malformed_json        | msl_profiles.jsonl    | object cut in the middle             |
// | json_array            | social_mentions.jsonl | line is an array, not an object      |
// | wrong_check_digit     | crm_us.csv            | NPI check digit off by one (row valid)|
// | oversize_field        | social_mentions.jsonl | bio longer than 64 KiB               |
//
// The first ten bad rows are one of each kind, in that order; more cycle over
// the kinds again, except unbalanced_quote, which swallows the rest of its
// file and so appears once, as the file's last row. A rep row goes to the CRM
// of its donor's country, which is the table's file unless the run has no
// person of that country.
//
// Lifecycle: construct with the count, Offer() every generated person (donors
// are reservoir-sampled, so no person list is kept), then Make().
//
// Example:
//   BadRowMaker maker(10, seed);
//   for (...) maker.Offer(person);
//   std::vector<BadRow> bad = maker.Make(data, keys);
#ifndef MDM_TOOLS_GEN_BAD_ROWS_H_
#define MDM_TOOLS_GEN_BAD_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "tools/gen/person.h"
#include "tools/gen/random.h"
#include "tools/gen/reference_data.h"
#include "tools/gen/source_spec.h"
#include "tools/gen/sources.h"
#include "tools/gen/writers.h"

namespace mdm::gen {

enum class BadRowKind {
  kInvalidUtf8,
  kUnbalancedQuote,
  kTooManyFields,
  kTooFewFields,
  kNoNameNoIdentifier,
  kMissingSourceKey,
  kMalformedJson,
  kJsonArray,
  kWrongCheckDigit,
  kOversizeField,
};
inline constexpr int kBadRowKindCount = 10;

// "invalid_utf8", "unbalanced_quote" ... as in the table above.
absl::string_view BadRowKindName(BadRowKind kind);

// Bytes of the oversize field: above IngestLimits::max_field_bytes (64 KiB).
inline constexpr size_t kOversizeFieldBytes = 70 * 1024;

struct BadRow {
  BadRowKind kind;
  SourceIndex source;
  bool at_end;  // must be written as the last row of its file
  OutputRow row;
};

class BadRowMaker {
 public:
  // REQUIRES: count >= 0.
  BadRowMaker(int count, uint64_t seed);

  // Considers `person` as the donor of each planned bad row.
  void Offer(const Person& person);

  // The bad rows, one per planned kind. REQUIRES: at least one Offer() when
  // the count is positive.
  std::vector<BadRow> Make(const ReferenceData& data, KeyMaker& keys);

 private:
  struct Plan {
    BadRowKind kind;
    std::optional<Country> wanted;  // the country of the kind's CRM file
    std::optional<Person> donor;    // of the wanted country
    std::optional<Person> any;    // fallback when no such person exists
    int64_t seen = 0;
    int64_t seen_any = 0;
  };

  BadRow MakeOne(const Plan& plan, const ReferenceData& data, KeyMaker& keys);
  // The text of a broken CSV or JSON Lines row of `kind`.
  std::string BrokenCsv(BadRowKind kind, const Person& donor,
                        const ReferenceData& data, const std::string& key);
  std::string BrokenJson(BadRowKind kind, const Person& donor,
                         const ReferenceData& data, const std::string& key);

  std::vector<Plan> plans_;
  Random rng_;
};

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_BAD_ROWS_H_
