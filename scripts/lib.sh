# Shared helpers for the scripts in this folder. Source it; it sets JAVA_HOME to a JDK 25 and cds to the repo root.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
export WASSIST_REPO_ROOT="$REPO_ROOT"

say() { printf '%s: %s\n' "$(basename "$0")" "$*"; }
die() { printf '%s: ERROR: %s\n' "$(basename "$0")" "$*" >&2; exit 1; }

# The build needs JDK 25 (it compiles with --release 21); the machine default may be older.
select_jdk() {
  local candidate
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]] \
      && "$JAVA_HOME/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
    return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/javac" ]] && "$candidate/bin/java" -version 2>&1 | grep -Eq 'version "(2[5-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  die "a JDK 25 or newer is needed (none under /usr/lib/jvm); install Temurin 25 and set JAVA_HOME"
}

# Node 20+ runs dynalite (the DynamoDB stand-in) and the CDK tooling.
require_node() {
  command -v node >/dev/null || die "Node.js 20 or newer is needed on the PATH"
  node -e 'process.exit(parseInt(process.versions.node) >= 20 ? 0 : 1)' || die "Node.js 20 or newer is needed"
}

# `npm ci` into a project folder unless its node_modules already match its lock file.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.package-lock.json"
  if [[ -f "$stamp" && ! "$dir/package-lock.json" -nt "$stamp" ]]; then
    return 0
  fi
  say "npm ci in $dir"
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
}

# Debian's Chromium for the WhatsApp bridge (Playwright never downloads a browser here).
require_chromium() {
  if [[ -x /usr/bin/chromium ]]; then
    return 0
  fi
  [[ "$(id -u)" -eq 0 ]] || die "Chromium is missing: run 'apt-get install chromium' as root"
  say "installing Debian's chromium"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# PostgreSQL 15 with pgvector (built from Debian's source package when missing).
require_postgres() {
  if [[ "$(id -u)" -eq 0 ]]; then
    bash "$REPO_ROOT/scripts/setup-postgres.sh"
  else
    [[ -x /usr/lib/postgresql/15/bin/initdb ]] || die "PostgreSQL 15 server binaries are missing"
    ls /usr/share/postgresql/15/extension/vector.control >/dev/null 2>&1 \
      || die "pgvector is missing: run 'sudo bash scripts/setup-postgres.sh'"
  fi
}
