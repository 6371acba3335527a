// SPDX-License-Identifier: Apache-2.0
#include "tools/gen/generator.h"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <tuple>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "mdm/status.h"
#include "tools/gen/bad_rows.h"
#include "tools/gen/config_writer.h"
#include "tools/gen/person.h"
#include "tools/gen/reference_data.h"
#include "tools/gen/sources.h"
#include "tools/gen/writers.h"

namespace mdm::gen {
namespace {

// Streams beyond any person index, for the concerns that are not a person's.
constexpr uint64_t kKeyStream = 1ULL << 62;
constexpr uint64_t kBadRowStream = kKeyStream + 1;
constexpr uint64_t kPlacementStream = kKeyStream + 2;

// A file's rows once bad rows are in, with the positions of the bad ones.
struct FileRows {
  std::vector<OutputRow> rows;
  std::vector<std::pair<size_t, const BadRow*>> bad;  // row index, bad row
};

absl::Status CheckOptions(const GenOptions& options) {
  if (options.people < 1 || options.people > kMaxPeople) {
    return absl::InvalidArgumentError(
        absl::StrCat("--people must be between 1 and ", kMaxPeople));
  }
  if (options.bad_rows < 0 || options.bad_rows > kMaxBadRows) {
    return absl::InvalidArgumentError(
        absl::StrCat("--bad-rows must be between 0 and ", kMaxBadRows));
  }
  if (options.out_dir.empty()) return absl::InvalidArgumentError("--out is empty");
  return absl::OkStatus();
}

constexpr size_t kAtEnd = static_cast<size_t>(-1);

// Sorts good rows by key, then places each bad row at a random position (or
// last when it must end its file). Bad rows keep their relative order.
FileRows Assemble(std::vector<OutputRow> good, const std::vector<BadRow>& bad_rows,
                  SourceIndex source, Random& rng) {
  std::sort(good.begin(), good.end(), [](const OutputRow& a, const OutputRow& b) {
    return a.source_key < b.source_key;
  });
  std::vector<std::pair<size_t, const BadRow*>> placed;  // position among good rows
  for (const BadRow& bad : bad_rows) {
    if (bad.source != source) continue;
    placed.emplace_back(bad.at_end ? kAtEnd : rng.Uniform(good.size() + 1), &bad);
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  FileRows out;
  out.rows.reserve(good.size() + placed.size());
  size_t next_bad = 0;
  for (size_t good_idx = 0; good_idx <= good.size(); ++good_idx) {
    while (next_bad < placed.size() && placed[next_bad].first <= good_idx) {
      out.bad.emplace_back(out.rows.size(), placed[next_bad].second);
      out.rows.push_back(placed[next_bad++].second->row);
    }
    if (good_idx < good.size()) out.rows.push_back(std::move(good[good_idx]));
  }
  for (; next_bad < placed.size(); ++next_bad) {  // the rows that end the file
    out.bad.emplace_back(out.rows.size(), placed[next_bad].second);
    out.rows.push_back(placed[next_bad].second->row);
  }
  return out;
}

std::string TruthText(const FileRows (&files)[kSourceCount], int64_t* count) {
  std::string out = "source,source_key,person_id\n";
  for (size_t source = 0; source < kSourceCount; ++source) {
    for (const OutputRow& row : files[source].rows) {
      absl::StrAppend(&out, SourceSpecs()[source].name, ",", row.source_key, ",",
                      row.person_id, "\n");
      ++*count;
    }
  }
  return out;
}

std::string BadRowsText(const std::vector<BadRowReport>& reports) {
  std::string out = "file,line,kind,source_key\n";
  for (const BadRowReport& bad : reports) {
    absl::StrAppend(&out, bad.file, ",", bad.line, ",", bad.kind, ",", bad.source_key, "\n");
  }
  return out;
}

// Writes every source file and fills the report's file and bad-row entries.
absl::Status WriteSources(const std::string& dir, const FileRows (&files)[kSourceCount],
                          GenReport* report) {
  for (size_t source = 0; source < kSourceCount; ++source) {
    const SourceSpec& spec = SourceSpecs()[source];
    MDM_ASSIGN_OR_RETURN(std::vector<int64_t> lines,
                         WriteSourceFile(absl::StrCat(dir, "/", spec.file), spec,
                                         files[source].rows));
    report->files.push_back({spec.file, static_cast<int64_t>(files[source].rows.size())});
    for (const auto& [row_idx, bad] : files[source].bad) {
      report->bad_rows.push_back({spec.file, lines[row_idx],
                                  std::string(BadRowKindName(bad->kind)),
                                  bad->row.source_key});
    }
  }
  std::sort(report->bad_rows.begin(), report->bad_rows.end(),
            [](const BadRowReport& a, const BadRowReport& b) {
              return std::tie(a.file, a.line) < std::tie(b.file, b.line);
            });
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GenReport> Generate(const GenOptions& options) {
  MDM_RETURN_IF_ERROR(CheckOptions(options));
  MDM_ASSIGN_OR_RETURN(ReferenceData data, LoadReferenceData(options.datasets_dir));
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) return absl::InternalError(absl::StrCat("cannot create ", options.out_dir));

  PersonFactory factory(data, options.seed);
  KeyMaker keys(StreamSeed(options.seed, kKeyStream));
  BadRowMaker bad_maker(options.bad_rows, StreamSeed(options.seed, kBadRowStream));
  SourceRows rows;
  for (int64_t index = 0; index < options.people; ++index) {
    Random rng(StreamSeed(options.seed, static_cast<uint64_t>(index)));
    const Person person = factory.Make(index, rng);
    AddPersonRows(person, data, rng, keys, &rows);
    bad_maker.Offer(person);
  }
  const std::vector<BadRow> bad_rows = bad_maker.Make(data, keys);

  Random placement(StreamSeed(options.seed, kPlacementStream));
  FileRows files[kSourceCount];
  for (size_t source = 0; source < kSourceCount; ++source) {
    files[source] = Assemble(std::move(rows.rows[source]), bad_rows,
                             static_cast<SourceIndex>(source), placement);
  }
  GenReport report;
  MDM_RETURN_IF_ERROR(WriteSources(options.out_dir, files, &report));
  const std::string dir = options.out_dir;
  MDM_RETURN_IF_ERROR(WriteTextFile(dir + "/truth.csv", TruthText(files, &report.truth_rows)));
  MDM_RETURN_IF_ERROR(WriteTextFile(dir + "/bad_rows.csv", BadRowsText(report.bad_rows)));
  MDM_RETURN_IF_ERROR(WriteTextFile(dir + "/mdm.yaml", RenderConfig()));
  return report;
}

}  // namespace mdm::gen
