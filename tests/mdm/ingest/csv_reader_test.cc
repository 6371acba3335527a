// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/csv_reader.h"

#include <cstdint>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/model/reject.h"
#include "tests/testing/temp_dir.h"

namespace mdm::ingest {
namespace {

using model::IssueReason;

// What one row must read as: its values, or its reject reason and column.
struct Expect {
  Expect(int64_t line_number, std::vector<std::string> row_values)
      : line(line_number), values(std::move(row_values)) {}

  int64_t line = 0;
  std::vector<std::string> values;
  std::optional<IssueReason> error;
  std::string error_field;

  bool operator==(const Expect& other) const {
    return line == other.line && values == other.values &&
           error == other.error && error_field == other.error_field;
  }
};

std::ostream& operator<<(std::ostream& os, const Expect& e) {
  os << "{line " << e.line << ", [";
  for (const std::string& v : e.values) os << '"' << v << "\" ";
  os << "], error " << (e.error ? static_cast<int>(*e.error) : 0) << " '"
     << e.error_field << "'}";
  return os;
}

Expect Reject(int64_t line, IssueReason reason, std::string field = "") {
  Expect e(line, {});
  e.error = reason;
  e.error_field = std::move(field);
  return e;
}

// Every row of `reader`, plus the raw bytes of each.
std::vector<Expect> Drain(CsvReader* reader, std::vector<std::string>* raws) {
  std::vector<Expect> rows;
  RawRow row;
  while (true) {
    absl::StatusOr<bool> more = reader->Next(&row);
    REQUIRE(more.ok());
    if (!*more) break;
    Expect got(row.line, {});
    got.error = row.error;
    got.error_field = row.error_field;
    for (size_t i = 0; i < row.fields.size(); ++i) {
      CHECK(row.fields[i].column == static_cast<int>(i));
      got.values.push_back(row.fields[i].value);
    }
    rows.push_back(std::move(got));
    if (raws != nullptr) raws->push_back(row.raw);
  }
  return rows;
}

struct CsvCase {
  std::string name;
  std::string input;
  std::vector<std::string> columns;
  std::vector<Expect> rows;
  char delimiter = ',';
  Encoding encoding = Encoding::kUtf8;
  IngestLimits limits = {};
};

CsvOptions OptionsOf(const CsvCase& c) {
  CsvOptions options;
  options.delimiter = c.delimiter;
  options.encoding = c.encoding;
  options.limits = c.limits;
  return options;
}

IngestLimits Limits(int64_t field, int64_t row, int fields = 1000) {
  return IngestLimits{field, row, fields};
}

// Reads the case from a file with the default buffer, then from memory with
// tiny buffers: every chunk boundary must give the same rows.
void CheckCase(const CsvCase& c) {
  CAPTURE(c.name);
  testing::TempDir dir;
  const std::string path = dir.Write("input.csv", c.input);
  absl::StatusOr<std::unique_ptr<CsvReader>> reader =
      CsvReader::Open(path, OptionsOf(c));
  REQUIRE(reader.ok());
  CHECK((*reader)->columns() == c.columns);
  std::vector<std::string> raws;
  CHECK(Drain(reader->get(), &raws) == c.rows);
  for (size_t buffer : {1, 2, 3, 5, 64}) {
    CAPTURE(buffer);
    CsvOptions options = OptionsOf(c);
    options.read_buffer_bytes = buffer;
    auto small = CsvReader::OpenBuffer(c.input, "input.csv", options);
    REQUIRE(small.ok());
    std::vector<std::string> small_raws;
    CHECK(Drain(small->get(), &small_raws) == c.rows);
    CHECK(small_raws == raws);
  }
}

TEST_CASE("CsvReader: RFC 4180 dialect reads as expected", "[ingest]") {
  const CsvCase c = GENERATE(values<CsvCase>({
      {"plain", "id,name\n1,Ana\n2,Bo\n", {"id", "name"},
       {{2, {"1", "Ana"}}, {3, {"2", "Bo"}}}},
      {"quoted with delimiter and escapes",
       "id,name\n1,\"Martin, Jean\"\n2,\"say \"\"hi\"\"\"\n3,\"\"\n",
       {"id", "name"},
       {{2, {"1", "Martin, Jean"}}, {3, {"2", "say \"hi\""}}, {4, {"3", ""}}}},
      {"embedded LF, CRLF and CR inside quotes",
       "id,note\r\n1,\"a\nb\"\r\n2,\"c\r\nd\re\"\r\n3,f\r\n", {"id", "note"},
       {{2, {"1", "a\nb"}}, {4, {"2", "c\r\nd\re"}}, {7, {"3", "f"}}}},
      {"CR line endings", "id,n\r1,a\r2,b\r", {"id", "n"},
       {{2, {"1", "a"}}, {3, {"2", "b"}}}},
      {"UTF-8 byte order mark", "\xEF\xBB\xBFid,name\n1,x\n", {"id", "name"},
       {{2, {"1", "x"}}}},
      {"semicolon", "id;name\n1;Dupont, J\n", {"id", "name"},
       {{2, {"1", "Dupont, J"}}}, ';'},
      {"tab", "id\tname\n1\ta b\n", {"id", "name"}, {{2, {"1", "a b"}}}, '\t'},
      {"pipe", "id|name\n1|\"a|b\"\n", {"id", "name"}, {{2, {"1", "a|b"}}},
       '|'},
      {"blank lines skipped and counted", "\nid,n\n\n1,a\n\r\n\r\n2,b\n\n\n",
       {"id", "n"}, {{4, {"1", "a"}}, {7, {"2", "b"}}}},
      {"no final line break", "id,n\n1,a", {"id", "n"}, {{2, {"1", "a"}}}},
      {"quote inside an unquoted field is text", "id,n\n1,O\"Brien\"\n",
       {"id", "n"}, {{2, {"1", "O\"Brien\""}}}},
      {"empty fields", "a,b,c\n,,\n", {"a", "b", "c"}, {{2, {"", "", ""}}}},
      {"delimiter as the last byte", "a,b\n1,", {"a", "b"}, {{2, {"1", ""}}}},
      {"header only", "a,b\n", {"a", "b"}, {}},
      {"UTF-8 text", "nom\nHélène Ñúñez 日本\n", {"nom"},
       {{2, {"Hélène Ñúñez 日本"}}}},
  }));
  CheckCase(c);
}

TEST_CASE("CsvReader: every reject reason, and the rows after it", "[ingest]") {
  const CsvCase c = GENERATE(values<CsvCase>({
      {"malformed quotes", "id,n\n1,\"abc\"x\n2,ok\n", {"id", "n"},
       {Reject(2, IssueReason::kMalformedQuotes, "n"), {3, {"2", "ok"}}}},
      {"unbalanced quote: reading resumes on the next line",
       "id,n\n1,\"abc\n2,ok\n3,fine\n", {"id", "n"},
       {Reject(2, IssueReason::kUnbalancedQuotes, "n"), {3, {"2", "ok"}},
        {4, {"3", "fine"}}}},
      {"unbalanced quote after multi-line rows, CRLF",
       "id,n\r\n1,\"a\r\nb\"\r\n2,\"open\r\n3,x\r\n\r\n4,\"y\r\nz\"\r\n",
       {"id", "n"},
       {{2, {"1", "a\r\nb"}}, Reject(4, IssueReason::kUnbalancedQuotes, "n"),
        {5, {"3", "x"}}, {7, {"4", "y\r\nz"}}}},
      {"unbalanced quote on the last line", "id,n\n1,\"abc", {"id", "n"},
       {Reject(2, IssueReason::kUnbalancedQuotes, "n")}},
      {"open quote closed badly lines later gives the lines back",
       "id,n\n1,\"Dupont\n2,\"Martin\"\n3,Lee\n", {"id", "n"},
       {Reject(2, IssueReason::kUnbalancedQuotes, "n"), {3, {"2", "Martin"}},
        {4, {"3", "Lee"}}}},
      {"bad quote after a good multi-line field stays one reject",
       "a,b,c\n1,\"x\ny\",\"z\"w\n2,3,4\n", {"a", "b", "c"},
       {Reject(2, IssueReason::kMalformedQuotes, "c"), {4, {"2", "3", "4"}}}},
      {"too many and too few fields", "a,b\n1,2,3\n1\n4,5\n", {"a", "b"},
       {Reject(2, IssueReason::kTooManyFields),
        Reject(3, IssueReason::kTooFewFields), {4, {"4", "5"}}}},
      {"field too large, quoted or not",
       "a,b\n1,123456\n2,\"abcdef\"\n3,12345\n", {"a", "b"},
       {Reject(2, IssueReason::kFieldTooLarge, "b"),
        Reject(3, IssueReason::kFieldTooLarge, "b"), {4, {"3", "12345"}}},
       ',', Encoding::kUtf8, Limits(5, 100)},
      {"row too large", "a,b\n1234,5678\n12345,6789\n1,2\n", {"a", "b"},
       {{2, {"1234", "5678"}}, Reject(3, IssueReason::kRowTooLarge),
        {4, {"1", "2"}}},
       ',', Encoding::kUtf8, Limits(100, 9)},
      {"invalid UTF-8", "a,b\n1,caf\xE9\n2,ok\n", {"a", "b"},
       {Reject(2, IssueReason::kInvalidUtf8, "b"), {3, {"2", "ok"}}}},
      {"undefined windows-1252 bytes",
       "a\nx\x81\nx\x8D\nx\x8F\nx\x90\nx\x9D\nok\n", {"a"},
       {Reject(2, IssueReason::kEncodingError, "a"),
        Reject(3, IssueReason::kEncodingError, "a"),
        Reject(4, IssueReason::kEncodingError, "a"),
        Reject(5, IssueReason::kEncodingError, "a"),
        Reject(6, IssueReason::kEncodingError, "a"), {7, {"ok"}}},
       ',', Encoding::kWindows1252},
  }));
  CheckCase(c);
}

TEST_CASE("CsvReader: single-byte encodings are converted to UTF-8",
          "[ingest]") {
  const CsvCase c = GENERATE(values<CsvCase>({
      {"windows-1252", "nom,ville\nAndr\xE9 \x80 \x9C\x9F,S\xE8te\n",
       {"nom", "ville"}, {{2, {"André € œŸ", "Sète"}}}, ',',
       Encoding::kWindows1252},
      {"latin-1", "nom\xE9,b\n\xE9t\xE9,\x80\xFF\n", {"nomé", "b"},
       {{2, {"été", "\xC2\x80ÿ"}}}, ',', Encoding::kLatin1},
      {"a BOM is data outside UTF-8", "\xEF\xBB\xBFid\n1\n", {"ï»¿id"},
       {{2, {"1"}}}, ',', Encoding::kWindows1252},
  }));
  CheckCase(c);
}

TEST_CASE("CsvReader: reject details name positions, not values", "[ingest]") {
  auto reader = CsvReader::OpenBuffer("a,b\n1,caf\xE9s\n1,2,3\n", "x.csv", {});
  REQUIRE(reader.ok());
  RawRow row;
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.error_detail == "field 2: invalid UTF-8 at byte 3 (0xE9)");
  CHECK(row.raw == "1,caf\xE9s");
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.error_detail == "expected 2 fields, got 3");
  CHECK(row.raw == "1,2,3");
  CHECK_FALSE(*(*reader)->Next(&row));
}

