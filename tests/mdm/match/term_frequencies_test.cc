// SPDX-License-Identifier: Apache-2.0
// Term frequencies counted at training and kept with the model: counts,
// the share each value gets, the stored form, and damaged stored forms.
#include "mdm/match/term_frequencies.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "mdm/match/match_keys.h"
#include "mdm/record.h"

namespace mdm::match {
namespace {

FeatureTable Families(const std::vector<std::string>& families) {
  FeatureTable t;
  for (size_t i = 0; i < families.size(); ++i) {
    SourceRecord r;
    r.name.family_key = families[i];
    t.Add(static_cast<int64_t>(i + 1), ExtractMatchKeys(r));
  }
  return t;
}

TEST_CASE("TermFrequencies: counts per value, a value never seen counts once", "[match]") {
  const FeatureTable t = Families({"martin", "martin", "martin", "garnier", "szczepanski"});
  const TermFrequencies tf = CountTermFrequencies(t, {Slot::kFamily}, 2);
  REQUIRE(tf.slots.size() == 1);
  const SlotFrequencies& s = tf.slots[0];
  CHECK(s.slot == Slot::kFamily);
  CHECK(s.total == 5);
  CHECK(s.CountOf("martin") == 3);
  CHECK(s.CountOf("garnier") == 1);
  CHECK(s.CountOf("never-seen") == 1);
  CHECK(s.counts.size() == 1);  // only counts of 2 or more are kept
}

TEST_CASE("TermFrequencies: applied to another table, shares come from the model", "[match]") {
  const TermFrequencies tf =
      CountTermFrequencies(Families({"martin", "martin", "martin", "garnier"}), {Slot::kFamily});
  FeatureTable other = Families({"martin", "dupont"});
  ApplyTermFrequencies(tf, other);
  CHECK(other.Values(0, Slot::kFamily)[0].tf == Approx(3.0 / 4));
  CHECK(other.Values(1, Slot::kFamily)[0].tf == Approx(1.0 / 4));
  CHECK(other.term_frequency_total(Slot::kFamily) == 4);
}

TEST_CASE("TermFrequencies: encode and decode give the counts back", "[match]") {
  const TermFrequencies tf = CountTermFrequencies(
      Families({"martin", "martin", "garnier", "garnier", "roux"}), {Slot::kFamily, Slot::kCity});
  absl::StatusOr<TermFrequencies> back = DecodeTermFrequencies(EncodeTermFrequencies(tf));
  REQUIRE(back.ok());
  CHECK(*back == tf);
}

TEST_CASE("TermFrequencies: damaged blobs are DataLoss", "[match]") {
  const std::string good = EncodeTermFrequencies(
      CountTermFrequencies(Families({"martin", "martin"}), {Slot::kFamily}));
  // magic, slots = 1, slot, total, absent count, then a count of entries
  // far beyond what the blob holds (refused before allocating it: the
  // stored-data fuzzer found that one).
  std::string huge = good.substr(0, 4 + 4 + 4 + 8 + 4);
  huge += std::string("\xff\xff\xff\x0f", 4);
  std::string trailing = good + "x";
  for (const std::string& bad : {std::string(), std::string("MTF"), std::string("XXXX") +
                                 good.substr(4), good.substr(0, good.size() - 1), huge,
                                 trailing}) {
    CHECK(DecodeTermFrequencies(bad).status().code() == absl::StatusCode::kDataLoss);
  }
}

}  // namespace
}  // namespace mdm::match
