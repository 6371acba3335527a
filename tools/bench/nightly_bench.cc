// SPDX-License-Identifier: Apache-2.0
// nightly_bench: the nightly batch as a user runs it, through the public
// Engine API only (Engine::Open, Engine::Run, RunReport).
//
//   full run:  a fresh store, one Run over every file of DIR/mdm.yaml: read,
//              normalize, persist, train the model, block, score, cluster,
//              golden records and crosswalk.
//   delta run: on a copy of the store the last full run left, a second
//              delivery of --delta rows: changed versions (phone, e-mail,
//              name typo or address, and a later observed_at) of existing
//              source keys, written to new files that a copy of mdm.yaml
//              (WORK/delta-N/mdm.yaml) points at. Matching runs in delta mode.
//
// Each run happens in a fresh child process (fork), so its peak resident
// memory (wait4 rusage) is its own and not the high-water mark of an earlier
// run; the delta store is restored from the copy before every delta run.
// Prints every run's figures and, per figure, the median over the runs.
//
// Ingest stages overlap (a reader thread, normalize workers, the writer), so
// "read", "normalize" and "persist" are busy seconds, not slices of the wall
// time; "ingest wall" is the time until the last file was done (on_file_done).
// "not in a stage" is the rest of the run after ingest that no stage times:
// mostly committing the run's one transaction (and SQLite's WAL checkpoint).
// "read MiB" and "written MiB" count the child's read and write calls.
//
// Usage: nightly_bench --data DIR [--runs 3] [--delta 10000] [--work DIR]
//                      [--threads 0] [--skip-full]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "mdm/config.h"
#include "mdm/engine.h"

namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;
using Figures = std::map<std::string, double>;  // name -> seconds, MiB or count

double SecondsSince(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

// A store is its file, its log and its secret key (which keys the audit
// trail): they move and go together.
void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", ".key"}) fs::remove(db + suffix);
}

// Bytes the process passed to read and write calls so far (/proc/self/io
// rchar, wchar), in MiB: shows how often the store's data is written over.
void AddIo(Figures& f) {
  std::ifstream in("/proc/self/io");
  std::string name;
  double bytes = 0;
  while (in >> name >> bytes) {
    if (name == "rchar:") f["read MiB"] = bytes / (1 << 20);
    if (name == "wchar:") f["written MiB"] = bytes / (1 << 20);
  }
}

// Child side: one Engine::Run of `config_path` on `db`; figures go to `out`.
int RunChild(const std::string& config_path, const std::string& db, bool create, int threads,
             const std::string& out) {
  const auto open_start = Steady::now();
  mdm::EngineOptions options;
  options.db_path = db;
  options.create_if_missing = create;
  options.threads = threads;
  absl::StatusOr<std::unique_ptr<mdm::Engine>> engine = mdm::Engine::Open(options);
  absl::StatusOr<mdm::Config> config = mdm::LoadConfig(config_path);
  if (!engine.ok() || !config.ok()) {
    std::cerr << (engine.ok() ? config.status() : engine.status()) << "\n";
    return 1;
  }
  Figures f;
  f["open"] = SecondsSince(open_start);
  const auto start = Steady::now();
  mdm::RunOptions run;
  run.on_file_done = [&](const mdm::FileReport&) { f["ingest wall"] = SecondsSince(start); };
  absl::StatusOr<mdm::RunReport> report = (*engine)->Run(*config, run);
  f["run wall"] = SecondsSince(start);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  // Closing checkpoints the WAL into the store file: part of a nightly job.
  const auto close_start = Steady::now();
  engine->reset();
  f["close"] = SecondsSince(close_start);
  AddIo(f);
  for (const auto& [stage, seconds] : report->stage_seconds) f["stage " + stage] = seconds;
  f["rows read"] = report->totals.rows_read;
  f["rows updated"] = report->totals.updated;
  f["records matched"] = report->match.records;
  f["delta"] = report->match.delta;
  f["changed records"] = report->match.changed_records;
  f["model trained"] = report->match.model_trained;
  f["candidate pairs"] = report->match.candidate_pairs;
  f["clusters"] = report->match.clusters;
  f["golden created"] = report->golden.created;
  f["golden updated"] = report->golden.updated;
  f["golden active"] = report->golden.active;
  std::ofstream file(out);
  file.precision(12);  // counts in the millions stay exact
  for (const auto& [name, value] : f) file << name << '\t' << value << '\n';
  return file.good() ? 0 : 1;
}