TEST_CASE("CsvReader: an unbalanced quote keeps only its first line as raw",
          "[ingest]") {
  auto reader = CsvReader::OpenBuffer("a,b\n1,\"x\ny\n2,z\n", "x.csv", {});
  REQUIRE(reader.ok());
  RawRow row;
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.error == IssueReason::kUnbalancedQuotes);
  CHECK(row.raw == "1,\"x");
  REQUIRE(*(*reader)->Next(&row));
  CHECK(row.raw == "y");
  CHECK(row.error == IssueReason::kTooFewFields);
}

struct HeaderCase {
  std::string input;
  std::string message_part;
  int max_fields = 1000;
};

TEST_CASE("CsvReader: an unreadable header fails Open with file and line",
          "[ingest]") {
  const HeaderCase c = GENERATE(values<HeaderCase>({
      {"", "h.csv:1: empty file"},
      {"\n\r\n", "h.csv:1: empty file"},
      {"a,b,a\n1,2,3\n", "h.csv:1: header columns 1 and 3 have the same name"},
      {"a,,b\n", "h.csv:1: header column 2 has no name"},
      {"\n\na,\xFF\n", "h.csv:3: unreadable header: invalid_utf8"},
      {"\"a,b\n1,2\n", "h.csv:1: unreadable header: unbalanced_quotes"},
      {"\"a\"b,c\n", "h.csv:1: unreadable header: malformed_quotes"},
      {"a,b,c\n", "h.csv:1: the header has 3 columns", 2},
  }));
  CAPTURE(c.input);
  testing::TempDir dir;
  CsvOptions options;
  options.limits.max_fields = c.max_fields;
  auto reader = CsvReader::Open(dir.Write("h.csv", c.input), options);
  REQUIRE(reader.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK_THAT(std::string(reader.status().message()),
             Catch::Contains(c.message_part));
}

TEST_CASE("CsvReader: Open reports a missing file and unusable options",
          "[ingest]") {
  testing::TempDir dir;
  CHECK(CsvReader::Open(dir.File("missing.csv"), {}).status().code() ==
        absl::StatusCode::kNotFound);
  CHECK(CsvReader::Open(dir.path(), {}).status().code() ==
        absl::StatusCode::kNotFound);
  for (char delimiter : {'"', '\n', '\r', '\0'}) {
    CsvOptions options;
    options.delimiter = delimiter;
    CHECK(CsvReader::OpenBuffer("a\n", "x.csv", options).status().code() ==
          absl::StatusCode::kInvalidArgument);
  }
  CsvOptions options;
  options.limits.max_row_bytes = 0;
  CHECK(CsvReader::OpenBuffer("a\n", "x.csv", options).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

// Every detail of every row, to compare reads that must agree exactly.
std::vector<std::string> Describe(const std::string& input, CsvOptions options,
                                  size_t buffer) {
  options.read_buffer_bytes = buffer;
  auto reader = CsvReader::OpenBuffer(input, "fuzz.csv", options);
  REQUIRE(reader.ok());
  std::vector<std::string> rows;
  RawRow row;
  while (*(*reader)->Next(&row)) {
    std::string text = absl::StrCat(row.line, "|", row.error ? static_cast<int>(*row.error) : 0,
                                    "|", row.error_field, "|", row.error_detail, "|", row.raw);
    for (const RawField& f : row.fields) absl::StrAppend(&text, "|", f.value);
    rows.push_back(std::move(text));
  }
  return rows;
}

struct FuzzCase {
  std::string name;
  std::string input;
  char delimiter;
  IngestLimits limits;
  std::string first_row;  // Describe() of the first data row
};

// Inputs found by tests/fuzz/csv_reader_fuzzer, minimized by hand.
TEST_CASE("CsvReader: the read buffer size never changes the rows",
          "[ingest][regression]") {
  const FuzzCase c = GENERATE(values<FuzzCase>({
      // 2026-11-23: the row-size detail differed when the limit was passed
      // in mid-record (small buffer) or at the record's end (one read).
      {"row too large, seen mid-record or at its end",
       "ab\n||" + std::string(70, 'x') + "\n|\"a", '|', Limits(16, 64, 8),
       "2|7||row longer than the limit of 64 bytes|||" + std::string(70, 'x')},
      // A field over its limit after the row passed its own: the row's
      // size wins, whichever is seen first.
      {"row too large wins over a later field too large",
       "a,b,c\n" + std::string(10, 'x') + "," + std::string(10, 'y') + "," +
           std::string(20, 'z') + "\n",
       ',', Limits(16, 24, 8),
       "2|7||row longer than the limit of 24 bytes|" + std::string(10, 'x') +
           "," + std::string(10, 'y') + "," + std::string(20, 'z')},
  }));
  CAPTURE(c.name);
  CsvOptions options;
  options.delimiter = c.delimiter;
  options.limits = c.limits;
  const std::vector<std::string> reference =
      Describe(c.input, options, c.input.size() + 1);
  REQUIRE_FALSE(reference.empty());
  CHECK(reference[0] == c.first_row);
  for (size_t buffer = 1; buffer <= 8; ++buffer) {
    CAPTURE(buffer);
    CHECK(Describe(c.input, options, buffer) == reference);
  }
}

// Writes `fields` as one RFC 4180 record, quoting only where needed.
std::string CsvRecord(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    const std::string& f = fields[i];
    const bool quote = f.find_first_of(std::string("\"\r\n") + delimiter) !=
                           std::string::npos ||
                       (f.empty() && fields.size() == 1);
    if (!quote) {
      out += f;
      continue;
    }
    out += '"';
    for (char ch : f) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    out += '"';
  }
  return out;
}

int64_t LineBreaks(const std::string& text) {
  int64_t breaks = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) {
      ++breaks;
    }
  }
  return breaks;
}

