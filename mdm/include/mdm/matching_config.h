// SPDX-License-Identifier: Apache-2.0
// File: mdm/matching_config.h
//
// The `matching:` section of mdm.yaml: which record pairs are compared
// (blocking rules), how each pair is compared (comparisons with ordered
// levels), how the Fellegi-Sunter model is trained and where the decision
// bands lie. README.md ("Matching") documents every key; when the section is
// absent, DefaultMatchingConfig() applies, a setting tuned for HCP sources.
//
// A comparison reads one field of both records and puts the pair in the
// first of its levels that holds, in the order written; a pair where either
// side lacks the field is at the implicit "null" level (no evidence), a pair
// that meets no level at the implicit "else" level. Each level gets a match
// weight log2(m/u) from the trained model.
//
// Example (YAML):
//   matching:
//     blocking:
//       max_block_size: 500
//       rules:
//         - name: same_email
//           keys: [email]
//         - name: name_sound
//           keys: [family_name.phonetic, given_name.initial]
//     comparisons:
//       - name: family_name
//         field: family_name
//         term_frequency: true
//         levels: [exact, {jaro_winkler: 0.92}, phonetic, swapped]
//     decision:
//       auto_merge: 0.99
//       review: 0.80
#ifndef MDM_MATCHING_CONFIG_H_
#define MDM_MATCHING_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace mdm {

// The record attribute a comparison or a blocking key reads. Multi-valued
// attributes (e-mails, phones, addresses ...) compare every value of one
// record with every value of the other and keep the best level.
enum class MatchField {
  kGivenName,     // folded given names ("jean pierre")
  kFamilyName,    // folded family name, particles kept ("de la fontaine")
  kBirthDate,     // YYYY-MM-DD, YYYY-MM or YYYY
  kGender,        // F, M, X
  kEmail,         // normalized addresses
  kPhone,         // E.164
  kPostcode,      // canonical postcodes of the addresses
  kCity,          // folded city names of the addresses
  kStreet,        // folded street lines, abbreviations expanded
  kAddress,       // whole addresses (street, postcode, city together): one
                  // comparison for the place, where separate postcode, city
                  // and street comparisons would count it three times
  kSpecialty,     // canonical specialty codes (folded label when unknown)
  kAffiliation,   // folded organisation names
  kSocialHandle,  // folded handles without '@'
  kIdentifier,    // scheme + value; compared within one scheme only
};

// "given_name", "family_name", "birth_date" ... as written in mdm.yaml.
absl::string_view MatchFieldName(MatchField field);
std::optional<MatchField> ParseMatchField(absl::string_view name);

// What makes a pair meet a comparison level. `threshold` is the number
// written after the kind in mdm.yaml.
enum class LevelKind {
  kExact,        // equal keys
  kExactValid,   // identifiers: equal values, both check-digit valid
  kJaroWinkler,  // JaroWinkler() >= threshold
  kJaro,         // Jaro() >= threshold
  kLevenshtein,  // LevenshteinDistance() <= threshold
  kDamerau,      // OsaDistance() <= threshold (transpositions count once)
  kJaccard,      // QGramJaccard(q=2) >= threshold
  kTokenSet,     // TokenSetRatio() >= threshold
  kPhonetic,     // names: same Double Metaphone code or same Phonex code
  kNickname,     // given names: nicknames, diminutives, compound initials
  kInitials,     // names: "j p" vs "jean pierre", "l" vs "lefebvre"
  kSwapped,      // names: given and family names entered in each other's field
  kMaiden,       // family names: one record's name is the other's maiden name
  kPrefix,       // first `threshold` characters equal
  kDateTypo,     // dates: day and month swapped, or one digit wrong
  kWithinDays,   // dates: at most `threshold` days apart
  kSameYear,     // dates: same year (also a bare year against a full date)
  kLocalPart,    // e-mails: same local part (before '@', without +tag)
  kSameStreet,   // addresses: same street line, and same postcode or city
  kSamePostcode, // addresses: same postcode
  kSameCity,     // addresses: same city
  kHandleLike,   // family names: they differ, but one record's social
                 // handle spells the other's name or e-mail local part
                 // with the given name in full ("@elodie_roux" posting as
                 // "Elodie P."). A level of the family-name comparison
                 // that nulls the given-name comparison, so a given name
                 // spelled by the handle counts once, not twice.
  kHandleInitial,  // family names: as kHandleLike, but the spelling holds
                   // only the given name's initial ("@drjgarnier" for
                   // Jeanne Garnier); the given names still count.
};

// "exact", "jaro_winkler" ... as written in mdm.yaml.
absl::string_view LevelKindName(LevelKind kind);
std::optional<LevelKind> ParseLevelKind(absl::string_view name);

struct LevelConfig {
  LevelKind kind = LevelKind::kExact;
  double threshold = 0;  // meaning depends on `kind`; 0 when it takes none
  int line = 0;          // in the config file, for messages

