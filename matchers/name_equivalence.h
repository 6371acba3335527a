// SPDX-License-Identifier: Apache-2.0
// File: matchers/name_equivalence.h
//
// Given-name equivalences that string similarity cannot see, used by the name
// Comparisons of the Score stage: nicknames and diminutives ("bob" for
// "robert", "seb" for "sebastien"), French compound given names and their
// initials ("jp" for "jean pierre"), initials against full names ("j p" vs
// "jean pierre"), and given and family names entered in each other's field.
//
// All inputs are keys folded by mdm/normalize/text_fold.h: lower-case ASCII,
// hyphens as single spaces ("Jean-Pierre" -> "jean pierre"). Nothing here
// folds or trims again.
//
// Example:
//   NicknameIndex index;
//   index.AddFrenchBuiltins();
//   absl::Status s = index.AddCsv(csv_text);  // nicknames_us/names.csv format
//   index.AreNicknames("robert", "bob");       // true (from the CSV)
//   index.AreNicknames("jean pierre", "jp");   // true (built in)
//   InitialsCompatible("j p", "jean pierre");  // true
//   IsSwapped("martin", "claire", "claire", "martin", 0.9);  // true
#ifndef MDM_MATCHERS_NAME_EQUIVALENCE_H_
#define MDM_MATCHERS_NAME_EQUIVALENCE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace mdm::matchers {

// How two given names relate in a NicknameIndex, closest first.
enum class NameRelation {
  kSame,             // equal keys
  kNickname,         // one is a listed nickname of the other
  kSharedCanonical,  // both are nicknames of one name ("bob", "rob")
  kNone,             // unrelated, or a name the index does not know
};

// NicknameIndex
//
// A many-to-many relation between canonical given names and their nicknames,
// diminutives and abbreviations. A nickname may belong to several names
// ("alex": alexandre, alexandra, alexander) and a name may have several
// nicknames. Two names that merely share a nickname ("jean pierre" and
// "jean paul" via "jp") are not related: that would chain unrelated people.
// A pair listed in both directions (the US dataset has "bill" has_nickname
// "robert" as well as the reverse) makes two names interchangeable; two names
// tied to a shared name only by such pairs are not siblings, so "robert" and
// "william" (both interchangeable with "bill") stay apart.
//
// Lifecycle: default-construct (empty), then AddFrenchBuiltins(), AddCsv()
// and Add() in any order, then query. Queries are const and thread-safe once
// loading is over; loading is not thread-safe.
class NicknameIndex {
 public:
  NicknameIndex() = default;

  // Records that `nickname` is a nickname of `canonical`. Empty keys and
  // nickname == canonical are ignored.
  void Add(absl::string_view canonical, absl::string_view nickname);

  // Adds the built-in French table: compound given names with their initials
  // ("jean pierre"/"jp", "marie helene"/"mh") and diminutives in common use
  // in France ("sebastien"/"seb", "pierre"/"pierrot"). See the .cc file for
  // the list and its selection rule.
  void AddFrenchBuiltins();

  // AddCsv()
  //
  // Adds every `name1,has_nickname,name2` line of `csv_text` (the format of
  // the nicknames_us dataset: optional header line
  // "name1,relationship,name2", LF or CRLF line ends, blank lines ignored).
  // Returns InvalidArgument naming the first bad line number (never its
  // content) when a line does not have three non-empty fields or its
  // relationship is not "has_nickname"; lines before it stay added.
  absl::Status AddCsv(absl::string_view csv_text);

  // Relation of two folded given names. Symmetric. Relation(x, x) == kSame
  // for any x, even unknown or empty.
  NameRelation Relation(absl::string_view a, absl::string_view b) const;

  // True for kSame, kNickname and kSharedCanonical. Symmetric.
  bool AreNicknames(absl::string_view a, absl::string_view b) const;

  // Number of distinct names known.
  size_t size() const { return ids_.size(); }

 private:
  uint32_t Intern(absl::string_view name);
  bool SharesCanonical(uint32_t a, uint32_t b) const;

  absl::flat_hash_map<std::string, uint32_t> ids_;
  // Per name id, the sorted ids of the names it is a nickname of.
  std::vector<std::vector<uint32_t>> canonicals_;
};

// InitialsCompatible()
//
// True when two given-name keys can denote the same names once initials are
// allowed: tokens are compared left to right, a one-letter token matches a
// token starting with that letter, and a 2-3 letter token without vowels
// ("jp", "jpm") stands for one initial per letter. The side with fewer tokens
// may stop early only when its last token is an initial: "j" vs
// "jean pierre" is compatible, "jean" vs "jean pierre" is not (a missing
// middle name is not an abbreviation).
//   "j" ~ "jean", "j p" ~ "jean pierre", "jp" ~ "jean pierre",
//   "jean p" ~ "jean pierre"; not "p" ~ "jean", not "jp" ~ "jean".
// Symmetric; equal non-empty keys are compatible; an empty key is compatible
// with nothing.
bool InitialsCompatible(absl::string_view a, absl::string_view b);

// Default Jaro-Winkler threshold for IsSwapped(): tolerates one typo in a
// name of six letters or more.
inline constexpr double kDefaultSwapThreshold = 0.9;

// IsSwapped()
//
// True when record A's given name matches record B's family name and A's
// family name matches B's given name, while the names do not also match the
// straight way round (so "martin martin" is never reported as swapped). A
// given name matches a family name by JaroWinkler() >= `threshold`, on the
// whole key or on its first name (a middle name the other record lacks:
// "kelsie michelle"/"vazquez" vs "vazquez"/"kelsie"); one of the two
// crossings may instead be a lone initial of the family name, as agents type
// "C. Vincent" ("c"/"vincent" vs "vincent"/"carla"). Symmetric in A and B;
// false when any of the four keys is empty.
bool IsSwapped(absl::string_view given_a, absl::string_view family_a,
               absl::string_view given_b, absl::string_view family_b,
               double threshold = kDefaultSwapThreshold);

}  // namespace mdm::matchers

#endif  // MDM_MATCHERS_NAME_EQUIVALENCE_H_
