#!/usr/bin/env bash
# Services the test suite needs: a running PostgreSQL with a test role and database,
# Debian chromium + chromium-driver for the browser tests, and Debian redis-server for the
# stream tests (which start their own instance). Idempotent; run as root (or with
# sudo available). Progress goes to stderr; the only line on stdout is the database URL:
#   export FANZHA_TEST_POSTGRES_URL="$(scripts/test-services.sh)"
set -euo pipefail

PG_ROLE="${FANZHA_TEST_PG_ROLE:-fanzha_test}"
PG_PASSWORD="${FANZHA_TEST_PG_PASSWORD:-fanzha_test}"
PG_DB="${FANZHA_TEST_PG_DB:-fanzha_test}"

log() { echo "test-services: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi
# The stream tests start their own redis-server on a free port (tests/io/stream_fixtures.py).
if ! command -v redis-server >/dev/null 2>&1; then
  apt_install redis-server
fi

read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS < <(pg_lsclusters --no-header | head -n 1 | awk '{print $1, $2, $3, $4}')
if [ -z "${PG_VERSION:-}" ]; then
  log "no PostgreSQL cluster found; creating one"
  PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  as_root pg_createcluster "$PG_VERSION" main >&2
  PG_CLUSTER=main
  read -r PG_PORT PG_STATUS < <(pg_lsclusters --no-header | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" {print $3, $4}')
fi
if [ "$PG_STATUS" != "online" ]; then
  log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
  # Fails when another start is under way; the wait below tells whether the server came up.
  as_root pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2 \
    || log "pg_ctlcluster start failed; waiting to see whether the server comes up anyway"
fi

# A server just started (by us, by apt, or by another run of this script at the same time)
# refuses connections while it starts up: wait until it accepts them.
for _ in $(seq 1 60); do
  pg_isready -q -p "$PG_PORT" && break
  sleep 1
done
if ! pg_isready -q -p "$PG_PORT"; then
  log "PostgreSQL $PG_VERSION/$PG_CLUSTER on port $PG_PORT did not accept connections within 60 s"
  exit 1
fi

psql_admin() {
  as_root su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qtA $*"
}
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'\"")" != "1" ]; then
  log "creating role $PG_ROLE"
  psql_admin "-c \"CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\"" >&2
fi
if [ "$(psql_admin "-c \"SELECT 1 FROM pg_database WHERE datname = '$PG_DB'\"")" != "1" ]; then
  log "creating database $PG_DB"
  psql_admin "-c \"CREATE DATABASE $PG_DB OWNER $PG_ROLE\"" >&2
fi

echo "postgresql+psycopg://$PG_ROLE:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
