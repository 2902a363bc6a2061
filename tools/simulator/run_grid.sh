#!/bin/sh
# Runs the pacing benchmark grid (live-answer rate x team size) and the untuned scenarios, and
# prints the markdown table recorded in docs/benchmarks.md.
# Usage: tools/simulator/run_grid.sh [BUILD_DIR] [extra simulate-grid options, e.g. --jobs 2]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
exec "$build/tools/dialerctl/dialerctl" simulate-grid \
  --base "$here/scenarios/grid_base.yaml" \
  --untuned "$here/scenarios/untuned_lognormal_talk.yaml" \
            "$here/scenarios/untuned_varying_answer_rate.yaml" \
            "$here/scenarios/untuned_pauses_logouts.yaml" \
            "$here/scenarios/untuned_small_team_amd.yaml" \
  "$@"