// Runs `child` in a fresh process; adds the process wall time and peak RSS.
bool Measure(const std::function<int()>& child, const std::string& out, Figures* f) {
  fs::remove(out);
  const auto start = Steady::now();
  const pid_t pid = fork();
  if (pid == 0) _exit(child());
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  (*f)["process wall"] = SecondsSince(start);
  (*f)["peak RSS MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  std::ifstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    const size_t tab = line.find('\t');
    if (tab != std::string::npos) (*f)[line.substr(0, tab)] = std::stod(line.substr(tab + 1));
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 && f->count("run wall") > 0;
}

// Figures in the order of the pipeline; anything else after them.
const std::vector<std::string> kOrder = {
    "run wall", "process wall", "open", "close", "ingest wall", "stage read",
    "stage normalize", "stage persist", "match+golden wall", "stage load_keys",
    "stage block_train", "stage score", "stage cluster", "stage persist_matches",
    "stage survive", "stage persist_golden", "not in a stage", "peak RSS MiB", "read MiB",
    "written MiB"};

// Wall time after the last file that no matching or golden stage accounts
// for (committing the transaction, the run report, model look-ups).
void Derive(Figures& f) {
  f["match+golden wall"] = f["run wall"] - f["ingest wall"];
  double staged = 0;
  for (const char* s : {"stage load_keys", "stage block_train", "stage score", "stage cluster",
                        "stage persist_matches", "stage survive", "stage persist_golden"}) {
    staged += f.count(s) ? f[s] : 0;
  }
  f["not in a stage"] = f["match+golden wall"] - staged;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// One row per figure: every run, then the median of the row.
void Print(const char* what, const std::vector<Figures>& runs) {
  std::vector<std::string> names = kOrder;
  for (const auto& [name, value] : runs.front()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::printf("%s, %zu run(s); seconds unless named:\n  %-22s", what, runs.size(), "");
  for (size_t i = 0; i < runs.size(); ++i) std::printf("      run %zu", i);
  std::printf(" %10s\n", "median");
  for (const std::string& name : names) {
    if (runs.front().count(name) == 0) continue;
    std::vector<double> row;
    std::printf("  %-22s", name.c_str());
    for (const Figures& f : runs) {
      row.push_back(f.count(name) ? f.at(name) : 0);
      std::printf(" %10.2f", row.back());
    }
    std::printf(" %10.2f\n", Median(row));
  }
  std::fflush(stdout);
}

// --- The second delivery -------------------------------------------------

// Columns (CSV header names or JSON paths) of the roles a change touches.
struct Roles {
  std::string key, observed, phone, email, name, address;
};

Roles RolesOf(const mdm::SourceConfig& source) {
  Roles r;
  std::string family, full, street, city;
  for (const mdm::FieldMapping& m : source.mapping) {
    if (m.field == "source_key") r.key = m.column;
    if (m.field == "observed_at") r.observed = m.column;
    if (m.field == "phone") r.phone = m.column;
    if (m.field == "email") r.email = m.column;
    if (m.field == "family_name") family = m.column;
    if (m.field == "full_name") full = m.column;
    if (m.field == "address.street") street = m.column;
    if (m.field == "address.city") city = m.column;
  }
  r.name = family.empty() ? full : family;
  r.address = street.empty() ? city : street;
  return r;
}

// Edits touch ASCII bytes only, so UTF-8 and Windows-1252 rows stay valid.
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool Typo(std::string& v) {  // swaps two letters, as a typist does
  if (v.find('\\') != std::string::npos) return false;  // JSON escapes
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    if (IsLower(v[i]) && IsLower(v[i + 1]) && v[i] != v[i + 1]) {
      std::swap(v[i], v[i + 1]);
      return true;
    }
  }
  return false;
}

bool NewPhone(std::string& v) {  // another last digit
  const size_t at = v.find_last_of("0123456789");
  if (at == std::string::npos) return false;
  v[at] = static_cast<char>('0' + (v[at] - '0' + 1) % 10);
  return true;
}

bool NewEmail(std::string& v) {  // a new mailbox at the same domain
  const size_t at = v.find('@');
  if (at == 0 || at == std::string::npos) return false;
  v.insert(at, "7");
  return true;
}

bool NewAddress(std::string& v) {  // another house number, else a city typo
  for (char& c : v) {
    if (IsDigit(c)) {
      c = static_cast<char>('0' + (c - '0' + 1) % 10);
      return true;
    }
  }
  return Typo(v);
}

// A later observation than any in the generated data, in the value's form.
void LaterObserved(std::string& v) {
  v = v.size() == 10 ? "2026-04-15" : "2026-04-15T09:00:00Z";
}

// Access to the values of one row, CSV or JSON Lines.
class Row {
 public:
  virtual ~Row() = default;
  // The value of `column`, or nullptr when the row has none (or it cannot be
  // edited safely, e.g. a quoted CSV field).
  virtual std::string* Value(const std::string& column) = 0;
  virtual std::string Text() const = 0;
};

// A CSV line split on the delimiter outside quotes; fields keep their quotes.
class CsvRow : public Row {
 public:
  CsvRow(const std::vector<std::string>& header, char delimiter)
      : header_(header), delimiter_(delimiter) {}
  // False when the line is not one whole row of the header's width.
  bool Parse(const std::string& line) {
    fields_.assign(1, "");
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      if (c == delimiter_ && !quoted) {
        fields_.emplace_back();
      } else {
        fields_.back() += c;
      }
    }
    return !quoted && fields_.size() == header_.size();
  }
  std::string* Value(const std::string& column) override {
    const auto it = std::find(header_.begin(), header_.end(), column);
    if (it == header_.end()) return nullptr;
    std::string& v = fields_[it - header_.begin()];
    return v.empty() || v.find('"') != std::string::npos ? nullptr : &v;
  }
  std::string Text() const override {
    std::string out;
    for (size_t i = 0; i < fields_.size(); ++i) {
      if (i > 0) out += delimiter_;
      out += fields_[i];
    }
    return out;
  }

 private:
  const std::vector<std::string>& header_;
  const char delimiter_;
  std::vector<std::string> fields_;
};

// A JSON line edited in place: a column ("name.last", "emails[]") is found
// by its last key, which is unique in mdm-gen's rows; an array yields its
// first string.
class JsonRow : public Row {
 public:
  explicit JsonRow(std::string line) : line_(std::move(line)) {}
  std::string* Value(const std::string& column) override {
    std::string key = column.substr(column.rfind('.') + 1);
    if (key.size() > 2 && key.compare(key.size() - 2, 2, "[]") == 0) key.resize(key.size() - 2);
    size_t at = line_.find("\"" + key + "\":");
    if (at == std::string::npos) return nullptr;
    at = line_.find_first_not_of(" [", at + key.size() + 3);
    if (at == std::string::npos || line_[at] != '"') return nullptr;
    size_t end = at + 1;
    while (end < line_.size() && line_[end] != '"') end += line_[end] == '\\' ? 2 : 1;
    if (end >= line_.size()) return nullptr;
    for (Edit& e : edits_) {
      if (e.at == at + 1) return &e.value;
    }
    edits_.push_back({at + 1, end - at - 1, line_.substr(at + 1, end - at - 1)});
    return &edits_.back().value;
  }
  std::string Text() const override {
    std::string out = line_;
    // Back to front, so earlier offsets stay right.
    std::vector<Edit> edits(edits_.begin(), edits_.end());
    std::sort(edits.begin(), edits.end(), [](auto& a, auto& b) { return a.at > b.at; });
    for (const Edit& e : edits) out.replace(e.at, e.size, e.value);
    return out;
  }

 private:
  struct Edit {
    size_t at, size;
    std::string value;
  };
  std::string line_;
  std::deque<Edit> edits_;  // a deque: Value() hands out pointers into it
};

// Applies change kind `first`, or the next one the row allows; false when
// none does.
bool ChangeRow(Row& row, const Roles& roles, int first) {
  const std::vector<std::pair<const std::string*, bool (*)(std::string&)>> kinds = {
      {&roles.phone, NewPhone}, {&roles.email, NewEmail}, {&roles.name, Typo},
      {&roles.address, NewAddress}};
  for (int i = 0; i < 4; ++i) {
    const auto& [column, change] = kinds[(first + i) % 4];
    if (column->empty()) continue;
    std::string* v = row.Value(*column);
    if (v != nullptr && change(*v)) {
      if (std::string* t = roles.observed.empty() ? nullptr : row.Value(roles.observed)) {
        LaterObserved(*t);
      }
      return true;
    }
  }
  return false;
}

size_t CountLines(const std::string& path) {
  std::ifstream in(path);
  size_t lines = 0;
  for (std::string line; std::getline(in, line);) ++lines;
  return lines;
}

std::vector<std::string> SplitHeader(const std::string& line, char delimiter) {
  std::vector<std::string> names(1);  // mdm-gen's header names are never quoted
  for (char c : line) {
    if (c == delimiter) {
      names.emplace_back();
    } else {
      names.back() += c;
    }
  }
  return names;
}

// The row on `line`, or nullptr when the line is not one whole row (the
// generator's bad rows, see bad_rows.csv, or part of a multi-line field).
std::unique_ptr<Row> ParseRow(const std::string& line, const mdm::SourceConfig& source,
                              const std::vector<std::string>& header) {
  if (source.format == mdm::FileFormat::kJsonl) {
    if (line.empty() || line.front() != '{' || line.back() != '}') return nullptr;
    return std::make_unique<JsonRow>(line);
  }
  auto row = std::make_unique<CsvRow>(header, source.delimiter);
  return row->Parse(line) ? std::move(row) : nullptr;
}

// Writes `want` changed rows of `from` (which holds `lines` lines) to `to`,
// spread evenly over the file, each of a distinct source key. Returns the
// rows written.
size_t WriteChangedRows(const mdm::SourceConfig& source, const std::string& from,
                        size_t lines, const std::string& to, size_t want) {
  const size_t stride = std::max<size_t>(1, lines / std::max<size_t>(1, want));
  const Roles roles = RolesOf(source);
  std::ifstream in(from, std::ios::binary);
  std::ofstream out(to, std::ios::binary);
  std::string line;
  std::vector<std::string> header;
  if (source.format == mdm::FileFormat::kCsv && std::getline(in, line)) {
    out << line << '\n';  // a CRLF file keeps its '\r'
    if (!line.empty() && line.back() == '\r') line.pop_back();
    header = SplitHeader(line, source.delimiter);
  }
  std::set<std::string> keys;
  size_t written = 0;
  for (size_t r = 0, next = 0; written < want && std::getline(in, line); ++r) {
    if (r < next) continue;
    const bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.pop_back();
    std::unique_ptr<Row> row = ParseRow(line, source, header);
    if (row == nullptr) continue;
    const std::string* key = row->Value(roles.key);
    if (key == nullptr || !keys.insert(*key).second) continue;
    if (!ChangeRow(*row, roles, static_cast<int>(written % 4))) continue;
    out << row->Text() << (cr ? "\r\n" : "\n");
    ++written;
    next = r + stride;  // an unusable row defers the pick to the next one
  }
  return written;
}

// Writes the delivery and a copy of mdm.yaml whose `files:` name only the
// new files; returns that copy's path, or "" on failure.
std::string PrepareDelta(const mdm::Config& config, const std::string& dir, size_t total) {
  fs::create_directories(dir);
  // Each source gets its share of the rows: cumulative shares add up to `total`.
  std::vector<size_t> lines;
  std::vector<size_t> before_source = {0};
  for (const mdm::SourceConfig& s : config.sources) {
    lines.push_back(CountLines((fs::path(config.base_dir) / s.files).string()));
    before_source.push_back(before_source.back() + lines.back());
  }
  const size_t all_lines = before_source.back();
  std::ifstream in(config.path);
  std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t written = 0;
  for (size_t i = 0; i < config.sources.size(); ++i) {
    const mdm::SourceConfig& s = config.sources[i];
    const std::string from = (fs::path(config.base_dir) / s.files).string();
    const char* extension = s.format == mdm::FileFormat::kCsv ? ".delta.csv" : ".delta.jsonl";
    const std::string to = fs::absolute(fs::path(dir) / (s.name + extension)).string();
    const size_t want =
        total * before_source[i + 1] / all_lines - total * before_source[i] / all_lines;
    const size_t n = WriteChangedRows(s, from, lines[i], to, want);
    written += n;
    std::printf("  %-10s %6zu changed rows -> %s\n", s.name.c_str(), n, to.c_str());
    const std::string line = "files: " + s.files + "\n";
    const size_t at = yaml.find(line);
    if (at == std::string::npos) {
      std::cerr << "cannot find '" << line << "' in " << config.path << "\n";
      return "";
    }
    yaml.replace(at, line.size(), "files: " + to + "\n");
  }
  std::printf("  %zu changed rows in all\n", written);
  const std::string path = dir + "/mdm.yaml";
  std::ofstream(path) << yaml;
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"nightly_bench: full nightly run and a delta delivery, public API only"};
  std::string data;
  std::string work = "/tmp/mdm-nightly-bench";
  int runs = 3;
  int threads = 0;
  size_t delta = 10000;
  bool skip_full = false;
  app.add_option("--data", data, "Folder with mdm.yaml and generated files")->required();
  app.add_option("--work", work, "Folder for the stores and the delta delivery");
  app.add_option("--runs", runs, "Repetitions of each kind (median reported)")
      ->check(CLI::Range(1, 50));
  app.add_option("--delta", delta, "Changed rows in the second delivery (0: no delta runs)");
  app.add_option("--threads", threads, "Threads (0 = one per core)");
  app.add_flag("--skip-full", skip_full, "Reuse WORK/base.db from an earlier invocation");
  CLI11_PARSE(app, argc, argv);
  fs::create_directories(work);
  const std::string config_path = data + "/mdm.yaml";
  const std::string base = work + "/base.db";
  const std::string out = work + "/figures.tsv";

  if (!skip_full) {
    std::vector<Figures> all;
    for (int i = 0; i < runs; ++i) {
      const std::string db = work + "/full.db";
      RemoveStore(db);
      Figures f;
      if (!Measure([&] { return RunChild(config_path, db, true, threads, out); }, out, &f)) {
        std::cerr << "full run " << i << " failed\n";
        return 1;
      }
      Derive(f);
      std::printf("full run %d: %.2f s, peak RSS %.0f MiB\n", i, f["run wall"],
                  f["peak RSS MiB"]);
      all.push_back(std::move(f));
      RemoveStore(base);
      fs::rename(db, base);  // closed cleanly: no -wal left to carry
      fs::rename(db + ".key", base + ".key");
    }
    Print("FULL NIGHTLY RUN (fresh store)", all);
  }
  if (delta == 0) return 0;

  absl::StatusOr<mdm::Config> config = mdm::LoadConfig(config_path);
  if (!config.ok() || !fs::exists(base)) {
    std::cerr << (config.ok() ? "no " + base : config.status().ToString()) << "\n";
    return 1;
  }
  std::printf("== writing a delivery of %zu changed rows\n", delta);
  const std::string delta_config =
      PrepareDelta(*config, work + "/delta-" + std::to_string(delta), delta);
  if (delta_config.empty()) return 1;
  std::vector<Figures> all;
  for (int i = 0; i < runs; ++i) {
    const std::string db = work + "/delta.db";
    RemoveStore(db);
    fs::copy_file(base, db);
    fs::copy_file(base + ".key", db + ".key");
    Figures f;
    if (!Measure([&] { return RunChild(delta_config, db, false, threads, out); }, out, &f)) {
      std::cerr << "delta run " << i << " failed\n";
      return 1;
    }
    Derive(f);
    std::printf("delta run %d: %.2f s, peak RSS %.0f MiB, delta=%g, %g changed records\n", i,
                f["run wall"], f["peak RSS MiB"], f["delta"], f["changed records"]);
    all.push_back(std::move(f));
  }
  Print("DELTA RUN (store of the full run + changed rows)", all);
  return 0;
}
