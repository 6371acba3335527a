// SPDX-License-Identifier: Apache-2.0
// File: mdm/normalize/specialty_catalog.h
//
// The canonical list of HCP specialties and professions, and the mapping of
// the free-text specialties sources carry ("Cardiologue", "Cardiovascular
// Disease", "IDE", "kiné") to its codes. Consumes a specialty as a source
// spelled it; produces its canonical code ("cardiology"), or nothing when the
// text names no known specialty.
//
// The list is schemas/specialties.csv, compiled into the library (CMake
// regenerates the embedded copy when the file changes). Format, UTF-8, one
// header line then one line per specialty, comma-separated, no quoting (no
// field holds a comma or a double quote), blank lines ignored:
//   code,label_en,label_fr,nucc,synonyms
//   cardiology,Cardiology,Cardiologie,207RC0000X,cardio|cardiologue|...
// | column   | content                                                     |
// |----------|-------------------------------------------------------------|
// | code     | the canonical code: [a-z][a-z0-9_]*, unique                 |
// | label_en | English display label, non-empty                            |
// | label_fr | French display label, non-empty                             |
// | nucc     | NUCC Health Care Provider Taxonomy code (10 characters,     |
// |          | ending in X) or empty when the profession has none          |
// | synonyms | '|'-separated spellings, any language, none empty           |
// The code, both labels and every synonym are looked up by FoldKey(): two
// lines whose spellings fold to the same key are rejected as ambiguous.
//
// Example:
//   const SpecialtyCatalog& catalog = SpecialtyCatalog::Default();
//   catalog.Lookup("Médecin généraliste")       == "general_practice"
//   catalog.Lookup("CARDIOVASCULAR DISEASE")    == "cardiology"
//   catalog.Lookup("Infirmière libérale Paris") == "nurse"
//   catalog.Lookup("Astronaut")                 == ""
#ifndef MDM_NORMALIZE_SPECIALTY_CATALOG_H_
#define MDM_NORMALIZE_SPECIALTY_CATALOG_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "mdm/record.h"

namespace mdm::normalize {

// One line of the list.
struct SpecialtyEntry {
  std::string code;
  std::string label_en;
  std::string label_fr;
  std::string nucc;  // empty when NUCC has no code for it
  std::vector<std::string> synonyms;
};

// An immutable specialty list with its lookup index. Built once, by
// Default() or FromCsv(), then only read: every const method is thread-safe.
class SpecialtyCatalog {
 public:
  // The catalog of schemas/specialties.csv as compiled into the library.
  // Built on first use; thread-safe.
  static const SpecialtyCatalog& Default();

  // Parses `text` in the format above. Returns InvalidArgument listing every
  // problem, each as "<name_for_errors>: line L column C (<column name>):
  // <what>" (or "line L:" for a wrong column count): wrong header, wrong
  // column count, malformed or duplicate code, empty label, malformed NUCC
  // code, empty synonym, a spelling that folds to an empty key or to the key
  // of another line, or no line at all.
  static absl::StatusOr<SpecialtyCatalog> FromCsv(
      absl::string_view text, absl::string_view name_for_errors);

  // Lookup()
  //
  // The code for `raw`: the line whose code, label or synonym has the same
  // FoldKey() as `raw`; otherwise, when `raw` has several words, the line
  // of the longest spelling (in bytes of its key; the leftmost on a tie)
  // found in `raw` as a whole-word sequence ("Infirmière libérale Paris" ->
  // nurse). Empty when nothing matches, for blank `raw` included.
  std::string Lookup(absl::string_view raw) const;

  // `raw` as received plus its Lookup() code.
  Specialty Normalize(absl::string_view raw) const;

  // The entry of `code`, or nullptr when the catalog has none.
  const SpecialtyEntry* Find(absl::string_view code) const;

  // Every entry, in file order.
  absl::Span<const SpecialtyEntry> entries() const { return entries_; }

 private:
  SpecialtyCatalog() = default;

  // Fills the indexes from entries_, whose entry i came from line lines[i];
  // appends a message to `errors` for each duplicate code or ambiguous key.
  void BuildIndex(const std::vector<int>& lines, absl::string_view name,
                  std::vector<std::string>* errors);

  std::vector<SpecialtyEntry> entries_;
  // FoldKey() of every code, label and synonym -> index in entries_.
  absl::flat_hash_map<std::string, size_t> index_by_key_;
  absl::flat_hash_map<std::string, size_t> index_by_code_;
  // The most words in one key: longer word sequences cannot match.
  size_t max_key_words_ = 0;
};

}  // namespace mdm::normalize

#endif  // MDM_NORMALIZE_SPECIALTY_CATALOG_H_
