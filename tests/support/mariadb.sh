#!/usr/bin/env bash
# Throwaway MariaDB server for tests and benchmarks, on a free loopback port, no systemd.
#   mariadb.sh start DIR   creates DIR, starts mariadbd, creates database "dialer" and user
#                          "dialer", writes the mysql:// URL to DIR/url and a DIR/reset script
#                          that drops and recreates the database.
#                          Without mariadbd it writes the reason to DIR/skip and exits 0.
#   mariadb.sh stop DIR    shuts the server down, waits (bounded) for it to exit, removes DIR.
# The server is bounded too: a watchdog kills it after MARIADB_MAX_SECONDS (default 3600).
# MARIADB_BUFFER_POOL sets the InnoDB buffer pool (default 128M); MARIADBD names the server
# binary (default mariadbd; point it elsewhere to rehearse the "not installed" path).
set -euo pipefail

PATH="$PATH:/usr/sbin:/sbin"
mariadbd_bin="${MARIADBD:-mariadbd}"
cmd="${1:-}"
dir="${2:-}"
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

fail() {
  echo "mariadb.sh: $*" >&2
  for log in "$dir/install.log" "$dir/error.log"; do
    [[ -f "$log" ]] && { echo "--- $log (tail)" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' \
    2>/dev/null || echo $((20000 + RANDOM % 20000))
}

# True while PID is a live (not zombie) mariadbd.
alive() {
  local pid="$1"
  [[ -r "/proc/$pid/stat" ]] || return 1
  local state
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" || return 1
  [[ "$state" != "Z" ]] && grep -q mariadbd "/proc/$pid/cmdline" 2>/dev/null
}

admin() { mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot "$@"; }

launch() {  # launch PORT: starts the server, 0 once it answers pings, 1 if it died or timed out
  local port="$1"
  "$mariadbd_bin" --no-defaults --datadir="$dir/data" --user=root --bind-address=127.0.0.1 \
    --port="$port" --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" \
    --log-error="$dir/error.log" --skip-name-resolve \
    --innodb-buffer-pool-size="${MARIADB_BUFFER_POOL:-128M}" --innodb-log-file-size=64M \
    --skip-log-bin --innodb-flush-log-at-trx-commit=2 </dev/null >"$dir/stdout.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$dir/mariadbd.bgpid"
  for _ in $(seq 1 600); do  # at most 30 s
    if admin ping >/dev/null 2>&1; then return 0; fi
    alive "$pid" || return 1
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  return 1
}

start() {
  if ! command -v "$mariadbd_bin" >/dev/null || ! command -v mariadb-install-db >/dev/null; then
    mkdir -p "$dir"
    echo "mariadbd is not installed (apt-get install mariadb-server)" >"$dir/skip"
    echo "mariadb.sh: SKIP: mariadbd is not installed; MariaDB tests will be skipped" >&2
    exit 0
  fi
  [[ -e "$dir/mariadbd.bgpid" ]] && stop_server
  rm -rf "$dir"
  mkdir -p "$dir/data"
  mariadb-install-db --no-defaults --datadir="$dir/data" --user=root \
    --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1 ||
    fail "mariadb-install-db failed"
  local port="" tries
  for tries in 1 2 3; do  # another process may take the port between choosing and binding
    port="$(free_port)"
    if launch "$port"; then break; fi
    port=""
    grep -q "Address already in use" "$dir/error.log" 2>/dev/null || break
  done
  [[ -n "$port" ]] || fail "mariadbd did not start"
  local password
  password="$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
  mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "
    CREATE DATABASE dialer CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE USER 'dialer'@'127.0.0.1' IDENTIFIED BY '$password';
    GRANT ALL ON dialer.* TO 'dialer'@'127.0.0.1';" || fail "cannot create database and user"
  cat >"$dir/reset" <<RESET
#!/bin/sh
exec mariadb --no-defaults --socket="$dir/mysqld.sock" -uroot -e "DROP DATABASE IF EXISTS dialer; CREATE DATABASE dialer CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;"
RESET
  chmod +x "$dir/reset"
  local pid
  pid="$(cat "$dir/mariadbd.bgpid")"
  (  # polls once a second, so it also ends by itself within a second of the server
    for _ in $(seq 1 "${MARIADB_MAX_SECONDS:-3600}"); do
      alive "$pid" || exit 0
      sleep 1
    done
    kill "$pid" 2>/dev/null
  ) </dev/null >/dev/null 2>&1 &
  echo $! >"$dir/watchdog.pid"
  echo "mysql://dialer:$password@127.0.0.1:$port/dialer" >"$dir/url"
  echo "mariadb.sh: mariadbd pid $pid on 127.0.0.1:$port, data in $dir" >&2
}

stop_server() {
  local pid
  pid="$(cat "$dir/mariadbd.bgpid" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && alive "$pid"; then
    timeout 10 mariadb-admin --no-defaults --socket="$dir/mysqld.sock" -uroot shutdown \
      >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do  # at most 15 s, then force
      alive "$pid" || break
      sleep 0.05
    done
    if alive "$pid"; then kill -9 "$pid" 2>/dev/null || true; sleep 0.2; fi
    alive "$pid" && fail "mariadbd pid $pid did not exit"
  fi
  local watchdog
  watchdog="$(cat "$dir/watchdog.pid" 2>/dev/null || true)"
  [[ -n "$watchdog" ]] && kill "$watchdog" 2>/dev/null || true
}

case "$cmd" in
  start) start ;;
  stop)
    stop_server
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
