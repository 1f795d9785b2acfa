#!/bin/sh
# Entrypoint of the locally built PostgreSQL image (scripts/container-engine.sh builds it).
# It honours the contract of the official postgres image that Testcontainers relies on:
# POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB on first start; any "postgres -c ..." command.
# Like the official image it initialises with a temporary server on the Unix socket only and then
# starts the real one, so the log says "database system is ready to accept connections" twice:
# PostgreSQLContainer's default wait strategy waits for exactly that.
set -eu

# "docker run image -c fsync=off" means "postgres -c fsync=off".
if [ "${1#-}" != "$1" ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  # Drop root and run this script again as postgres (initdb and postgres refuse root).
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ "$1" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "docker-entrypoint: POSTGRES_PASSWORD is not set; set it (Testcontainers does)." >&2
    exit 1
  fi
  user="${POSTGRES_USER:-postgres}"
  db="${POSTGRES_DB:-$user}"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  # --no-sync: a throw-away test database needs no durability, and initdb is faster without it.
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync
  rm -f "$pwfile"
  # Connections come through the container's network interface: password auth from anywhere.
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"

  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres \
      --command="CREATE DATABASE \"$db\""
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop
  echo "docker-entrypoint: PostgreSQL init process complete; ready for start up."
fi

exec "$@"
