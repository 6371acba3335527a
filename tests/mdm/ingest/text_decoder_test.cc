// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/text_decoder.h"

#include <string>

#include <catch2/catch.hpp>

namespace mdm::ingest {
namespace {

using model::IssueReason;

struct DecodeCase {
  Encoding encoding;
  std::string input;
  std::string utf8;
};

TEST_CASE("TextDecoder: converts each encoding to UTF-8", "[ingest]") {
  const DecodeCase c = GENERATE(values<DecodeCase>({
      {Encoding::kUtf8, "", ""},
      {Encoding::kUtf8, "plain ASCII", "plain ASCII"},
      {Encoding::kUtf8, "Hélène € 😀", "Hélène € 😀"},
      {Encoding::kWindows1252, "", ""},
      {Encoding::kWindows1252, "Dupont", "Dupont"},
      {Encoding::kWindows1252, "caf\xE9 \x80 \x9C \x9F \x8A \x99", "café € œ Ÿ Š ™"},
      {Encoding::kWindows1252, "\xC0\xFF", "Àÿ"},
      {Encoding::kLatin1, "caf\xE9 \xE6", "café æ"},
      // In ISO-8859-1 the C1 range holds control characters, not € or œ.
      {Encoding::kLatin1, "\x80\x9C\x81", "\xC2\x80\xC2\x9C\xC2\x81"},
  }));
  CAPTURE(EncodingName(c.encoding), c.input);
  absl::StatusOr<TextDecoder> decoder = TextDecoder::Create(c.encoding);
  REQUIRE(decoder.ok());
  std::string text = c.input;
  CHECK_FALSE(decoder->Decode(&text).has_value());
  CHECK(text == c.utf8);
}

struct ErrorCase {
  Encoding encoding;
  std::string input;
  IssueReason reason;
  size_t offset;
  std::string detail;
};

TEST_CASE("TextDecoder: undecodable bytes give reason and offset", "[ingest]") {
  const ErrorCase c = GENERATE(values<ErrorCase>({
      {Encoding::kUtf8, "caf\xE9", IssueReason::kInvalidUtf8, 3,
       "invalid UTF-8 at byte 3 (0xE9)"},
      {Encoding::kUtf8, "\xC0\xAF", IssueReason::kInvalidUtf8, 0,
       "invalid UTF-8 at byte 0 (0xC0)"},
      {Encoding::kWindows1252, "a\x81", IssueReason::kEncodingError, 1,
       "byte 0x81 at byte 1 is undefined in windows-1252"},
      {Encoding::kWindows1252, "\xE9\x8D", IssueReason::kEncodingError, 1,
       "byte 0x8D at byte 1 is undefined in windows-1252"},
      {Encoding::kWindows1252, "\x8F", IssueReason::kEncodingError, 0,
       "byte 0x8F at byte 0 is undefined in windows-1252"},
      {Encoding::kWindows1252, "ab\x90", IssueReason::kEncodingError, 2,
       "byte 0x90 at byte 2 is undefined in windows-1252"},
      {Encoding::kWindows1252, "\x9D", IssueReason::kEncodingError, 0,
       "byte 0x9D at byte 0 is undefined in windows-1252"},
  }));
  CAPTURE(EncodingName(c.encoding), c.input);
  absl::StatusOr<TextDecoder> decoder = TextDecoder::Create(c.encoding);
  REQUIRE(decoder.ok());
  std::string text = c.input;
  std::optional<DecodeError> error = decoder->Decode(&text);
  REQUIRE(error.has_value());
  CHECK(error->reason == c.reason);
  CHECK(error->offset == c.offset);
  CHECK(error->Detail() == c.detail);
  CHECK(text == c.input);  // left unchanged
}

TEST_CASE("TextDecoder: a decoder is reusable across texts", "[ingest]") {
  absl::StatusOr<TextDecoder> decoder =
      TextDecoder::Create(Encoding::kWindows1252);
  REQUIRE(decoder.ok());
  std::string bad = "\x81";
  CHECK(decoder->Decode(&bad).has_value());
  for (int i = 0; i < 3; ++i) {
    std::string text = "\xE9t\xE9";
    CHECK_FALSE(decoder->Decode(&text).has_value());
    CHECK(text == "été");
  }
}

}  // namespace
}  // namespace mdm::ingest
