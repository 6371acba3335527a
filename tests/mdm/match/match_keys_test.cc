// SPDX-License-Identifier: Apache-2.0
#include "mdm/match/match_keys.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "matchers/phonetic.h"

namespace mdm::match {
namespace {

// A normalized record as the Normalize stage leaves it (keys filled).
SourceRecord Normalized() {
  SourceRecord r;
  r.source = "crm";
  r.source_key = "K1";
  r.name.given_key = "jeanne";
  r.name.family_key = "schmidt";
  r.name.maiden_key = "garnier";
  r.birth_date = "1970-02-14";
  r.gender = "F";
  r.emails = {{"J.Garnier@Example.org", "j.garnier@example.org", Validity::kValid},
              {"jg@", "", Validity::kInvalid}};
  r.phones = {{"01 99 00 00 01", "+33199000001", Validity::kValid}, {"12", "", Validity::kInvalid}};
  r.addresses = {
      {"12 bd Haussmann", "", "75009", "Paris", "FR", "12 boulevard haussmann", "paris",
       Validity::kValid},
      {"", "", "", "", "FR", "", "", Validity::kUnchecked},  // nothing to match on
      {"", "", "", "Lyon", "FR", "", "lyon", Validity::kUnchecked},
  };
  r.specialties = {{"Cardiologue", "cardiology"}, {"Chamane", ""}, {"", ""}};
  r.affiliations = {{"CHU de Lyon", "", "chu de lyon"}, {"", "", ""}};
  r.social_handles = {"@DrJGarnier", "https://x.com/jeanne_garnier/", " @ "};
  r.identifiers = {{"rpps", "10000000009", Validity::kValid},
                   {"crm", "C-1", Validity::kUnchecked},
                   {"npi", "123", Validity::kInvalid},
                   {"adeli", "", Validity::kUnchecked}};
  return r;
}

TEST_CASE("ExtractMatchKeys: takes every key of a normalized record", "[match]") {
  const MatchKeys k = ExtractMatchKeys(Normalized());
  CHECK(k.given == "jeanne");
  CHECK(k.family == "schmidt");
  CHECK(k.maiden == "garnier");
  CHECK(k.birth_date == "1970-02-14");
  CHECK(k.gender == "F");
  CHECK(k.emails == std::vector<std::string>{"j.garnier@example.org"});
  CHECK(k.phones == std::vector<std::string>{"+33199000001"});
  CHECK(k.addresses ==
        std::vector<AddressKey>{{"75009", "paris", "12 boulevard haussmann"}, {"", "lyon", ""}});
  // An unknown specialty keeps its folded label behind "~"; an empty one goes.
  CHECK(k.specialties == std::vector<std::string>{"cardiology", "~chamane"});
  CHECK(k.affiliations == std::vector<std::string>{"chu de lyon"});
  // "@", a profile URL and a trailing slash do not make handles differ.
  CHECK(k.handles == std::vector<std::string>{"drjgarnier", "jeanne garnier"});
  CHECK(k.identifiers == std::vector<IdentifierKey>{{"rpps", "10000000009", true},
                                                    {"crm", "C-1", false},
                                                    {"npi", "123", false}});
}

TEST_CASE("ExtractMatchKeys: name sounds hold both Double Metaphone codes once", "[match]") {
  const MatchKeys k = ExtractMatchKeys(Normalized());
  // "schmidt" has two codes, "jeanne" two; a name whose codes agree has one.
  CHECK(k.family_sounds == std::vector<std::string>{"XMT", "SMT"});
  CHECK(k.given_sounds == std::vector<std::string>{"JN", "AN"});
  CHECK(k.family_phonex == matchers::Phonex("schmidt"));
  CHECK_FALSE(k.family_phonex.empty());

  SourceRecord r;
  r.name.family_key = "claire";
  const MatchKeys one = ExtractMatchKeys(r);
  CHECK(one.family_sounds == std::vector<std::string>{"KLR"});
  CHECK(one.given_sounds.empty());  // no given name, no sound
}

TEST_CASE("ExtractMatchKeys: an empty record gives empty keys", "[match]") {
  const MatchKeys k = ExtractMatchKeys(SourceRecord{});
  CHECK(k == MatchKeys{});
}

// A value whose strings need two-byte length prefixes and whose lists are
// longer than 127 entries.
MatchKeys Large() {
  MatchKeys k = ExtractMatchKeys(Normalized());
  k.given = std::string(300, 'a');
  k.family = "\xc3\xa9lodie";  // bytes are kept as they are
  for (int i = 0; i < 200; ++i) k.emails.push_back("p" + std::to_string(i) + "@example.org");
  for (int i = 0; i < 130; ++i) {
    k.identifiers.push_back({"rpps", std::to_string(10000000000 + i), i % 2 == 0});
  }
  k.addresses.push_back({"", "", std::string(70000, 's')});
  return k;
}

TEST_CASE("EncodeMatchKeys: DecodeMatchKeys gives back the same keys", "[match]") {
  struct Case {
    std::string name;
    MatchKeys keys;
  };
  MatchKeys empty_strings;
  empty_strings.emails = {"", ""};  // empty list entries survive too
  empty_strings.identifiers = {{"", "", true}};
  // clang-format off
  const Case c = GENERATE_COPY(values<Case>({
      {"empty", MatchKeys{}},
      {"normalized record", ExtractMatchKeys(Normalized())},
      {"long strings and lists", Large()},
      {"empty entries", empty_strings},
  }));
  // clang-format on
  CAPTURE(c.name);
  const std::string blob = EncodeMatchKeys(c.keys);
  CHECK(IsCurrentMatchKeys(blob));
  MatchKeys back;
  REQUIRE(DecodeMatchKeys(blob, &back).ok());
  CHECK(back == c.keys);
}

TEST_CASE("DecodeMatchKeys: overwrites whatever the output held", "[match]") {
  MatchKeys out = Large();  // more of everything than the stored value
  const MatchKeys small = ExtractMatchKeys(Normalized());
  REQUIRE(DecodeMatchKeys(EncodeMatchKeys(small), &out).ok());
  CHECK(out == small);
  REQUIRE(DecodeMatchKeys(EncodeMatchKeys(MatchKeys{}), &out).ok());
  CHECK(out == MatchKeys{});
}

TEST_CASE("DecodeMatchKeys: a value of another format version is FailedPrecondition", "[match]") {
  const std::string current = EncodeMatchKeys(ExtractMatchKeys(Normalized()));
  const uint8_t current_version = static_cast<uint8_t>(current[0]);
  const int version = GENERATE(0, 1, 2, 4, 255);
  if (version == current_version) return;  // only the other versions
  CAPTURE(version);
  std::string blob = current;
  blob[0] = static_cast<char>(version);
  CHECK_FALSE(IsCurrentMatchKeys(blob));
  MatchKeys out;
  const absl::Status s = DecodeMatchKeys(blob, &out);
  CHECK(s.code() == absl::StatusCode::kFailedPrecondition);
  // Even a bare version byte of an older format asks for re-extraction.
  CHECK(DecodeMatchKeys(blob.substr(0, 1), &out).code() == absl::StatusCode::kFailedPrecondition);
}

TEST_CASE("IsCurrentMatchKeys: only a value written by this version", "[match]") {
  const std::string blob = EncodeMatchKeys(MatchKeys{});
  CHECK(IsCurrentMatchKeys(blob));
  CHECK_FALSE(IsCurrentMatchKeys(""));
  std::string older = blob;
  older[0] = static_cast<char>(static_cast<uint8_t>(blob[0]) - 1);
  CHECK_FALSE(IsCurrentMatchKeys(older));
}

TEST_CASE("DecodeMatchKeys: damaged bytes are DataLoss", "[match]") {
  struct Case {
    std::string name;
    std::string blob;
  };
  const std::string full = EncodeMatchKeys(ExtractMatchKeys(Normalized()));
  const std::string empty = EncodeMatchKeys(MatchKeys{});
  const char version = full[0];
  // Replaces the identifier's validity byte (the last byte of `empty` plus
  // one identifier) with 2.
  MatchKeys one_id;
  one_id.identifiers = {{"rpps", "1", true}};
  std::string bad_valid = EncodeMatchKeys(one_id);
  REQUIRE(bad_valid.back() == 1);
  bad_valid.back() = 2;
  // The first string's length says 100 bytes follow; two do.
  std::string long_length = std::string(1, version) + "\x64" + "ab";
  // A varint that never ends (eleven continuation bytes).
  std::string endless = std::string(1, version) + std::string(11, '\xff');
  // An address count far beyond the bytes that follow.
  std::string many_addresses = empty.substr(0, empty.size() - 2) + "\xff\xff\x7f" + '\0';
  // clang-format off
  const Case c = GENERATE_COPY(values<Case>({
      {"empty", ""},
      {"version byte only", std::string(1, version)},
      {"one byte missing", full.substr(0, full.size() - 1)},
      {"half", full.substr(0, full.size() / 2)},
      {"a byte too many", full + '\0'},
      {"garbage after the version", std::string(1, version) + "garbage"},
      {"validity byte not 0 or 1", bad_valid},
      {"length beyond the end", long_length},
      {"varint without end", endless},
      {"address count beyond the end", many_addresses},
  }));
  // clang-format on
  CAPTURE(c.name);
  MatchKeys out;
  CHECK(DecodeMatchKeys(c.blob, &out).code() == absl::StatusCode::kDataLoss);
}

TEST_CASE("DecodeMatchKeys: every truncation of a value is DataLoss", "[match]") {
  const std::string full = EncodeMatchKeys(ExtractMatchKeys(Normalized()));
  for (size_t n = 1; n < full.size(); ++n) {
    CAPTURE(n);
    MatchKeys out;
    CHECK(DecodeMatchKeys(full.substr(0, n), &out).code() == absl::StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace mdm::match
