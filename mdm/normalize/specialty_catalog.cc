// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/specialty_catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "mdm/base/embedded_file.h"
#include "mdm/normalize/text_fold.h"

namespace mdm::embedded {
// schemas/specialties.csv, compiled in by mdm/normalize/CMakeLists.txt.
extern const base::EmbeddedFile kSpecialtiesCsv[];
}  // namespace mdm::embedded

namespace mdm::normalize {

namespace {

constexpr absl::string_view kHeader = "code,label_en,label_fr,nucc,synonyms";
constexpr absl::string_view kColumnNames[] = {"code", "label_en", "label_fr",
                                              "nucc", "synonyms"};
constexpr size_t kColumns = std::size(kColumnNames);
enum Column : size_t { kCode, kLabelEn, kLabelFr, kNucc, kSynonyms };
constexpr size_t kNuccCodeLength = 10;
constexpr absl::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string Where(absl::string_view name, int line, size_t column) {
  return absl::StrCat(name, ": line ", line, " column ", column + 1, " (",
                      kColumnNames[column], "): ");
}

bool IsCode(absl::string_view code) {
  if (code.empty() ||
      !absl::ascii_islower(static_cast<unsigned char>(code[0]))) {
    return false;
  }
  return std::all_of(code.begin(), code.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return absl::ascii_islower(u) || absl::ascii_isdigit(u) || c == '_';
  });
}

bool IsNuccCode(absl::string_view nucc) {
  return nucc.size() == kNuccCodeLength && nucc.back() == 'X' &&
         std::all_of(nucc.begin(), nucc.end(), [](char c) {
           const auto u = static_cast<unsigned char>(c);
           return absl::ascii_isdigit(u) || absl::ascii_isupper(u);
         });
}

// Checks the trimmed fields of data line `line` and fills `entry` from them.
void ParseFields(const std::vector<absl::string_view>& fields,
                 absl::string_view name, int line, SpecialtyEntry* entry,
                 std::vector<std::string>* errors) {
  auto fail = [&](size_t column, absl::string_view what) {
    errors->push_back(absl::StrCat(Where(name, line, column), what));
  };
  for (size_t column = 0; column < kColumns; ++column) {
    if (absl::StrContains(fields[column], '"')) {
      fail(column, "quoting is not supported");
    }
  }
  entry->code = std::string(fields[kCode]);
  entry->label_en = std::string(fields[kLabelEn]);
  entry->label_fr = std::string(fields[kLabelFr]);
  entry->nucc = std::string(fields[kNucc]);
  if (!IsCode(entry->code)) fail(kCode, "code must match [a-z][a-z0-9_]*");
  if (entry->label_en.empty()) fail(kLabelEn, "empty label");
  if (entry->label_fr.empty()) fail(kLabelFr, "empty label");
  if (!entry->nucc.empty() && !IsNuccCode(entry->nucc)) {
    fail(kNucc, "not a NUCC taxonomy code (10 characters ending in X)");
  }
  if (fields[kSynonyms].empty()) return;
  for (absl::string_view synonym : absl::StrSplit(fields[kSynonyms], '|')) {
    synonym = absl::StripAsciiWhitespace(synonym);
    if (synonym.empty()) fail(kSynonyms, "empty synonym");
    entry->synonyms.emplace_back(synonym);
  }
}

// Parses data line `line`; nullopt when its column count is wrong.
std::optional<SpecialtyEntry> ParseRow(absl::string_view row,
                                       absl::string_view name, int line,
                                       std::vector<std::string>* errors) {
  std::vector<absl::string_view> fields = absl::StrSplit(row, ',');
  if (fields.size() != kColumns) {
    errors->push_back(absl::StrCat(name, ": line ", line, ": expected ",
                                   kColumns, " columns, found ",
                                   fields.size()));
    return std::nullopt;
  }
  for (absl::string_view& field : fields) {
    field = absl::StripAsciiWhitespace(field);
  }
  SpecialtyEntry entry;
  ParseFields(fields, name, line, &entry, errors);
  return entry;
}

// The spellings of `entry` with the column each comes from.
std::vector<std::pair<absl::string_view, size_t>> Spellings(
    const SpecialtyEntry& entry) {
  std::vector<std::pair<absl::string_view, size_t>> out = {
      {entry.code, kCode},
      {entry.label_en, kLabelEn},
      {entry.label_fr, kLabelFr}};
  for (const std::string& synonym : entry.synonyms) {
    out.emplace_back(synonym, kSynonyms);
  }
  return out;
}

}  // namespace

