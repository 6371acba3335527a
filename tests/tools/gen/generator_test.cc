// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/generator.h"

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "mdm/base/utf8.h"
#include "mdm/config.h"
#include "mdm/normalize/identifier_validator.h"

namespace mdm::gen {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kPeople = 50;
constexpr int kBadRows = 10;
constexpr size_t kMaxFieldBytes = 64 * 1024;

const char* const kOutputFiles[] = {
    "crm_fr.csv",   "crm_us.csv", "msl_profiles.jsonl", "medinfo_inquiries.csv",
    "social_mentions.jsonl", "truth.csv", "bad_rows.csv", "mdm.yaml"};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / absl::StrCat("mdm_gen_test_", getpid(), "_", name);
  fs::remove_all(dir);
  return dir;
}

GenReport Run(uint64_t seed, int bad_rows, const fs::path& dir) {
  GenOptions options;
  options.seed = seed;
  options.people = kPeople;
  options.out_dir = dir.string();
  options.datasets_dir = MDM_DATASETS_DIR;
  options.bad_rows = bad_rows;
  absl::StatusOr<GenReport> report = Generate(options);
  REQUIRE(report.ok());
  return *report;
}

// A folder removed when the test process ends.
struct OwnedDir {
  fs::path path;
  ~OwnedDir() { fs::remove_all(path); }
};

// The run most cases inspect: seed 7, 50 people, 10 bad rows.
const fs::path& MainRun() {
  static const OwnedDir dir{TempDir("main")};
  static const bool generated = (Run(7, kBadRows, dir.path), true);
  CHECK(generated);
  return dir.path;
}

// One CSV record as an RFC 4180 reader sees it, and the line it starts on.
struct CsvRecord {
  int64_t line = 0;
  std::vector<std::string> fields;
  std::string text;
};

