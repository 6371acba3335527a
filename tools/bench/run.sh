#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the benchmarks in Release and runs them; the figures in README.md
# ("Performance") come from this script. Usage: tools/bench/run.sh [records]
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}

tools/install_deps.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMDM_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench
bench=build/bench/tools/bench
data=build/bench/data-$records

if [[ ! -f $data/mdm.yaml ]]; then
  # mdm-gen writes about 3.13 source records per person.
  people=$(( records * 100 / 313 ))
  echo "== generating about $records records ($people people) into $data"
  build/bench/tools/gen/mdm-gen --seed 1 --people "$people" --bad-rows 10 --out "$data"
fi

echo "== ingest: files -> normalized source records in SQLite"
$bench/ingest_bench --data "$data" --runs 3 --work build/bench/work
echo "== matching: normalized records -> clusters (first run trains the model)"
$bench/match_bench --data "$data" --runs 3 --work build/bench/match-work
echo "== nightly batch: fresh store, files -> golden records; then a delta of 10k changed rows"
$bench/nightly_bench --data "$data" --runs 3 --delta 10000 --work build/bench/nightly-work
echo "== MatchOne latency against the store of the nightly run"
$bench/match_one_bench --store build/bench/nightly-work/base.db --queries 5000 --runs 3
echo "== CSV reader"
$bench/csv_bench
echo "== key folding and name parsing"
$bench/fold_bench
echo "== phones"
$bench/phone_bench
$bench/suppression_bench
echo "== matchers"
$bench/matchers_bench
