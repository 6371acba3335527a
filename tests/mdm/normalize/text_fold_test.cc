// SPDX-License-Identifier: Apache-2.0
#include "mdm/normalize/text_fold.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::normalize {
namespace {

struct FoldCase {
  std::string in;
  std::string out;
};

TEST_CASE("FoldKey: accents, case, punctuation and ligatures", "[normalize]") {
  const FoldCase c = GENERATE(values<FoldCase>({
      {"", ""},
      {"   ", ""},
      {"MARTIN", "martin"},
      {"  Émilie-Anne  O'Brien ", "emilie anne obrien"},
      {"STRAßE", "strasse"},
      {"Œuvre Lætitia", "oeuvre laetitia"},
      {"Søren Łukasz Đorđe", "soren lukasz dorde"},
      {"D’Alembert", "dalembert"},
      {"Ｆｕｌｌｗｉｄｔｈ", "fullwidth"},
      {"Saint-Étienne (42)", "saint etienne 42"},
  }));
  CAPTURE(c.in);
  CHECK(FoldKey(c.in) == c.out);
  CHECK(FoldKey(FoldKey(c.in)) == FoldKey(c.in));
}

}  // namespace
}  // namespace mdm::normalize
