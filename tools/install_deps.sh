#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the Debian 12 packages the build, the tests and the demo need,
# only those that are missing. Runs as root, or through sudo when available.
# Usage: tools/install_deps.sh [--with-test-tools]
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libabsl-dev libre2-dev libicu-dev libsqlite3-dev
  libphonenumber-dev libprotobuf-dev libyaml-cpp-dev nlohmann-json3-dev libsimdjson-dev
  libcli11-dev libssl-dev libjemalloc-dev libcpp-httplib-dev catch2
)
if [[ "${1:-}" == "--with-test-tools" ]]; then
  # clang + compiler-rt for the libFuzzer smoke run; Debian's python3 with
  # jsonschema and yaml for the config schema check; Chromium and its
  # WebDriver for the review page's end-to-end test (tests/e2e).
  packages+=(clang libclang-rt-14-dev python3 python3-jsonschema python3-yaml
    chromium chromium-driver)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
