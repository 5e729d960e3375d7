#!/usr/bin/env bash
# Makes sure PostgreSQL 15 runs on 127.0.0.1:5432 (trust auth for user postgres) with pgvector installed.
# Idempotent; a no-op when everything is in place. Run as root on Debian 12 (bookworm), or on Ubuntu with the
# PostgreSQL project's apt repository (which has postgresql-15) configured.
#
# bookworm ships no pgvector package, so it is built from Debian trixie's source package. The trixie source list
# lives in its own file and its own apt state directories: the system's apt sources and caches are never touched.
set -euo pipefail

PG_MAJOR=15
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
PG_HOST=127.0.0.1
PG_PORT=5432
WORK="${WASSIST_PGVECTOR_WORK:-/var/tmp/wassist-pgvector}"
SRC_LIST="${WORK}/trixie-src.list"
TRIXIE_SRC='deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main'
CHECK_DB=wassist_setup_check

say() { printf 'setup-postgres: %s\n' "$*"; }
die() { printf 'setup-postgres: ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$(id -u)" -eq 0 ]] || die "run as root (it installs packages and manages the system cluster)"

psql_pg() {
  PGOPTIONS='-c client_min_messages=warning' \
    psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -X -q -w -v ON_ERROR_STOP=1 "$@"
}

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if ((apt_updated == 0)); then
    say "apt-get update"
    apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing ${missing[*]}"
  mkdir -p "$WORK"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >"${WORK}/apt-install.log" 2>&1 || die "apt-get install ${missing[*]} failed; see ${WORK}/apt-install.log"
}

ensure_server_installed() {
  if [[ -x "${PG_BIN}/postgres" ]] && command -v pg_ctlcluster >/dev/null; then
    return 0
  fi
  apt-cache show "postgresql-${PG_MAJOR}" >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt_updated=1; }
  apt-cache show "postgresql-${PG_MAJOR}" >/dev/null 2>&1 || die "no postgresql-${PG_MAJOR} package in the apt \
sources (Debian 12 has it; on Ubuntu add the PostgreSQL project's apt repository, apt.postgresql.org, first)"
  apt_install "postgresql-${PG_MAJOR}"
}

ensure_running() {
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main"' | grep -q .; then
    die "PostgreSQL ${PG_MAJOR} has no 'main' cluster (pg_lsclusters); create it with: pg_createcluster ${PG_MAJOR} main"
  fi
  if pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    say "PostgreSQL ${PG_MAJOR} is running"
  else
    say "starting PostgreSQL ${PG_MAJOR}"
    pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main start
  fi
  local port
  port="$(pg_lsclusters -h | awk -v v="$PG_MAJOR" '$1 == v && $2 == "main" {print $3}')"
  [[ "$port" == "$PG_PORT" ]] || die "cluster ${PG_MAJOR}/main listens on port ${port}, expected ${PG_PORT}"
  "${PG_BIN}/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -t 30 || die "PostgreSQL does not accept connections on ${PG_HOST}:${PG_PORT}"
}

ensure_trust_auth() {
  if psql_pg -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  local hba
  hba="$(runuser -u postgres -- psql -X -At -c 'SHOW hba_file')"
  say "allowing trust auth for user postgres from ${PG_HOST} in ${hba}"
  sed -i "1i host all postgres ${PG_HOST}/32 trust" "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" main reload
  psql_pg -d postgres -c 'SELECT 1' >/dev/null || die "cannot connect as postgres to ${PG_HOST}:${PG_PORT}"
}

# True when CREATE EXTENSION vector works; the scratch database is always dropped again.
vector_works() {
  psql_pg -d postgres -c "DROP DATABASE IF EXISTS ${CHECK_DB}" -c "CREATE DATABASE ${CHECK_DB}" >/dev/null
  local ok=0
  psql_pg -d "$CHECK_DB" -c 'CREATE EXTENSION vector' >/dev/null 2>&1 || ok=1
  psql_pg -d postgres -c "DROP DATABASE ${CHECK_DB}" >/dev/null
  return "$ok"
}

build_pgvector() {
  say "pgvector missing: building it from Debian trixie's source package"
  # The trixie source list is verified with Debian's archive key (preinstalled on Debian, a package on Ubuntu).
  apt_install "postgresql-server-dev-${PG_MAJOR}" build-essential debian-archive-keyring
  mkdir -p "${WORK}/lists/partial" "${WORK}/cache/archives/partial" "${WORK}/src"
  printf '%s\n' "$TRIXIE_SRC" >"$SRC_LIST"
  local apt_opts=(
    -o "Dir::Etc::SourceList=${SRC_LIST}"
    -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=${WORK}/lists"
    -o "Dir::Cache=${WORK}/cache"
  )
  say "fetching the trixie source index"
  apt-get "${apt_opts[@]}" update -qq >/dev/null
  say "downloading the pgvector source package"
  (cd "${WORK}/src" && apt-get "${apt_opts[@]}" source --download-only -qq pgvector >/dev/null 2>&1) \
    || die "apt-get source pgvector failed (is deb.debian.org reachable?)"
  local orig
  orig="$(ls -1 "${WORK}"/src/pgvector_*.orig.tar.* 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$orig" ]] || die "no pgvector .orig.tar.* was downloaded into ${WORK}/src"
  say "building $(basename "$orig")"
  local build="${WORK}/build"
  rm -rf "$build" && mkdir -p "$build"
  tar -xf "$orig" -C "$build" --strip-components=1
  make -s -C "$build" PG_CONFIG="$PG_CONFIG" >"${WORK}/build.log" 2>&1 || die "make failed; see ${WORK}/build.log"
  make -s -C "$build" install PG_CONFIG="$PG_CONFIG" >>"${WORK}/build.log" 2>&1 \
    || die "make install failed; see ${WORK}/build.log"
  say "installed pgvector into $("$PG_CONFIG" --pkglibdir)"
}

verify() {
  psql_pg -d postgres -c "DROP DATABASE IF EXISTS ${CHECK_DB}" -c "CREATE DATABASE ${CHECK_DB}" >/dev/null
  psql_pg -d "$CHECK_DB" \
    -c 'CREATE EXTENSION vector' \
    -c 'CREATE TABLE probe (id bigserial PRIMARY KEY, embedding vector(3))' \
    -c "INSERT INTO probe (embedding) VALUES ('[1,2,3]'), ('[3,2,1]')" \
    -c 'CREATE INDEX probe_hnsw ON probe USING hnsw (embedding vector_cosine_ops)' >/dev/null \
    || { psql_pg -d postgres -c "DROP DATABASE ${CHECK_DB}" >/dev/null; die "pgvector verification failed"; }
  local version
  version="$(psql_pg -d "$CHECK_DB" -At -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")"
  psql_pg -d postgres -c "DROP DATABASE ${CHECK_DB}" >/dev/null
  say "ok: PostgreSQL ${PG_MAJOR} on ${PG_HOST}:${PG_PORT}, pgvector ${version} (CREATE EXTENSION and HNSW index work)"
}

ensure_server_installed
ensure_running
ensure_trust_auth
if vector_works; then
  say "pgvector is installed"
else
  build_pgvector
fi
verify
