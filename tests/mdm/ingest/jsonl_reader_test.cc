// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/jsonl_reader.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/model/reject.h"
#include "tests/testing/temp_dir.h"

namespace mdm::ingest {
namespace {

using model::IssueReason;

// One row as "line: path#group=value ..." or "line: !reason field".
using Rows = std::vector<std::string>;

std::string Describe(const RawRow& row, const std::vector<std::string>& columns) {
  std::string out = absl::StrCat(row.line, ":");
  if (row.error) {
    return absl::StrCat(out, " !", model::IssueReasonName(*row.error), " ",
                        row.error_field);
  }
  for (const RawField& f : row.fields) {
    absl::StrAppend(&out, " ", columns[f.column], "#", f.group, "=", f.value);
  }
  return out;
}

Rows Drain(JsonlReader* reader) {
  Rows rows;
  RawRow row;
  while (true) {
    absl::StatusOr<bool> more = reader->Next(&row);
    REQUIRE(more.ok());
    if (!*more) break;
    CHECK(row.raw.size() <= RawRow::kMaxRawBytes);
    rows.push_back(Describe(row, reader->columns()));
  }
  return rows;
}

struct JsonCase {
  std::string name;
  std::string input;
  Rows rows;
  Encoding encoding = Encoding::kUtf8;
  IngestLimits limits = {};
};

// Reads from a file, then from memory with tiny buffers: same rows.
void CheckCase(const JsonCase& c) {
  CAPTURE(c.name, c.input);
  testing::TempDir dir;
  JsonlOptions options;
  options.encoding = c.encoding;
  options.limits = c.limits;
  auto reader = JsonlReader::Open(dir.Write("in.jsonl", c.input), options);
  REQUIRE(reader.ok());
  CHECK(Drain(reader->get()) == c.rows);
  for (size_t buffer : {1, 3, 16}) {
    options.read_buffer_bytes = buffer;
    auto small = JsonlReader::OpenBuffer(c.input, "in.jsonl", options);
    REQUIRE(small.ok());
    CHECK(Drain(small->get()) == c.rows);
  }
}

TEST_CASE("JsonlReader: objects flatten to paths, groups and values",
          "[ingest]") {
  const JsonCase c = GENERATE(values<JsonCase>({
      {"scalars", R"({"npi":1234567893,"ok":true,"no":false,"fax":null})",
       {"1: npi#0=1234567893 ok#0=true no#0=false"}},
      {"nested objects", R"({"name":{"first":"Ana","last":{"x":"Lee"}}})",
       {"1: name.first#0=Ana name.last.x#0=Lee"}},
      {"array of scalars", R"({"emails":["a@x.org","b@x.org"]})",
       {"1: emails[]#0=a@x.org emails[]#1=b@x.org"}},
      {"array of objects",
       R"({"id":"7","addr":[{"zip":"75001","l":["1 rue","bât B"]},{"zip":"69001"}]})",
       {"1: id#0=7 addr[].zip#0=75001 addr[].l[]#0=1 rue addr[].l[]#0=bât B "
        "addr[].zip#1=69001"}},
      {"nested arrays and nulls keep element indexes",
       R"({"a":[[1,2],[3]],"b":[null,"x"]})",
       {"1: a[][]#0=1 a[][]#0=2 a[][]#1=3 b[]#1=x"}},
      {"numbers keep their text",
       R"({"a":1.50,"b":-0.0,"c":1e3,"d":-42,"e":18446744073709551615,"f":123456789012345678901234567890})",
       {"1: a#0=1.50 b#0=-0.0 c#0=1e3 d#0=-42 e#0=18446744073709551615 "
        "f#0=123456789012345678901234567890"}},
      {"unicode escapes", R"({"n":"\u00e9\u20ac\ud83d\ude00 \"q\" \\"})",
       {"1: n#0=é€😀 \"q\" \\"}},
      {"empty containers give no field", R"({"a":[],"b":{},"c":"x"})",
       {"1: c#0=x"}},
      {"blank lines skipped, CRLF, BOM",
       "\xEF\xBB\xBF\n  \r\n{\"a\":1}\r\n\n{\"b\":2}", {"3: a#0=1", "5: b#0=2"}},
      {"repeated key gives both values", R"({"a":1,"a":2})",
       {"1: a#0=1 a#0=2"}},
      {"columns are interned across rows", "{\"b\":1}\n{\"a\":2,\"b\":3}\n",
       {"1: b#0=1", "2: a#0=2 b#0=3"}},
      {"windows-1252 line", "{\"a\":\"caf\xE9 \x80\"}",
       {"1: a#0=café €"}, Encoding::kWindows1252},
  }));
  CheckCase(c);
}