TEST_CASE("CsvReader: random records survive a write and read round trip",
          "[ingest][property]") {
  const uint32_t seed = GENERATE(take(60, random(0u, 1u << 30)));
  CAPTURE(seed);
  std::mt19937 rng(seed);
  auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  const std::vector<std::string> atoms = {"a", "Z", "7", " ", "é", "€", ",", ";",
                                          "\t", "|", "\"", "\r", "\n", "\r\n"};
  const char delimiter = std::string(",;\t|")[pick(4)];
  const size_t columns = 1 + pick(5);
  std::vector<std::string> header;
  for (size_t i = 0; i < columns; ++i) header.push_back("c" + std::to_string(i));
  std::string text = CsvRecord(header, delimiter) + "\n";
  int64_t line = 2;
  std::vector<Expect> expected;
  const size_t records = pick(30);
  for (size_t r = 0; r < records; ++r) {
    while (pick(5) == 0) {  // blank lines between records
      text += "\n";
      ++line;
    }
    Expect e(line, {});
    for (size_t i = 0; i < columns; ++i) {
      std::string field;
      for (size_t n = pick(7); n > 0; --n) field += atoms[pick(atoms.size())];
      e.values.push_back(field);
    }
    const std::string record = CsvRecord(e.values, delimiter);
    text += record;
    line += LineBreaks(record) + 1;
    if (r + 1 < records || pick(2) == 0) text += pick(2) == 0 ? "\n" : "\r\n";
    expected.push_back(std::move(e));
  }
  CAPTURE(text);
  for (size_t buffer : {size_t{1} << 20, 1 + pick(16)}) {
    CsvOptions options;
    options.delimiter = delimiter;
    options.read_buffer_bytes = buffer;
    auto reader = CsvReader::OpenBuffer(text, "random.csv", options);
    REQUIRE(reader.ok());
    CHECK((*reader)->columns() == header);
    CHECK(Drain(reader->get(), nullptr) == expected);
  }
}

