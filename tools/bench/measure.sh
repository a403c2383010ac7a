#!/usr/bin/env bash
# Measures the packaged hub on its embedded default (hub-with-simulator's jar, README command 1): start-up
# time (process start to "Started HubApplication"), resident memory idle and after a load of orders
# through AMQP 1.0, and the load's receipt rate and latency. Build first: mvn -B -q -DskipTests install
# usage: tools/bench/measure.sh [orders] [in-flight]      (defaults 5000 and 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS="${1:-5000}"
INFLIGHT="${2:-50}"
DATA=$(mktemp -d /tmp/hjalpmedelsnav-bench-XXXX)
JAR=hub-with-simulator/target/hub-with-simulator-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
(cd tools/kommun-client && npm ci --no-audit --no-fund --loglevel=error)

start=$(date +%s.%N)
java ${JAVA_OPTS:-} -jar "$JAR" --nav.data-dir="$DATA" \
  > "$DATA/hub.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
until grep -q "Started HubApplication" "$DATA/hub.log"; do
  kill -0 $PID 2>/dev/null || { cat "$DATA/hub.log"; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$PID/status; }
sleep 5
echo "start-up: $(echo "$ready - $start" | bc) s (log: $(grep -o 'Started HubApplication in [0-9.]* seconds' "$DATA/hub.log"))"
echo "resident memory idle: $(rss) MiB"
node tools/kommun-client/load.js --count "$ORDERS" --inflight "$INFLIGHT"
echo "resident memory after $ORDERS orders: $(rss) MiB"
