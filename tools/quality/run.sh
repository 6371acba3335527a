#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Match quality on public labelled data and on generated HCP data; the
# figures in README.md ("Quality") come from this script. Builds in Release,
# loads each dataset into a fresh store, matches it with the config a new
# user would write (tools/quality/*.yaml, or mdm-gen's own for generated
# data) and evaluates the clusters against the ground truth.
# Usage: tools/quality/run.sh [generated_people]   (default 32000: ~100k records)
set -euo pipefail
cd "$(dirname "$0")/../.."
people=${1:-32000}
datasets=$(cd .. && pwd)/shared/datasets

tools/install_deps.sh
cmake -S . -B build/bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DMDM_BUILD_TESTS=OFF >/dev/null
cmake --build build/bench --target mdm_cli mdm-gen
mdm=build/bench/tools/mdm/mdm
work=build/quality
rm -rf "$work" && mkdir -p "$work"

# evaluate NAME CONFIG TRUTH-ARGS...
evaluate() {
  local name=$1 config=$2
  shift 2
  echo "== $name"
  $mdm init --db "$work/$name.db" >/dev/null
  $mdm run --config "$config" --db "$work/$name.db" --json > "$work/$name.run.json"
  $mdm evaluate --db "$work/$name.db" "$@"
  echo
}

evaluate febrl3 tools/quality/febrl3.yaml \
  --truth "$datasets/febrl/dataset3.csv" --source febrl3 --key-column rec_id \
  --entity-column rec_id --entity-pattern '^(rec-\d+)'
evaluate historical_50k tools/quality/historical_50k.yaml \
  --truth "$datasets/splink_historical_50k/historical_figures_with_errors_50k.csv" \
  --source historical --key-column unique_id --entity-column cluster
build/bench/tools/gen/mdm-gen --seed 7 --people "$people" --bad-rows 20 \
  --out "$work/generated" --datasets "$datasets" >/dev/null
evaluate "generated_$people" "$work/generated/mdm.yaml" --truth "$work/generated/truth.csv"
