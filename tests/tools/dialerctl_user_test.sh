#!/usr/bin/env bash
# End to end through the real dialerctl binary on a real database: `dialerctl user` add, list,
# passwd, disable, enable, role. Asserts exit codes, the listed users, that bad input is
# refused, and that no password or hash ever reaches stdout or stderr.
# Usage: dialerctl_user_test.sh DIALERCTL (sqlite:PATH | @URL_FILE)
set -euo pipefail
ctl=$1 db=$2
sqlite_path=""
if [[ $db == @* ]]; then
  url_file=${db#@}
  [ -f "$url_file" ] || { echo "FAIL: MariaDB fixture URL file $url_file missing"; exit 1; }
  bash "$(dirname "$url_file")/reset"
  db=$(cat "$url_file")
else
  sqlite_path=${db#sqlite:}
  rm -f "$sqlite_path" "$sqlite_path-wal" "$sqlite_path-shm"
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
unset DIALER_PASSWORD

secrets=("Adm1n-secret-pw" "agent-pw-from-stdin" "changed-pw-2")
fast=(--iterations 1000)

run() {  # run EXPECTED_EXIT NAME ARGS... (stdin passes through); keeps stdout in $out/last
  local want=$1 name=$2
  shift 2
  local rc=0
  "$ctl" "$@" >"$out/last" 2>"$out/err" || rc=$?
  cat "$out/last" "$out/err" >>"$out/all"
  [ "$rc" -eq "$want" ] || { echo "FAIL: $name: exit $rc, wanted $want"; cat "$out/err"; exit 1; }
  echo "ok: $name"
}

check() {  # check NAME JSON PYTHON_EXPR
  python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert $3, sys.argv[1]" "$2" ||
    { echo "FAIL: $1"; exit 1; }
  echo "ok: $1"
}

DIALER_PASSWORD=${secrets[0]} run 0 "add admin, password from the environment" \
  user add --db "$db" --username Root --role admin --tenant '*' "${fast[@]}"
grep -q "user root (admin, tenant \*) created with id" "$out/last" || { echo "FAIL: add output"; exit 1; }
echo "${secrets[1]}" | run 0 "add agent, password from stdin" \
  user add --db "$db" --username ann --role agent --tenant acme --agent-sip agent1001 "${fast[@]}"
echo "short" | run 1 "a short password is refused" \
  user add --db "$db" --username bob --role manager "${fast[@]}"
DIALER_PASSWORD=long-enough-pw run 1 "a taken username is refused" \
  user add --db "$db" --username ANN --role manager "${fast[@]}"
DIALER_PASSWORD=long-enough-pw run 1 "an unknown role is refused" \
  user add --db "$db" --username bob --role root "${fast[@]}"
DIALER_PASSWORD=long-enough-pw run 1 "a phone for a non-agent is refused" \
  user add --db "$db" --username bob --role manager --agent-sip agent1002 "${fast[@]}"
run 1 "no password at all is refused" \
  user add --db "$db" --username bob --role manager "${fast[@]}" </dev/null
if "$ctl" user add --db "$db" --username bob --role manager --password x >/dev/null 2>&1; then
  echo "FAIL: a --password option exists"; exit 1
fi
echo "ok: there is no --password option"

run 0 "list" user list --db "$db" --json
list=$(cat "$out/last")
check "list shows both users without secrets" "$list" \
  "[(u['username'],u['role'],u['tenant'],u['agent_sip'],u['disabled']) for u in d]==[('root','admin','*',None,False),('ann','agent','acme','agent1001',False)] and all(set(u)=={'id','username','role','tenant','agent_sip','disabled','created_at'} for u in d)"

hash_of() { [ -z "$sqlite_path" ] || sqlite3 "$sqlite_path" "SELECT password_hash FROM users WHERE username='$1'"; }
before=$(hash_of ann)
echo "${secrets[2]}" | run 0 "passwd" user passwd --db "$db" --username ANN "${fast[@]}"
after=$(hash_of ann)
if [ -n "$sqlite_path" ]; then
  [[ $before == pbkdf2-sha256\$1000\$* && $after == pbkdf2-sha256\$1000\$* && $before != "$after" ]] ||
    { echo "FAIL: stored hashes: $before / $after"; exit 1; }
  echo "ok: the stored hash changed and is PBKDF2"
fi
echo "1234567" | run 1 "passwd refuses a short password" user passwd --db "$db" --username ann "${fast[@]}"
echo "whatever-pw" | run 1 "passwd of a missing user" user passwd --db "$db" --username ghost "${fast[@]}"

run 0 "disable" user disable --db "$db" --username ann
run 1 "disable a missing user" user disable --db "$db" --username ghost
run 0 "role" user role --db "$db" --username root --role admin
run 1 "role refuses manager for a tenant-* user" user role --db "$db" --username root --role manager
run 0 "list after changes" user list --db "$db" --json
check "ann is disabled" "$(cat "$out/last")" "[u['disabled'] for u in d]==[False,True]"
run 0 "enable" user enable --db "$db" --username ann
run 0 "table list" user list --db "$db"
grep -q "ann .* agent .* acme .* agent1001 .* active" "$out/last" || { echo "FAIL: table list"; cat "$out/last"; exit 1; }

for s in "${secrets[@]}" pbkdf2; do
  if grep -q -- "$s" "$out/all"; then echo "FAIL: output contains '$s'"; exit 1; fi
done
echo "ok: no password or hash in any output"