// VmRSS of this process, in KiB.
int64_t ResidentKib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      int64_t kib = 0;
      status >> kib;
      return kib;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

TEST_CASE("CsvReader: memory stays bounded on a multi-megabyte file",
          "[ingest]") {
  testing::TempDir dir;
  const std::string path = dir.File("big.csv");
  constexpr int kRows = 200000;  // about 20 MB
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,name,note\n";
    for (int i = 0; i < kRows; ++i) {
      // The first half has multi-line quoted notes, the second half none.
      if (i < kRows / 2) {
        out << i << ",name" << i << ",\"a, b\nc" << std::string(60, 'x') << "\"\n";
      } else {
        out << i << ",name" << i << "," << std::string(70, 'y') << "\n";
      }
      // A huge row; a quote closed badly rows later; one open to the end.
      if (i == kRows / 3) out << "1,2,\"" << std::string(3 << 20, 'q') << "\"\n";
      if (i == kRows / 4) out << "1,2,\"never closed\n";
      if (i == kRows / 2 + 10) out << "1,2,\"open to the end\n";
    }
  }
  auto reader = CsvReader::Open(path, {});
  REQUIRE(reader.ok());
  RawRow row;
  int64_t good = 0, oversized = 0, unbalanced = 0, max_rss = 0;
  const int64_t base_rss = ResidentKib();
  while (*(*reader)->Next(&row)) {
    if (!row.error) ++good;
    if (row.error == IssueReason::kRowTooLarge) ++oversized;
    if (row.error == IssueReason::kUnbalancedQuotes) ++unbalanced;
    if (row.line % 1000 == 0) max_rss = std::max(max_rss, ResidentKib());
  }
  CHECK(good == kRows);
  CHECK(oversized == 1);
  CHECK(unbalanced == 2);
  CHECK(row.raw.size() <= RawRow::kMaxRawBytes);
  // The 3 MiB row is skipped, not held: growth stays near buffer + limits.
  CHECK(max_rss - base_rss < 8 * 1024);
}

}  // namespace
}  // namespace mdm::ingest
