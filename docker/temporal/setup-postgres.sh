#!/bin/sh
# Creates Temporal's two databases in PostgreSQL and brings their schemas up to this server
# version; run by the temporal-schema service (temporalio/admin-tools) before the server starts.
# Safe to run again: existing databases are kept and only missing schema versions are applied.
set -eu

# the password comes from SQL_PASSWORD, which temporal-sql-tool reads itself
tool() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" \
    -u "$POSTGRES_USER" "$@"
}

until nc -z -w 5 "$POSTGRES_SEEDS" "${DB_PORT:-5432}"; do
  echo "waiting for PostgreSQL at $POSTGRES_SEEDS..."
  sleep 2
done

for db in temporal temporal_visibility; do
  case $db in
    temporal) schema=temporal ;;
    *) schema=visibility ;;
  esac
  tool --db "$db" create || echo "database $db exists"
  tool --db "$db" setup-schema -v 0.0
  tool --db "$db" update-schema -d "/etc/temporal/schema/postgresql/v12/$schema/versioned"
done
echo "Temporal's PostgreSQL schemas are up to date"
