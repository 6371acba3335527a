#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Quick start, part 2: installs what is missing, builds everything with
# clang under AddressSanitizer + UBSan (warnings as errors) and runs every test
# through ctest there, then gives the libFuzzer targets (CSV reader,
# stored-data readers) a short run.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh --with-test-tools
jobs=$(nproc)

# Benchmarks are built by tools/bench/run.sh, not here. One build fits
# CI's ten minutes on two cores, not two: every test runs once, under the
# sanitizers, which catch more than a plain run, built by clang with
# warnings as errors. GCC with warnings as errors is the development build
# (README, "Quick start"); the two compilers' warnings differ, so both are
# kept clean.
# The sanitizer build uses clang so that the same build also holds the
# libFuzzer targets: one build instead of two. Line tables are all the
# sanitizer reports need, at a fraction of the build time of full -g.
echo "== build and test under AddressSanitizer + UBSan (clang)"
CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DMDM_SANITIZE=ON -DMDM_WERROR=ON -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
  -DMDM_BUILD_BENCHMARKS=OFF -DMDM_BUILD_FUZZERS=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/asan -j "$((2 * jobs))" --output-on-failure --timeout 600
echo "review page screenshot (tests/e2e): build/asan/test-artifacts/e2e_review_decided.png"

echo "== fuzz smoke runs of the CSV reader and the stored-data readers (libFuzzer)"
# One core each, side by side.
mkdir -p build/asan/fuzz-corpus build/asan/fuzz-corpus-stored
build/asan/tests/fuzz/csv_reader_fuzzer -max_total_time=15 -print_final_stats=1 \
  build/asan/fuzz-corpus tests/fuzz/corpus/csv >build/asan/fuzz-csv.log 2>&1 &
csv_fuzzer=$!
build/asan/tests/fuzz/stored_data_fuzzer -max_total_time=15 -print_final_stats=1 \
  build/asan/fuzz-corpus-stored >build/asan/fuzz-stored.log 2>&1 &
stored_fuzzer=$!
status=0
wait "$csv_fuzzer" || status=$?
tail -n 8 build/asan/fuzz-csv.log
wait "$stored_fuzzer" || status=$?
tail -n 8 build/asan/fuzz-stored.log
exit "$status"