// Splits `content` into records: quoted fields may hold delimiters, doubled
// quotes and line ends; an unclosed quote runs to the end of the file.
std::vector<CsvRecord> ParseCsv(const std::string& content, char delimiter) {
  std::vector<CsvRecord> records;
  CsvRecord record{1, {""}, ""};
  int64_t line = 1;
  bool quoted = false;
  for (size_t pos = 0; pos < content.size(); ++pos) {
    const char ch = content[pos];
    record.text.push_back(ch);
    if (ch == '\n') ++line;
    if (quoted) {
      if (ch != '"') {
        record.fields.back().push_back(ch);
      } else if (pos + 1 < content.size() && content[pos + 1] == '"') {
        record.fields.back().push_back('"');
        record.text.push_back(content[++pos]);
      } else {
        quoted = false;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == delimiter) {
      record.fields.emplace_back();
    } else if (ch == '\n') {
      records.push_back(record);
      record = CsvRecord{line, {""}, ""};
    } else if (ch != '\r') {
      record.fields.back().push_back(ch);
    }
  }
  if (!record.text.empty()) records.push_back(record);
  return records;
}

std::vector<std::string> Lines(const std::string& content) {
  return absl::StrSplit(content, '\n', absl::SkipEmpty());
}

struct BadRowEntry {
  std::string file;
  int64_t line;
  std::string kind;
};

std::vector<BadRowEntry> ReadBadRows(const fs::path& dir) {
  std::vector<BadRowEntry> entries;
  std::vector<std::string> lines = Lines(ReadFile(dir / "bad_rows.csv"));
  for (size_t line_idx = 1; line_idx < lines.size(); ++line_idx) {
    std::vector<std::string> cols = absl::StrSplit(lines[line_idx], ',');
    REQUIRE(cols.size() == 4);
    BadRowEntry entry{cols[0], 0, cols[2]};
    REQUIRE(absl::SimpleAtoi(cols[1], &entry.line));
    entries.push_back(entry);
  }
  return entries;
}

// source name -> source keys of truth.csv, in file order.
std::map<std::string, std::vector<std::string>> TruthKeys(const fs::path& dir) {
  std::map<std::string, std::vector<std::string>> keys;
  std::vector<std::string> lines = Lines(ReadFile(dir / "truth.csv"));
  REQUIRE(lines.front() == "source,source_key,person_id");
  for (size_t line_idx = 1; line_idx < lines.size(); ++line_idx) {
    std::vector<std::string> cols = absl::StrSplit(lines[line_idx], ',');
    REQUIRE(cols.size() == 3);
    CHECK(absl::StartsWith(cols[2], "P"));
    keys[cols[0]].push_back(cols[1]);
  }
  return keys;
}

size_t Column(const CsvRecord& header, const std::string& name) {
  for (size_t col = 0; col < header.fields.size(); ++col) {
    if (header.fields[col] == name) return col;
  }
  FAIL("no column " << name);
  return 0;
}

TEST_CASE("Generate: the same seed and options give the same bytes", "[gen]") {
  const fs::path again = TempDir("again");
  Run(7, kBadRows, again);
  for (const char* file : kOutputFiles) {
    CAPTURE(file);
    const std::string first = ReadFile(MainRun() / file);
    CHECK_FALSE(first.empty());
    CHECK(first == ReadFile(again / file));
  }
  fs::remove_all(again);
}

TEST_CASE("Generate: another seed gives other records", "[gen]") {
  const fs::path other = TempDir("other");
  Run(8, kBadRows, other);
  for (const char* file : {"crm_fr.csv", "medinfo_inquiries.csv", "truth.csv"}) {
    CAPTURE(file);
    CHECK(ReadFile(MainRun() / file) != ReadFile(other / file));
  }
  fs::remove_all(other);
}

struct SourceFile {
  std::string source;
  std::string file;
  char delimiter;  // 0 for JSON Lines
};

TEST_CASE("Generate: truth.csv has one line per written row", "[gen]") {
  const SourceFile f = GENERATE(values<SourceFile>({
      {"crm_fr", "crm_fr.csv", ','},
      {"crm_us", "crm_us.csv", ','},
      {"msl_kol", "msl_profiles.jsonl", 0},
      {"medinfo", "medinfo_inquiries.csv", ';'},
      {"social", "social_mentions.jsonl", 0},
  }));
  CAPTURE(f.file);
  std::map<std::string, std::vector<std::string>> truth_keys = TruthKeys(MainRun());
  const std::vector<std::string>& truth = truth_keys[f.source];
  const std::string content = ReadFile(MainRun() / f.file);
  if (f.delimiter == 0) {
    CHECK(Lines(content).size() == truth.size());
    return;
  }
  std::vector<CsvRecord> records = ParseCsv(content, f.delimiter);
  REQUIRE(records.size() == truth.size() + 1);  // + header
  for (size_t row = 0; row < truth.size(); ++row) {
    CHECK(records[row + 1].fields[0] == truth[row]);
  }
}

struct IdColumn {
  std::string file;
  std::string column;
  std::string scheme;
};

TEST_CASE("Generate: identifiers carry a correct check digit", "[gen]") {
  const IdColumn c = GENERATE(values<IdColumn>({
      {"crm_fr.csv", "rpps", "rpps"},
      {"crm_fr.csv", "adeli", "adeli"},
      {"crm_us.csv", "npi", "npi"},
  }));
  CAPTURE(c.file, c.column);
  std::set<int64_t> wrong_lines;
  for (const BadRowEntry& bad : ReadBadRows(MainRun())) {
    if (bad.file == c.file && bad.kind == "wrong_check_digit") wrong_lines.insert(bad.line);
  }
  std::vector<CsvRecord> records = ParseCsv(ReadFile(MainRun() / c.file), ',');
  const size_t col = Column(records[0], c.column);
  int valid = 0;
  for (size_t row = 1; row < records.size(); ++row) {
    if (records[row].fields.size() != records[0].fields.size()) continue;
    const std::string& id = records[row].fields[col];
    if (id.empty()) continue;
    CAPTURE(records[row].line);
    const bool expect_valid = wrong_lines.count(records[row].line) == 0;
    CHECK((normalize::ValidateIdentifier(c.scheme, id) == Validity::kValid) ==
          expect_valid);
    valid += expect_valid ? 1 : 0;
  }
  CHECK(valid > 0);
}

TEST_CASE("Generate: KOL profiles carry valid RPPS and NPI", "[gen]") {
  int checked = 0;
  for (const std::string& line : Lines(ReadFile(MainRun() / "msl_profiles.jsonl"))) {
    const nlohmann::json profile = nlohmann::json::parse(line, nullptr, false);
    if (!profile.is_object()) continue;  // the malformed bad row
    for (const char* scheme : {"rpps", "npi"}) {
      if (!profile.contains(scheme)) continue;
      CHECK(normalize::ValidateIdentifier(scheme, profile[scheme].get<std::string>()) ==
            Validity::kValid);
      ++checked;
    }
  }
  CHECK(checked > 0);
}

TEST_CASE("Generate: medinfo is Windows-1252 with CRLF line ends", "[gen]") {
  const std::string content = ReadFile(MainRun() / "medinfo_inquiries.csv");
  int high_bytes = 0;
  for (size_t pos = 0; pos < content.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(content[pos]);
    if (byte >= 0x80) ++high_bytes;
    // A UTF-8 lead byte followed by a continuation byte would mean the text
    // was left in UTF-8.
    const bool lead = byte >= 0xC2 && byte <= 0xF4;
    const bool next_continues =
        pos + 1 < content.size() &&
        (static_cast<unsigned char>(content[pos + 1]) & 0xC0) == 0x80;
    CHECK_FALSE((lead && next_continues));
    if (content[pos] == '\n') CHECK((pos > 0 && content[pos - 1] == '\r'));
  }
  CHECK(high_bytes > 0);
  CHECK(absl::StartsWith(content, "inquiry_id;received_at;caller_name;"));
}

// A row that a reader must reject or flag, found without bad_rows.csv.
std::vector<std::string> FindAnomalies(const fs::path& dir) {
  std::vector<std::string> found;  // "file:line"
  for (const char* file : {"crm_fr.csv", "crm_us.csv", "medinfo_inquiries.csv"}) {
    const char delimiter = std::string(file) == "medinfo_inquiries.csv" ? ';' : ',';
    std::vector<CsvRecord> records = ParseCsv(ReadFile(dir / file), delimiter);
    const CsvRecord& header = records[0];
    const bool crm = std::string(file) != "medinfo_inquiries.csv";
    const bool fr = std::string(file) == "crm_fr.csv";
    for (size_t row = 1; row < records.size(); ++row) {
      const CsvRecord& r = records[row];
      bool bad = r.fields.size() != header.fields.size() || r.fields[0].empty() ||
                 (crm && !base::IsValidUtf8(r.text));
      if (!bad && crm) {
        const std::string id = r.fields[Column(header, fr ? "rpps" : "npi")];
        const bool no_id = id.empty() && (!fr || r.fields[Column(header, "adeli")].empty());
        bad = (r.fields[Column(header, "last_name")].empty() && no_id) ||
              (!id.empty() && normalize::ValidateIdentifier(fr ? "rpps" : "npi", id) !=
                                  Validity::kValid);
      }
      if (bad) found.push_back(absl::StrCat(file, ":", r.line));
    }
  }
  for (const char* file : {"msl_profiles.jsonl", "social_mentions.jsonl"}) {
    std::vector<std::string> lines = Lines(ReadFile(dir / file));
    for (size_t line_idx = 0; line_idx < lines.size(); ++line_idx) {
      const nlohmann::json value = nlohmann::json::parse(lines[line_idx], nullptr, false);
      if (!value.is_object() || lines[line_idx].size() > kMaxFieldBytes) {
        found.push_back(absl::StrCat(file, ":", line_idx + 1));
      }
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

TEST_CASE("Generate: --bad-rows K writes exactly K bad rows", "[gen]") {
  const int count = GENERATE(0, kBadRows, 23);
  CAPTURE(count);
  const fs::path dir = count == kBadRows ? MainRun() : TempDir(absl::StrCat("bad", count));
  if (count != kBadRows) Run(7, count, dir);
  const std::vector<BadRowEntry> listed = ReadBadRows(dir);
  REQUIRE(listed.size() == static_cast<size_t>(count));
  std::vector<std::string> listed_places;
  std::map<std::string, int> kinds;
  for (const BadRowEntry& bad : listed) {
    listed_places.push_back(absl::StrCat(bad.file, ":", bad.line));
    ++kinds[bad.kind];
  }
  std::sort(listed_places.begin(), listed_places.end());
  CHECK(FindAnomalies(dir) == listed_places);
  CHECK(kinds.size() == static_cast<size_t>(std::min(count, 10)));
  if (count > 0) CHECK(kinds["unbalanced_quote"] == 1);
  if (count != kBadRows) fs::remove_all(dir);
}

TEST_CASE("Generate: the unbalanced quote is the last row of its file", "[gen]") {
  for (const BadRowEntry& bad : ReadBadRows(MainRun())) {
    if (bad.kind != "unbalanced_quote") continue;
    std::vector<CsvRecord> records = ParseCsv(ReadFile(MainRun() / bad.file), ',');
    CHECK(records.back().line == bad.line);
    CHECK(records.back().fields.size() < records.front().fields.size());
  }
}

TEST_CASE("Generate: mdm.yaml loads and maps every column of the files", "[gen]") {
  absl::StatusOr<Config> config = LoadConfig((MainRun() / "mdm.yaml").string());
  REQUIRE(config.ok());
  REQUIRE(config->sources.size() == 5);
  for (const SourceConfig& source : config->sources) {
    CAPTURE(source.name);
    const std::string content = ReadFile(MainRun() / source.files);
    REQUIRE_FALSE(content.empty());
    if (source.format != FileFormat::kCsv) continue;
    std::vector<CsvRecord> records = ParseCsv(content, source.delimiter);
    REQUIRE(records[0].fields.size() == source.mapping.size());
    for (size_t col = 0; col < source.mapping.size(); ++col) {
      CHECK(records[0].fields[col] == source.mapping[col].column);
    }
  }
}

TEST_CASE("Generate: out-of-range options are InvalidArgument", "[gen]") {
  GenOptions options;
  options.out_dir = TempDir("invalid").string();
  options.datasets_dir = MDM_DATASETS_DIR;
  options.people = 0;
  CHECK(Generate(options).status().code() == absl::StatusCode::kInvalidArgument);
  options.people = 5;
  options.bad_rows = -1;
  CHECK(Generate(options).status().code() == absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace mdm::gen
