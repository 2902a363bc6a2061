#!/usr/bin/env bash
# Installs every Debian package the project needs, when missing.
# Idempotent and non-interactive; runs `apt-get update` at most once per invocation.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ccache
  libboost-dev libboost-system-dev libboost-thread-dev libboost-program-options-dev
  libsofia-sip-ua-dev libmysqlcppconn-dev libyaml-cpp-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  libphonenumber-dev libspdlog-dev libfmt-dev nlohmann-json3-dev libcli11-dev
  libsqlite3-dev sqlite3 libssl-dev
  libsndfile1-dev libspandsp-dev libhowardhinnant-date-dev libabsl-dev tzdata
  mariadb-server mariadb-client sip-tester espeak-ng sox
  flite festival festvox-kallpc16k festvox-us-slt-hts asterisk-core-sounds-en-wav
  python3 python3-phonenumbers time bc procps
  chromium nodejs baresip-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# playwright-core (npm) for the browser tests, pinned by tests/browser/package-lock.json.
node_packages() {
  if ! command -v npm >/dev/null; then
    $SUDO apt-get install -y -qq --no-install-recommends npm >>/tmp/install-deps.log 2>&1
  fi
  if [ ! -d tests/browser/node_modules/playwright-core ]; then
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error) || {
      echo "install-deps: npm ci in tests/browser failed" >&2
      exit 1
    }
  fi
}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
cd "$(dirname "$0")/../.."

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  node_packages
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/install-deps.log 2>&1 || {
  echo "install-deps: apt-get install failed; last lines of /tmp/install-deps.log:" >&2
  tail -n 30 /tmp/install-deps.log >&2
  exit 1
}
node_packages
echo "install-deps: done"
