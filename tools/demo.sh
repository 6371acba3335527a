#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Quick start, part 1: installs what is missing, builds in Release, loads and
# matches the synthetic multi-source sample of data-samples/ into a fresh
# SQLite store, and prints what happened, one decision explained and how the
# clusters compare with the sample's ground truth.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DMDM_BUILD_TESTS=OFF -DMDM_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/release --target mdm_cli
mdm=build/release/tools/mdm/mdm

store=out/demo/mdm.db
rm -rf out/demo && mkdir -p out/demo
echo "== mdm init"
$mdm init --db "$store"
echo
echo "== mdm run (four source types, two encodings, deliberately bad rows; then matching and golden records)"
$mdm run --config data-samples/mdm.yaml --db "$store"
echo
echo "== the same files again: recognised by content hash, nothing reloaded"
$mdm run --config data-samples/mdm.yaml --db "$store"
echo
echo "== mdm sources"
$mdm sources --db "$store"
echo
echo "== mdm rejects (each bad row with file, line, field and reason)"
$mdm rejects --db "$store"
echo
first_key=$(awk -F, 'NR==2 {print $1}' data-samples/crm_fr.csv)
echo "== mdm records show crm_fr $first_key"
$mdm records show crm_fr "$first_key" --db "$store"
echo
# One person's CRM record and a medical-information inquiry of theirs, by the
# generator's truth file.
person=$(awk -F, '$1 == "crm_fr" && $2 == "'"$first_key"'" {print $3}' data-samples/truth.csv)
inquiry=$(awk -F, '$1 == "medinfo" && $3 == "'"$person"'" {print $2; exit}' data-samples/truth.csv)
if [[ -n "$inquiry" ]]; then
  echo "== mdm explain crm_fr:$first_key medinfo:$inquiry (same person by the truth file)"
  $mdm explain "crm_fr:$first_key" "medinfo:$inquiry" --db "$store"
  echo
fi
golden=$($mdm xref --json crm_fr "$first_key" --db "$store" | sed 's/.*"golden_id":"\([^"]*\)".*/\1/')
echo "== mdm xref crm_fr $first_key, then mdm golden show $golden (values, lineage, members)"
$mdm xref crm_fr "$first_key" --db "$store"
$mdm golden show "$golden" --db "$store"
echo
echo "== mdm evaluate --truth data-samples/truth.csv"
$mdm evaluate --truth data-samples/truth.csv --db "$store"
echo
echo "== mdm queue list (what a data steward is asked)"
$mdm queue list --limit 5 --db "$store"
echo
echo "== mdm audit verify; mdm gdpr report --config data-samples/mdm.yaml (the privacy officer's view)"
$mdm audit verify --db "$store"
$mdm gdpr report --config data-samples/mdm.yaml --db "$store"
echo
echo "store: $store   (try: $mdm rejects --warnings --db $store;"
echo "       $mdm gdpr export --golden $golden --reason demo --officer me --db $store)"
echo "steward page: printf 'a long password\n' | $mdm user add me --role steward --db $store"
echo "              $mdm serve --db $store   # then open http://127.0.0.1:8080"
