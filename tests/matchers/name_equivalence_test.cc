// SPDX-License-Identifier: Apache-2.0
#include "matchers/name_equivalence.h"

#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace mdm::matchers {
namespace {

std::string ReadDatasetFile(const std::string& relative) {
  std::ifstream in(std::string(MDM_DATASETS_DIR) + "/" + relative,
                   std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The nicknames_us dataset plus the French table, loaded once.
const NicknameIndex& FullIndex() {
  static const NicknameIndex* const kIndex = [] {
    auto* index = new NicknameIndex;
    index->AddFrenchBuiltins();
    const std::string csv = ReadDatasetFile("nicknames_us/names.csv");
    REQUIRE(!csv.empty());
    REQUIRE(index->AddCsv(csv).ok());
    return index;
  }();
  return *kIndex;
}

struct RelationCase {
  std::string a;
  std::string b;
  NameRelation expected;
};

TEST_CASE("NicknameIndex: relations from the dataset and the French table",
          "[matchers]") {
  const RelationCase c = GENERATE(values<RelationCase>({
      {"robert", "bob", NameRelation::kNickname},
      {"william", "bill", NameRelation::kNickname},
      {"elizabeth", "liz", NameRelation::kNickname},
      {"bob", "rob", NameRelation::kNickname},  // listed directly
      {"liz", "beth", NameRelation::kSharedCanonical},
      {"robby", "bob", NameRelation::kSharedCanonical},
      // The dataset lists "bill" and "robert", "bill" and "william" both
      // ways: that relates neither "robert" nor "william" to the other.
      {"robert", "william", NameRelation::kNone},
      {"bill", "robert", NameRelation::kNickname},
      {"jean pierre", "jp", NameRelation::kNickname},
      {"jean paul", "jp", NameRelation::kNickname},
      {"jean pierre", "jean paul", NameRelation::kNone},
      {"marie helene", "mh", NameRelation::kNickname},
      {"sebastien", "seb", NameRelation::kNickname},
      // "alex" is listed for alexander, alexandra (dataset) and alexandre.
      {"alexandre", "alex", NameRelation::kNickname},
      {"alexander", "alexandre", NameRelation::kNone},
      {"jean", "jean", NameRelation::kSame},
      {"zzyzx", "zzyzx", NameRelation::kSame},
      {"zzyzx", "bob", NameRelation::kNone},
      {"guillaume", "guy", NameRelation::kNone},
  }));
  CAPTURE(c.a, c.b);
  CHECK(FullIndex().Relation(c.a, c.b) == c.expected);
  CHECK(FullIndex().Relation(c.b, c.a) == c.expected);
  CHECK(FullIndex().AreNicknames(c.a, c.b) == (c.expected != NameRelation::kNone));
}

TEST_CASE("NicknameIndex: an empty index knows only equality", "[matchers]") {
  NicknameIndex index;
  CHECK(index.size() == 0);
  CHECK(index.AreNicknames("", ""));
  CHECK_FALSE(index.AreNicknames("robert", "bob"));
  index.Add("robert", "bob");
  index.Add("robert", "rob");
  index.Add("robert", "robert");  // ignored
  index.Add("", "x");             // ignored
  CHECK(index.size() == 3);
  CHECK(index.AreNicknames("bob", "robert"));
  CHECK(index.Relation("bob", "rob") == NameRelation::kSharedCanonical);
  // Both listed the other way round too: two interchangeable names, not
  // two nicknames of one name.
  index.Add("bob", "robert");
  CHECK(index.Relation("bob", "rob") == NameRelation::kSharedCanonical);
  index.Add("rob", "robert");
  CHECK(index.Relation("bob", "rob") == NameRelation::kNone);
}

TEST_CASE("NicknameIndex: AddCsv accepts CRLF, blank lines and no header",
          "[matchers]") {
  NicknameIndex index;
  REQUIRE(index.AddCsv("ann,has_nickname,nan\r\n\r\nann,has_nickname,nancy\n").ok());
  CHECK(index.Relation("nan", "nancy") == NameRelation::kSharedCanonical);
  CHECK(index.AddCsv("").ok());
}

struct BadCsvCase {
  std::string line;
  const char* why;
};

TEST_CASE("NicknameIndex: AddCsv rejects malformed lines by number only",
          "[matchers]") {
  const BadCsvCase c = GENERATE(values<BadCsvCase>({
      {"secretname,has_nickname", "two fields"},
      {"secretname,has_nickname,bob,extra", "four fields"},
      {"secretname,has_nickname,", "empty nickname"},
      {",has_nickname,secretname", "empty canonical"},
      {"secretname,is_a,bob", "unknown relationship"},
  }));
  CAPTURE(c.why);
  NicknameIndex index;
  const absl::Status status = index.AddCsv(
      "name1,relationship,name2\nrobert,has_nickname,bob\n" + c.line + "\n");
  CHECK(status.code() == absl::StatusCode::kInvalidArgument);
  CHECK(std::string(status.message()).find("line 3") != std::string::npos);
  CHECK(std::string(status.message()).find("secretname") == std::string::npos);
  // Lines before the bad one stay added.
  CHECK(index.AreNicknames("robert", "bob"));
}

struct InitialsCase {
  std::string a;
  std::string b;
  bool compatible;
};

TEST_CASE("InitialsCompatible: initials against full given names",
          "[matchers]") {
  const InitialsCase c = GENERATE(values<InitialsCase>({
      {"j", "jean", true},
      {"j p", "jean pierre", true},
      {"jp", "jean pierre", true},
      {"jean p", "jean pierre", true},
      {"j", "jean pierre", true},
      {"j pierre", "jean pierre", true},
      {"jean pierre", "jean pierre", true},
      {"jpm", "jean pierre marie", true},
      {"p", "jean", false},
      {"jp", "jean", false},
      {"jean", "jean pierre", false},
      {"jp", "jean paul marie", true},
      {"jean paul", "jean pierre", false},
      {"jo", "joseph", false},  // "jo" has a vowel: a name, not initials
      {"", "jean", false},
      {"", "", false},
  }));
  CAPTURE(c.a, c.b);
  CHECK(InitialsCompatible(c.a, c.b) == c.compatible);
  CHECK(InitialsCompatible(c.b, c.a) == c.compatible);
}

struct SwapCase {
  std::string given_a, family_a, given_b, family_b;
  bool swapped;
};

TEST_CASE("IsSwapped: given and family names exchanged, typos tolerated",
          "[matchers]") {
  const SwapCase c = GENERATE(values<SwapCase>({
      {"claire", "martin", "martin", "claire", true},
      {"claire", "martin", "martinn", "clare", true},
      {"claire", "martin", "claire", "martin", false},
      {"martin", "martin", "martin", "martin", false},
      {"claire", "martin", "paul", "durand", false},
      {"claire", "", "", "claire", false},
      // A middle name on one side: its first given name is what crosses.
      {"kelsie michelle", "vazquez", "vazquez", "kelsie", true},
      // An initial may stand for one crossing when the other is a name.
      {"c", "vincent", "vincent", "carla", true},
      {"vincent", "carla", "c", "vincent", true},
      // ... but not for both, nor for a letter the name does not start with.
      {"c", "vincent", "v", "carla", false},
      {"c", "vincent", "vincent", "marie", false},
  }));
  CAPTURE(c.given_a, c.family_a, c.given_b, c.family_b);
  CHECK(IsSwapped(c.given_a, c.family_a, c.given_b, c.family_b) == c.swapped);
  CHECK(IsSwapped(c.given_b, c.family_b, c.given_a, c.family_a) == c.swapped);
}

TEST_CASE("IsSwapped: the threshold decides how many typos pass",
          "[matchers]") {
  // JaroWinkler("martin", "marten") == 0.9333.
  CHECK(IsSwapped("claire", "martin", "marten", "claire", 0.9));
  CHECK_FALSE(IsSwapped("claire", "martin", "marten", "claire", 0.95));
}

}  // namespace
}  // namespace mdm::matchers
