#!/usr/bin/env bash
# Configures and builds the project into ./build (warnings are errors). Used by both README commands.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
# Paths relative to the checkout, so that every clone of the repository shares cached objects.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIALER_WERROR=ON ${DIALER_CMAKE_ARGS:-} >build-configure.log 2>&1 || {
  cat build-configure.log >&2
  exit 1
}
cmake --build build -j"$jobs"
