#!/usr/bin/env bash
# The production hub's start-up, four ways side by side in one run: the packaged jar (java -jar, JVM defaults),
# the same with C1 only and the serial collector, the jar extracted with a class-data-sharing archive
# (routes/target/hub-cds, made by `mvn verify`'s pre-integration-test phase, as the *IT tests run it), and both.
# Each start is timed from process start to "Started HubApplication", with the CPU seconds it took, in a fresh data
# folder; the hub is then stopped. Build first (packages the hub and makes its archive, runs no test):
#   mvn -B -pl routes -am pre-integration-test -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
# usage: tools/bench/startup.sh [rounds]      (default 2)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${1:-2}"
JAR=routes/target/routes-0.1.0-SNAPSHOT.jar
CDS=routes/target/hub-cds
[ -f "$JAR" ] && [ -f "$CDS/hub.jsa" ] || { echo "build first (see the header of $0)" >&2; exit 1; }
FAST="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

start() { # name, then the java arguments before the hub's own
  local name="$1"; shift
  local data; data=$(mktemp -d /tmp/hjalpmedelsnav-startup-XXXX)
  local t0; t0=$(date +%s.%N)
  java -Xmx256m "$@" --nav.data-dir="$data" --server.port=0 --nav.broker.port=0 \
    --nav.supplier.api.url=http://127.0.0.1:9/api --nav.supplier.api.token-url=http://127.0.0.1:9/token \
    --nav.supplier.api.client-id=bench --nav.supplier.api.client-secret=bench > "$data/hub.log" 2>&1 &
  local pid=$!
  until grep -q "Started HubApplication" "$data/hub.log"; do
    kill -0 $pid 2>/dev/null || { tail -20 "$data/hub.log"; exit 1; }
    sleep 0.1
  done
  local t1; t1=$(date +%s.%N)
  # utime + stime of the process so far, in clock ticks
  local ticks; ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
  printf '%-32s %6.1f s to ready, %6.1f CPU-s\n' "$name" "$(echo "$t1 - $t0" | bc)" \
    "$(echo "$ticks / $(getconf CLK_TCK)" | bc -l)"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
}

for round in $(seq "$ROUNDS"); do
  echo "round $round"
  start "jar, JVM defaults" -jar "$JAR"
  start "jar, C1 + serial GC" $FAST -jar "$JAR"
  start "extracted + CDS" -XX:SharedArchiveFile="$CDS/hub.jsa" -jar "$CDS/routes-0.1.0-SNAPSHOT.jar"
  start "extracted + CDS, C1 + serial GC" -XX:SharedArchiveFile="$CDS/hub.jsa" $FAST -jar "$CDS/routes-0.1.0-SNAPSHOT.jar"
done
