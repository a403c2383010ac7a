#!/usr/bin/env bash
# Measures the packaged hub on its embedded default (hub-with-simulator's jar, README command 1, -Xmx256m) side by
# side with its anchor, in one run on the same machine:
#   1. the raw broker: a standalone Artemis from the distribution the build unpacks (routes/target/apache-artemis-*),
#      created with the distribution's default broker.xml (persistent journal; ports moved by --port-offset 2000, so
#      that its AMQP port is not RabbitMQ's 5672), moving the same order bodies one hop (send to a queue, receive from
#      it) with the same number in flight (tools/kommun-client/onehop.js): a warm-up pass of the same count, then four
#      times the count measured;
#   2. the hub: start-up time (process start to "Started HubApplication"), resident memory idle and after the load,
#      and the receipts' rate and latency for the orders through AMQP 1.0 (tools/kommun-client/load.js).
# The broker is stopped before the hub starts. Build first: mvn -B -q -DskipTests install
# usage: tools/bench/measure.sh [orders] [in-flight]      (defaults 5000 and 50)
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS="${1:-5000}"
INFLIGHT="${2:-50}"
DATA=$(mktemp -d /tmp/hjalpmedelsnav-bench-XXXX)
JAR=hub-with-simulator/target/hub-with-simulator-0.1.0-SNAPSHOT.jar
ARTEMIS_HOME=$(ls -d routes/target/apache-artemis-* 2>/dev/null | head -1)
[ -f "$JAR" ] && [ -x "$ARTEMIS_HOME/bin/artemis" ] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
(cd tools/kommun-client && npm ci --no-audit --no-fund --loglevel=error)
BROKER_PID=""
PID=""
cleanup() {
  [ -n "$BROKER_PID" ] && kill -- -"$BROKER_PID" 2>/dev/null || true
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
}
trap cleanup EXIT
await_port() { # port, pid
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

# 1. The raw broker, one hop.
RAW_PORT=63616
"$ARTEMIS_HOME/bin/artemis" create "$DATA/raw-broker" --silent --force --name bench --no-web --require-login \
  --user bench --password bench --port-offset 2000 > "$DATA/raw-broker-create.log"
setsid "$DATA/raw-broker/bin/artemis" run > "$DATA/raw-broker.log" 2>&1 &
BROKER_PID=$!
await_port "$RAW_PORT" "$BROKER_PID" || { tail -20 "$DATA/raw-broker.log"; exit 1; }
# A first pass warms the broker's JIT (the hub's load runs a minute, the broker's a few seconds): the second counts.
node tools/kommun-client/onehop.js --port "$RAW_PORT" --count "$ORDERS" --inflight "$INFLIGHT" > /dev/null
RAW=$(node tools/kommun-client/onehop.js --port "$RAW_PORT" --count "$((ORDERS * 4))" --inflight "$INFLIGHT")
echo "raw broker (Artemis $(basename "$ARTEMIS_HOME" | sed 's/apache-artemis-//'), default broker.xml), one hop: $RAW"
kill -- -"$BROKER_PID"; wait "$BROKER_PID" 2>/dev/null || true; BROKER_PID=""

# 2. The hub.
start=$(date +%s.%N)
java -Xmx256m ${JAVA_OPTS:-} -jar "$JAR" --nav.data-dir="$DATA/hub" > "$DATA/hub.log" 2>&1 &
PID=$!
until grep -q "Started HubApplication" "$DATA/hub.log"; do
  kill -0 $PID 2>/dev/null || { cat "$DATA/hub.log"; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
rss() { awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$PID/status; }
sleep 5
echo "hub start-up: $(echo "$ready - $start" | bc) s (log: $(grep -o 'Started HubApplication in [0-9.]* seconds' "$DATA/hub.log"))"
echo "hub resident memory idle: $(rss) MiB"
cpu0=$(awk '{print $14 + $15}' /proc/$PID/stat)
HUB=$(node tools/kommun-client/load.js --count "$ORDERS" --inflight "$INFLIGHT")
cpu1=$(awk '{print $14 + $15}' /proc/$PID/stat)
echo "hub, orders to receipts: $HUB"
echo "hub resident memory after $ORDERS orders: $(rss) MiB"
echo "hub CPU during the load: $(echo "($cpu1 - $cpu0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') s," \
  "$(echo "($cpu1 - $cpu0) * 1000 / $(getconf CLK_TCK) / $ORDERS" | bc -l | xargs printf '%.1f') ms per order" \
  "(the in-process supplier simulator's share included)"
node -e '
  const raw = JSON.parse(process.argv[1]), hub = JSON.parse(process.argv[2]);
  console.log("hub / raw broker: rate " + (hub.receiptsPerSecond / raw.messagesPerSecond).toFixed(3)
    + " (goal 0.25), p99 " + hub.latencyMs.p99 + " ms against " + raw.latencyMs.p99 + " ms");
' "$RAW" "$HUB"
