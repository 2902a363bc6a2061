#!/usr/bin/env bash
# End to end through the real dialerctl binary on a real database: load the example campaign,
# import a lead file full of bad rows twice, and list campaigns. Asserts exact counts and lines.
# Usage: dialerctl_slice_test.sh DIALERCTL SOURCE_DIR (sqlite:PATH | @URL_FILE)
set -euo pipefail
ctl=$1 src=$2 db=$3
if [[ $db == @* ]]; then
  url_file=${db#@}
  [ -f "$url_file" ] || { echo "FAIL: MariaDB fixture URL file $url_file missing"; exit 1; }
  bash "$(dirname "$url_file")/reset"
  db=$(cat "$url_file")
else
  rm -f "${db#sqlite:}" "${db#sqlite:}-wal" "${db#sqlite:}-shm"
fi

check() {  # check NAME JSON PYTHON_EXPR
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert $3, sys.argv[1]" "$2" ||
    { echo "FAIL: $1"; exit 1; }
  echo "ok: $1"
}

"$ctl" campaign load --db "$db" "$src/examples/campaign.yaml" >/dev/null
first=$("$ctl" leads import --db "$db" --campaign 1 --json "$src/tests/campaigns/data/bad_rows.csv")
check "first import counts" "$first" \
  "(d['rows'],d['loaded'],d['duplicates'],d['invalid'])==(19,8,2,9)"
check "first import lines" "$first" \
  "[(e['line'],e['reason']) for e in d['errors']]==[(7,'missing_phone'),(8,'invalid_phone: fictional_555'),(9,'premium_rate_phone'),(10,'premium_rate_phone'),(11,'invalid_phone: n11_code'),(12,'invalid_phone: not_a_number'),(13,'wrong_field_count: 5 fields, header has 8'),(14,'wrong_field_count: 9 fields, header has 8'),(15,'invalid_utf8'),(17,'duplicate'),(18,'duplicate')]"

second=$("$ctl" leads import --db "$db" --campaign 1 --json "$src/tests/campaigns/data/bad_rows.csv")
check "second import finds every good row already in the list" "$second" \
  "(d['rows'],d['loaded'],d['duplicates'],d['invalid'])==(19,0,10,9)"

list=$("$ctl" campaign list --db "$db" --json)
check "campaign list" "$list" \
  "d==[{'id':1,'tenant':'default','name':'Demo predictive campaign','dial_mode':'predictive','leads':8}]"

if "$ctl" leads import --db "$db" --campaign 99 "$src/tests/campaigns/data/bad_rows.csv" 2>/dev/null; then
  echo "FAIL: import into a missing campaign succeeded"; exit 1
fi
echo "ok: import into a missing campaign is refused"
