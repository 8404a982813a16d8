#!/usr/bin/env bash
# Installs what Hearth needs to build, run and (with --test) test, from Debian's packages and the npm registry.
# Idempotent: asks apt only for what dpkg says is missing, and runs npm only when node_modules is missing or stale.
#
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also GoogleTest, Chromium (browser tests) and wrk (load tests)
set -euo pipefail

cd "$(dirname "$0")/.."

with_tests=0
for arg in "$@"; do
  case "$arg" in
    --test) with_tests=1 ;;
    -h | --help)
      sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "install-deps: unknown argument: $arg" >&2
      exit 2
      ;;
  esac
done

packages=(
  g++ cmake make pkg-config
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libsodium-dev libxlsxwriter-dev
  libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  nodejs npm
)
if ((with_tests)); then
  packages+=(libgtest-dev googletest chromium wrk)
fi

is_installed() {
  local pkg="$1"
  if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    return 0
  fi
  # Node.js may come from elsewhere than Debian (NodeSource's nodejs bundles npm, provides and conflicts with
  # Debian's npm package). A working command on PATH is what matters for these two.
  case "$pkg" in
    nodejs) command -v node >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

missing=()
for pkg in "${packages[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done

if ((${#missing[@]})); then
  echo "install-deps: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if ((EUID != 0)); then
    sudo_cmd=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q "${missing[@]}"
else
  echo "install-deps: Debian packages: all present"
fi

# npm: node_modules is rebuilt from the lock file when missing or older than package-lock.json (or package.json).
if [[ -f package.json ]]; then
  stamp=node_modules/.package-lock.json # written by npm on every install
  need_npm=0
  if [[ ! -d node_modules || ! -f "$stamp" ]]; then
    need_npm=1
  elif [[ -f package-lock.json && package-lock.json -nt "$stamp" ]]; then
    need_npm=1
  elif [[ package.json -nt "$stamp" ]]; then
    need_npm=1
  fi
  if ((need_npm)); then
    if [[ -f package-lock.json ]]; then
      echo "install-deps: npm ci"
      npm ci --no-audit --no-fund
    else
      echo "install-deps: npm install (no package-lock.json)"
      npm install --no-audit --no-fund
    fi
  else
    echo "install-deps: node_modules: up to date"
  fi
fi
