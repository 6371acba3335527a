// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/utf8.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::base {
namespace {

struct Utf8Case {
  std::string text;
  size_t first_invalid;
};

TEST_CASE("FindInvalidUtf8: well-formed and ill-formed sequences", "[base]") {
  const Utf8Case c = GENERATE(values<Utf8Case>({
      {"", kValidUtf8},
      {"plain ascii text longer than eight bytes", kValidUtf8},
      {"Hélène Müller-Lüdenscheidt", kValidUtf8},
      {"\xE2\x82\xAC", kValidUtf8},          // euro sign
      {"\xF0\x9F\x98\x80", kValidUtf8},      // emoji
      {"ab\x80", 2},                         // lone continuation byte
      {"abc\xC3", 3},                        // truncated two-byte sequence
      {"\xC0\xAF", 0},                       // overlong '/'
      {"\xE0\x80\xAF", 0},                   // overlong three-byte
      {"\xED\xA0\x80", 0},                   // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},               // above U+10FFFF
      {"12345678\xE9t\xE9", 8},              // Latin-1 "été" after a fast-path chunk
      {"\xFF", 0},
  }));
  CAPTURE(c.text);
  CHECK(FindInvalidUtf8(c.text) == c.first_invalid);
}

TEST_CASE("DecodeUtf8 and AppendUtf8 round-trip every scalar value class", "[base]") {
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', U'\u07FF', U'\uFFFD'}) {
    std::string encoded;
    AppendUtf8(cp, &encoded);
    REQUIRE(IsValidUtf8(encoded));
    size_t pos = 0;
    CHECK(DecodeUtf8(encoded, &pos) == cp);
    CHECK(pos == encoded.size());
  }
}

TEST_CASE("IsAscii: any byte at or above 0x80 makes text non-ASCII", "[base]") {
  CHECK(IsAscii("Martin, Jean"));
  CHECK_FALSE(IsAscii("Jérôme"));
}

}  // namespace
}  // namespace mdm::base
