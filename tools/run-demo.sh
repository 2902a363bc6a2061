#!/usr/bin/env bash
# README command 1: install what is missing, build, and run the main job on the embedded SQLite
# database: load the example campaign, import its lead file (bad rows are reported with their
# line numbers), and print the import summary and the campaign status.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup/install-deps.sh
tools/build.sh >build.log 2>&1 || { tail -n 40 build.log >&2; exit 1; }
echo "build: ok (log in build.log)"

ctl=build/tools/dialerctl/dialerctl
db="sqlite:${DIALER_DEMO_DB:-var/demo.db}"
mkdir -p var
rm -f var/demo.db var/demo.db-wal var/demo.db-shm

echo
echo "== dialerctl config check examples/campaign.yaml"
"$ctl" config check examples/campaign.yaml
echo
echo "== dialerctl campaign load --db $db examples/campaign.yaml"
"$ctl" campaign load --db "$db" examples/campaign.yaml
echo
echo "== dialerctl leads import --db $db --campaign 1 examples/leads.csv"
"$ctl" leads import --db "$db" --campaign 1 examples/leads.csv
echo
echo "== dialerctl campaign list --db $db"
"$ctl" campaign list --db "$db"