TEST_CASE("JsonlReader: every reject reason, and the lines after it",
          "[ingest]") {
  const JsonCase c = GENERATE(values<JsonCase>({
      {"malformed", "{\"a\":1\n{\"a\":1} x\nhello\n{\"a\":\"\\ud800\"}\n{}\n",
       {"1: !malformed_json ", "2: !malformed_json ", "3: !malformed_json ",
        "4: !malformed_json ", "5:"}},
      {"not an object", "[1,2]\n42\n\"s\"\nnull\n[{\"a\":1}\n",
       {"1: !not_an_object ", "2: !not_an_object ", "3: !not_an_object ",
        "4: !not_an_object ", "5: !malformed_json "}},
      {"row too large", "{\"a\":\"0123456789012345\"}\n{\"a\":1}\n",
       {"1: !row_too_large ", "2: a#0=1"}, Encoding::kUtf8,
       IngestLimits{100, 20, 100}},
      {"field too large", "{\"a\":\"abcd\"}\n{\"a\":\"abc\"}\n",
       {"1: !field_too_large a", "2: a#0=abc"}, Encoding::kUtf8,
       IngestLimits{3, 100, 100}},
      {"too many values", "{\"a\":1,\"b\":2,\"c\":3}\n{\"b\":4,\"a\":5}\n",
       {"1: !too_many_fields ", "2: b#0=4 a#0=5"}, Encoding::kUtf8,
       IngestLimits{100, 100, 2}},
      {"too many distinct paths", "{\"a\":1,\"b\":2}\n{\"c\":3}\n{\"b\":4}\n",
       {"1: a#0=1 b#0=2", "2: !too_many_fields c", "3: b#0=4"},
       Encoding::kUtf8, IngestLimits{100, 100, 2}},
      {"invalid UTF-8", "{\"a\":\"caf\xE9\"}\n{\"a\":\"ok\"}\n",
       {"1: !invalid_utf8 ", "2: a#0=ok"}},
      {"undefined windows-1252 byte", "{\"a\":\"\x81\"}\n",
       {"1: !encoding_error "}, Encoding::kWindows1252},
  }));
  CheckCase(c);
}

TEST_CASE("JsonlReader: details give offsets, never the text", "[ingest]") {
  auto reader = JsonlReader::OpenBuffer(
      "{\"name\":\"Secret\" oops}\n{\"a\":\"caf\xE9\"}\n", "x.jsonl", {});
  REQUIRE(reader.ok());
  RawRow row;
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.error_detail == "not valid JSON at byte 18");
  CHECK(row.raw == "{\"name\":\"Secret\" oops}");
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.error_detail == "line: invalid UTF-8 at byte 9 (0xE9)");
  CHECK_FALSE(*(*reader)->Next(&row));
}

TEST_CASE("JsonlReader: a too-long line is skipped without being held",
          "[ingest]") {
  JsonlOptions options;
  options.limits.max_row_bytes = 1000;
  options.read_buffer_bytes = 64;
  const std::string long_line = "{\"a\":\"" + std::string(200000, 'x') + "\"}";
  auto reader = JsonlReader::OpenBuffer(long_line + "\n{\"b\":1}\n" + long_line,
                                        "x.jsonl", options);
  REQUIRE(reader.ok());
  CHECK(Drain(reader->get()) ==
        Rows{"1: !row_too_large ", "2: b#0=1", "3: !row_too_large "});
}

TEST_CASE("JsonlReader: Open reports a missing file and bad limits",
          "[ingest]") {
  testing::TempDir dir;
  CHECK(JsonlReader::Open(dir.File("missing.jsonl"), {}).status().code() ==
        absl::StatusCode::kNotFound);
  JsonlOptions options;
  options.limits.max_fields = 0;
  CHECK(JsonlReader::OpenBuffer("{}", "x.jsonl", options).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mdm::ingest
