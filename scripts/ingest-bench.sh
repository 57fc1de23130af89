#!/usr/bin/env bash
# Ingest benchmark (issue 3): Vigil's HTTP and MQTT ingest beside raw PostgreSQL COPY of the same rows into the
# same PostgreSQL server, in one run. Needs the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust), a JDK
# and Maven; builds what it needs. Results go to stdout and vigil-bench/results/tmp/ (not committed).
# Usage: scripts/ingest-bench.sh [IngestBench arguments, name=value …]
#   e.g. scripts/ingest-bench.sh sensors=100000        (defaults: sensors=1000,10000,100000, see IngestBench)
# Environment: VIGIL_OPTS (extra JVM options for Vigil), VIGIL_JAR (another build of Vigil, to compare; default
# vigil-server/target/vigil.jar), SKIP_BUILD=1 (use what is built).
set -euo pipefail
cd "$(dirname "$0")/.."
trap '[ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true' EXIT
OUT=vigil-bench/results/tmp
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f vigil-bench/target/cp.txt ]; then
  mvn -q -B install -DskipTests
  mvn -q -B -pl vigil-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
CP=vigil-bench/target/classes:$(cat vigil-bench/target/cp.txt)
DB=vigil_bench
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $DB" -c "create database $DB"
STAMP=$(date -u +%Y%m%dT%H%M%S)
LOG=$OUT/vigil-$STAMP.log
# MQTT on a port of its own: a Mosquitto server usually holds 1883 on this machine.
# shellcheck disable=SC2086
java -Xmx1g ${VIGIL_OPTS:-} -jar "${VIGIL_JAR:-vigil-server/target/vigil.jar}" --vigil.demo=false --server.port=18180 \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --vigil.data-dir="$OUT/data-$STAMP" --vigil.ingest.mqtt.port=18883 --vigil.ingest.hj212.enabled=false \
  --vigil.organisation.admin-username=admin --vigil.organisation.admin-password=admin-password >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:18180/actuator/health 2>/dev/null | grep -q UP && break
  kill -0 "$PID" 2>/dev/null || { echo "Vigil exited during start; see $LOG" >&2; exit 1; }
  sleep 1
done
sleep 3 # the first administrator is created just after the health check turns UP
echo "Vigil pid $PID, log $LOG; jar ${VIGIL_JAR:-vigil-server/target/vigil.jar}; git $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
java -Xmx1g -cp "$CP" io.vigil.bench.ingest.IngestBench rows=2000000 \
  vigil=http://127.0.0.1:18180 vigil-jdbc="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" \
  vigil-pid=$PID clients=32 http-batch=2000 http-rows=2000000 mqtt=127.0.0.1:18883 \
  admin=admin admin-password=admin-password probes=40 probe-every=250 "$@" | tee "$OUT/ingest-$STAMP.txt"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
rm -rf "$OUT/data-$STAMP"
