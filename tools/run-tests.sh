#!/usr/bin/env bash
# README command 2: install what is missing, build, and run every test suite
# (labels: unit, mariadb, sip, browser, e2e, fuzz). Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup/install-deps.sh
tools/build.sh
cd build
ctest --output-on-failure --timeout 900 -j"$(nproc 2>/dev/null || echo 2)" "$@"