const SpecialtyCatalog& SpecialtyCatalog::Default() {
  static const SpecialtyCatalog* const kDefault = [] {
    absl::StatusOr<SpecialtyCatalog> catalog =
        FromCsv(absl::string_view(embedded::kSpecialtiesCsv[0].contents.data(),
                                  embedded::kSpecialtiesCsv[0].contents.size()),
                "schemas/specialties.csv");
    if (!catalog.ok()) {
      // The list is compiled in and checked by specialty_catalog_test: only
      // a broken build gets here, and no caller could recover.
      std::fprintf(stderr, "%s\n", catalog.status().ToString().c_str());
      std::abort();
    }
    return new SpecialtyCatalog(*std::move(catalog));
  }();
  return *kDefault;
}

absl::StatusOr<SpecialtyCatalog> SpecialtyCatalog::FromCsv(
    absl::string_view text, absl::string_view name_for_errors) {
  absl::ConsumePrefix(&text, kUtf8Bom);
  std::vector<std::string> errors;
  SpecialtyCatalog catalog;
  std::vector<int> lines;
  int line = 0;
  for (absl::string_view row : absl::StrSplit(text, '\n')) {
    ++line;
    absl::ConsumeSuffix(&row, "\r");
    if (line == 1) {
      if (row != kHeader) {
        errors.push_back(absl::StrCat(
            name_for_errors, ": line 1: header must be \"", kHeader, "\""));
      }
      continue;
    }
    if (absl::StripAsciiWhitespace(row).empty()) continue;
    if (std::optional<SpecialtyEntry> entry =
            ParseRow(row, name_for_errors, line, &errors)) {
      catalog.entries_.push_back(*std::move(entry));
      lines.push_back(line);
    }
  }
  if (catalog.entries_.empty() && errors.empty()) {
    errors.push_back(absl::StrCat(name_for_errors, ": no specialty lines"));
  }
  catalog.BuildIndex(lines, name_for_errors, &errors);
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "; "));
  }
  return catalog;
}

void SpecialtyCatalog::BuildIndex(const std::vector<int>& lines,
                                  absl::string_view name,
                                  std::vector<std::string>* errors) {
  for (size_t entry_idx = 0; entry_idx < entries_.size(); ++entry_idx) {
    const SpecialtyEntry& entry = entries_[entry_idx];
    const int line = lines[entry_idx];
    auto [by_code, new_code] = index_by_code_.emplace(entry.code, entry_idx);
    if (!new_code) {
      errors->push_back(absl::StrCat(Where(name, line, kCode),
                                     "duplicate code, first on line ",
                                     lines[by_code->second]));
      continue;
    }
    for (const auto& [spelling, column] : Spellings(entry)) {
      std::string key = FoldKey(spelling);
      if (key.empty()) {
        // Empty fields are already reported by ParseFields().
        if (!spelling.empty()) {
          errors->push_back(absl::StrCat(Where(name, line, column), "\"",
                                         spelling, "\" folds to an empty key"));
        }
        continue;
      }
      max_key_words_ = std::max<size_t>(
          max_key_words_, 1 + std::count(key.begin(), key.end(), ' '));
      auto [by_key, new_key] = index_by_key_.emplace(std::move(key), entry_idx);
      if (!new_key && by_key->second != entry_idx) {
        errors->push_back(
            absl::StrCat(Where(name, line, column), "\"", spelling,
                         "\" folds to the same key as a spelling on line ",
                         lines[by_key->second]));
      }
    }
  }
}

std::string SpecialtyCatalog::Lookup(absl::string_view raw) const {
  const std::string key = FoldKey(raw);
  if (auto it = index_by_key_.find(key); it != index_by_key_.end()) {
    return entries_[it->second].code;
  }
  // Word boundaries of `key`: FoldKey separates words with single spaces.
  std::vector<absl::string_view> words =
      absl::StrSplit(key, ' ', absl::SkipEmpty());
  const SpecialtyEntry* best = nullptr;
  size_t best_size = 0;
  for (size_t first = 0; first < words.size(); ++first) {
    const size_t last_end = std::min(words.size(), first + max_key_words_);
    for (size_t end = first + 1; end <= last_end; ++end) {
      const absl::string_view span(
          words[first].data(),
          static_cast<size_t>(words[end - 1].end() - words[first].begin()));
      if (span.size() <= best_size) continue;
      if (auto it = index_by_key_.find(span); it != index_by_key_.end()) {
        best = &entries_[it->second];
        best_size = span.size();
      }
    }
  }
  return best == nullptr ? std::string() : best->code;
}

Specialty SpecialtyCatalog::Normalize(absl::string_view raw) const {
  return Specialty{std::string(raw), Lookup(raw)};
}

const SpecialtyEntry* SpecialtyCatalog::Find(absl::string_view code) const {
  auto it = index_by_code_.find(code);
  return it == index_by_code_.end() ? nullptr : &entries_[it->second];
}

}  // namespace mdm::normalize
