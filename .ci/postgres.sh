#!/usr/bin/env bash
# Install Debian's PostgreSQL if needed, start it on loopback, create a test role and database, and print
# the URL for ONRECORD_TEST_POSTGRES_URL (tests/store run against it). Idempotent; everything else to stderr.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >&2
fi
# loopback only: the test server is never reachable from outside the machine
# (written to conf.d, quoted: pg_conftool writes a bare 127.0.0.1, which postgresql.conf rejects)
pg_conftool "$version" main remove listen_addresses >&2 || true
mkdir -p "/etc/postgresql/$version/main/conf.d"
echo "listen_addresses = '127.0.0.1'" >"/etc/postgresql/$version/main/conf.d/onrecord-loopback.conf"
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'onrecord'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE onrecord LOGIN PASSWORD 'onrecord'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'onrecord_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O onrecord onrecord_test" >&2
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
echo "postgresql://onrecord:onrecord@127.0.0.1:${port}/onrecord_test"
