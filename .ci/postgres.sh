#!/usr/bin/env bash
# Start a local PostgreSQL for the store tests and print the URL to use.
#
#   eval "$(.ci/postgres.sh)"     # sets SITREP_TEST_PG_URL
#
# Idempotent: installs Debian's postgresql only when missing, starts the cluster only when it
# is down, creates the role and database only when absent. Progress goes to stderr; stdout
# carries just the export line.
set -euo pipefail

PG_PORT="${PG_PORT:-5432}"
PG_DB="${PG_DB:-sitrep_test}"
PG_USER="${PG_USER:-sitrep}"
PG_PASSWORD="${PG_PASSWORD:-sitrep}"

log() { echo "postgres.sh: $*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing postgresql"
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi

# The cluster listening on PG_PORT; create one when there is none (columns: ver name port status ...).
cluster="$(pg_lsclusters --no-header | awk -v port="$PG_PORT" '$3 == port {print $1, $2, $4; exit}')"
if [ -z "$cluster" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    log "creating cluster $version/main on port $PG_PORT"
    as_root pg_createcluster --port "$PG_PORT" "$version" main >&2
    cluster="$version main down"
fi
read -r version name status <<<"$cluster"
if [ "$status" != "online" ]; then
    log "starting cluster $version/$name"
    as_root pg_ctlcluster "$version" "$name" start >&2
fi

for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || { log "server on 127.0.0.1:$PG_PORT did not become ready"; exit 1; }

psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtAX "$@"; }
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" ]; then
    log "creating role $PG_USER"
    psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN PASSWORD '$PG_PASSWORD'" >&2
fi
if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    log "creating database $PG_DB"
    psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\"" >&2
fi

echo "export SITREP_TEST_PG_URL=postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
