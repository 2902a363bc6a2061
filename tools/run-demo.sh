#!/usr/bin/env bash
# README command 1: install what is missing, build, then
#  1. load the example campaign and import its lead file into the embedded SQLite database (the
#     bad rows are reported with their line numbers);
#  2. run a live predictive campaign on loopback for about two minutes: dialerd places real SIP
#     calls to a SIPp carrier (people, answering machines, busy, no answer, invalid numbers),
#     detects machines from the audio, bridges people to 10 SIPp agent phones and records every
#     attempt; one status line shows the campaign as it runs;
#  3. export the compliance bundle and verify it.
# Every process it starts is stopped at the end, also on Ctrl-C.
# Options: DEMO_SECONDS (default 120), DEMO_LEADS (1000), DEMO_AGENTS (10).
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

work="$PWD/var/loopback"
echo
echo "== a live predictive campaign on loopback (dialerd, SIPp carrier, SIPp agent phones)"
python3 tests/e2e/campaign_run.py --build build --work "$work" \
  --leads "${DEMO_LEADS:-1000}" --agents "${DEMO_AGENTS:-10}" \
  --max-seconds "${DEMO_SECONDS:-120}" --talk 15 --wrap 15s

echo
echo "== dialerctl export (compliance bundle of the run)"
today=$(date -u +%F)
yesterday=$(date -u -d yesterday +%F)
rm -rf "$work/bundle"
"$ctl" export --db "sqlite:$work/dialer.db" --from "$yesterday" --to "$today" \
  --out "$work/bundle" --signing-key "$work/signing-key.pem"
echo
echo "== dialerctl export verify $work/bundle"
"$ctl" export verify "$work/bundle"
echo
echo "Engine log: $work/dialerd.log; call records: $work/bundle/call_attempts.csv"
