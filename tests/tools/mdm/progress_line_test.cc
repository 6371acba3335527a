// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/progress_line.h"

#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

namespace mdm::cli {
namespace {

Progress Make(const char* stage, int64_t done, int64_t total, const char* unit,
              const char* item = "") {
  Progress p;
  p.stage = stage;
  p.item = item;
  p.done = done;
  p.total = total;
  p.unit = unit;
  return p;
}

struct Case {
  const char* what;
  Progress progress;
  double elapsed;
  int64_t done_before;
  const char* line;
};

TEST_CASE("FormatProgressLine: stage, counts, rate and time left", "[cli]") {
  const Case c = GENERATE(values<Case>({
      {"known total: percentage, rate, ETA = (total - done) / rate",
       Make("score", 120000, 310000, "blocks"), 2.0, 0,
       "score  120k/310k blocks  38%  60.0k blocks/s  ETA 4s"},
      {"bytes in decimal units, the file without its folders",
       Make("ingest", 12300000, 52400000, "bytes", "/data/in/crm_fr.csv"), 1.5, 0,
       "ingest crm_fr.csv  12.3 MB/52.4 MB  23%  8.20 MB/s  ETA 5s"},
      {"small counts are exact",
       Make("golden", 250, 1000, "clusters"), 10.0, 0,
       "golden  250/1000 clusters  25%  25 clusters/s  ETA 30s"},
      {"a slow rate keeps a decimal; ETA in minutes",
       Make("persist_matches", 3, 1000, "records"), 2.0, 0,
       "persist_matches  3/1000 records  0%  1.5 records/s  ETA 11m05s"},
      {"ETA in hours",
       Make("score", 1, 10000, "blocks"), 1.0, 0,
       "score  1/10.0k blocks  0%  1.0 blocks/s  ETA 2h46m"},
      {"unknown total: count and rate, no percentage, no ETA",
       Make("load_keys", 45000, 0, "records"), 3.0, 0,
       "load_keys  45.0k records  15.0k records/s"},
      {"zero rate: nothing done yet",
       Make("score", 0, 500, "blocks"), 4.0, 0,
       "score  0/500 blocks  0%  -- blocks/s  ETA --"},
      {"zero rate: no time elapsed yet",
       Make("ingest", 100, 1000, "bytes", "a.csv"), 0.0, 0,
       "ingest a.csv  100 B/1.00 kB  10%  -- B/s  ETA --"},
      {"zero rate and unknown total",
       Make("load_keys", 0, 0, "records"), 0.0, 0,
       "load_keys  0 records  -- records/s"},
      {"done",
       Make("golden", 1000, 1000, "clusters"), 4.0, 0,
       "golden  1000/1000 clusters  100%  250 clusters/s  ETA 0s"},
      {"the rate counts from the units done when timing began",
       Make("golden", 5000, 65800, "clusters"), 2.0, 1000,
       "golden  5000/65.8k clusters  7%  2000 clusters/s  ETA 31s"},
      {"a stage without a unit shows its name",
       Make("block", 0, 0, ""), 1.234, 0,
       "block  ..."},
      {"... and the file it works on",
       Make("train", 0, 0, "", "x/y.csv"), 0.0, 0,
       "train y.csv  ..."},
  }));
  INFO(c.what);
  CHECK(FormatProgressLine(c.progress, c.elapsed, c.done_before) == c.line);
}

TEST_CASE("ProgressLine: draws in place and erases the line when the stage ends", "[cli]") {
  std::FILE* out = std::tmpfile();
  REQUIRE(out != nullptr);
  {
    ProgressLine line(out);
    line.Update(Make("golden", 0, 10, "clusters"));
    Progress end = Make("golden", 10, 10, "clusters");
    end.finished = true;
    line.Update(end);
    line.Update(Make("block", 0, 0, ""));
  }  // the destructor erases what is left
  std::rewind(out);
  std::string text;
  for (int ch = std::fgetc(out); ch != EOF; ch = std::fgetc(out)) text += static_cast<char>(ch);
  std::fclose(out);
  const std::string golden = "\rgolden  0/10 clusters  0%  -- clusters/s  ETA --\x1b[K";
  const std::string erase = "\r\x1b[K";
  const std::string block = "\rblock  ...\x1b[K";
  CHECK(text == golden + erase + block + erase);
}

}  // namespace
}  // namespace mdm::cli