  // The level as shown in explanations: "exact", "jaro_winkler>=0.92",
  // "damerau<=1", "within_days<=365".
  std::string Label() const;
};

struct ComparisonConfig {
  std::string name;  // unique; names the comparison in explanations
  MatchField field = MatchField::kGivenName;
  // Identifier comparisons only: the schemes compared ("rpps", "npi" ...).
  // Empty = every scheme.
  std::vector<std::string> schemes;
  // Levels, best first; the implicit "null" and "else" levels are not listed.
  std::vector<LevelConfig> levels;
  // Term-frequency adjustment of the exact level: agreeing on a common value
  // (Martin, Smith) counts for less than agreeing on a rare one.
  bool term_frequency = false;
  // Hard evidence: while training, a pair at the first level counts as a
  // match and a pair at the else level as a non-match (an RPPS shared, or
  // two different ones; one social account, or two). Anchors EM's classes.
  bool hard = false;
  int line = 0;
};

// How a blocking key turns a field into key text.
enum class KeyTransform {
  kExact,      // the value itself
  kPhonetic,   // Double Metaphone primary and alternate codes (two keys)
  kInitial,    // first letter
  kPrefix,     // first `length` characters
  kYear,       // dates: the year
  kLocalPart,  // e-mails: the local part
  kNamePair,   // given and family names in alphabetical order; pairs only
               // two records whose names run in opposite orders (finds swaps)
  kSpelling,   // social_handle only: the handle's spellings for records
               // with a handle, the e-mail and name spellings for the others
               // (mdm/match/handle_spelling.h): pairs a handle with its owner
};

struct BlockingKey {
  MatchField field = MatchField::kFamilyName;
  KeyTransform transform = KeyTransform::kExact;
  int length = 0;  // kPrefix only

  // As written in mdm.yaml: "family_name.phonetic", "postcode.prefix3",
  // "name_pair".
  std::string Label() const;
};

// Records that agree on every key of a rule form a block; every pair inside
// a block is a candidate pair. A record with several values of a field
// (two e-mails) has several keys, one per combination.
// A rule with a social_handle.spelling key pairs only a record that has a
// handle with one that has none (records with handles meet through their
// handles, records without through their names); a rule with a name_pair
// key only records whose given and family names are swapped.
struct BlockingRuleConfig {
  std::string name;
  std::vector<BlockingKey> keys;
  // Blocks larger than this are not expanded; 0 = matching's
  // max_block_size. A phone or e-mail shared by hundreds of records is a
  // switchboard or a generic address, not a person.
  int64_t max_block_size = 0;
  int line = 0;
};

struct TrainingConfig {
  // EM stops after this many iterations or when no parameter moves more
  // than `tolerance`. Default: 100, 1e-5.
  int max_iterations = 100;
  double tolerance = 1e-5;
  // Random record pairs drawn to estimate u. Default: 1,000,000.
  int64_t u_sample_pairs = 1'000'000;
  // Candidate pairs EM learns m from, a deterministic sample when blocking
  // gives more. Default: 1,000,000.
  int64_t max_candidate_pairs = 1'000'000;
  uint64_t seed = 1;  // of the u sample: same data, same model
};

struct MatchingConfig {
  std::vector<BlockingRuleConfig> blocking_rules;
  // Blocks larger than this are not expanded (their pairs are counted in the
  // run report as cut). Default: 500.
  int64_t max_block_size = 500;
  std::vector<ComparisonConfig> comparisons;
  TrainingConfig training;
  // Decision bands on the match probability of a pair: at or above
  // auto_merge the pair is merged; at or above review it is queued for a
  // steward; below, distinct. Defaults: 0.80 and 0.75, chosen on FEBRL,
  // historical_50k and generated HCP data (README.md, "Quality"): the
  // chaining guard below catches the merges a lower auto_merge lets in.
  double auto_merge = 0.80;
  double review = 0.75;
  // Chaining guard: clustering refuses a union that would put together two
  // records whose own match weight is below this (clearly two people, even
  // if a vague third record resembles both); the refused pair goes to
  // review. Default: -15 (odds of about 1 to 33,000).
  double keep_apart_weight = -15;
  // Identifier schemes whose two different valid values prove two records
  // are different people (cannot-link). Default: npi rpps adeli gmc lanr.
  std::vector<std::string> cannot_link_schemes = {"npi", "rpps", "adeli", "gmc",
                                                  "lanr"};
};

// The setting used when mdm.yaml has no `matching:` section: identifiers,
// e-mails, phones and name sounds for blocking; names, birth date, contact
// points, address, specialty and affiliation for comparison.
MatchingConfig DefaultMatchingConfig();

}  // namespace mdm

#endif  // MDM_MATCHING_CONFIG_H_
