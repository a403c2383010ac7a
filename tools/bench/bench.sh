#!/usr/bin/env bash
# Issue 12's figures, every one beside its anchor, in one run on one machine. It builds nothing; build first:
#   mvn -B -q -DskipTests install
# usage: tools/bench/bench.sh [orders]      (default 5000; a run at 1 in flight sends a fifth of them)
# For trying a lever: JAVA_OPTS (JVM flags of every hub process and of the baseline), HUB_ARGS (more hub arguments,
# e.g. --nav.intake.consumers-per-kommun=2), SECTIONS (which of "raw floor startup api filedrop memory scaleout" to run; the table
# then has the rows of those only, and only a run of all of them is appended to results.md).
#
#   1. The raw broker (the anchor): a standalone Artemis from the distribution the build unpacks
#      (routes/target/apache-artemis-*), created with its default broker.xml (persistent journal; ports moved by
#      --port-offset 2000 off RabbitMQ's 5672), moving the hub's own order bodies one hop (send to a queue, receive
#      from it) over AMQP 1.0 with the municipalities' client library (tools/kommun-client/onehop.js), at 1, 10, 50
#      and 200 in flight, after a warm-up pass; four times the orders (at 1 in flight the orders), since a shorter
#      pass (about a second) measured it lower.
#   1b. Camel's floor, the second anchor: tools/bench/camel-floor, an embedded Artemis with the hub's persistence and
#      JMS settings and one Camel route taking each message off a queue in a local JMS transaction and sending it to
#      another (10 consumers, as the hub's 10 municipalities have), alone and with one H2 commit per message (the
#      hub's H2 settings), the same client and bodies at 50 in flight: the least any stage of the hub costs on this
#      stack, before the hub's own work.
#   2. Start-up: a bare Spring Boot + Camel + Hawtio application of the hub's versions with one timer route
#      (tools/bench/baseline), the production hub (routes jar) and the README's hub with the simulator, each timed
#      the same way (process start to Spring's "Started ..." line), -Xmx256m, a fresh data folder, alternating.
#   3. The production hub (routes jar, -Xmx256m, embedded broker and H2) with the supplier simulator as its own
#      process: orders from 10 municipalities at 1, 10, 50 and 200 in flight, then from 1, 10 and 47 at 50, then
#      paced at half the highest end-to-end rate measured (the most it sustains: receipts run ahead of the
#      supplier's hand-off only while the queue to the supplier grows) and at half the highest receipt rate. Receipts per second and send -> receipt latency from the
#      client (tools/kommun-client/load.js); end to end (the supplier holds every order) from the simulator's
#      GET /simulator/admin/orders/summary, timed from the load's first send. CPU per order from /proc for the hub
#      and the simulator apart. A warm-up pass first, as for the broker.
#   4. The file-drop channel: the same hub with nav.supplier.channel.order=FILE_DROP, the simulator serving the
#      hub's file-drop folder, at 50 in flight.
#   5. Memory: the README's own command (hub-with-simulator jar, -Xmx256m), resident set idle and after 20,000
#      orders (4 x orders).
#   (profile, only when SECTIONS names it): the hub as in 3., a JFR recording (settings=profile) of one load at 50 in
#      flight after the warm-up, summarised by tools/bench/profile-summary.js: CPU samples by stage and by library.
#   6. Scale-out: the production topology without its backup broker: the standalone broker from
#      tools/broker/artemis-broker.sh (security on, the registry's users with their development passwords) and
#      the PostgreSQL at 127.0.0.1:5432 (database test, a fresh schema), the simulator as its own process. One hub,
#      then a second beside it, each time 47 municipalities at 50 in flight, with the CPU per order of every
#      process (hubs, broker, PostgreSQL's server processes, simulator): what a second instance adds, and where
#      the next limit is.
# It prints one Markdown table with the ratios to the anchor and appends it, dated, to tools/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ORDERS="${1:-5000}"
ROOT=$(pwd)
ALL_SECTIONS=" raw floor startup api filedrop memory scaleout "
SECTIONS=" ${SECTIONS:-raw floor startup api filedrop memory scaleout} "
JAVA_OPTS=(${JAVA_OPTS:-})
HUB_ARGS=(${HUB_ARGS:-})
on() { [[ "$SECTIONS" == *" $1 "* ]]; }
DATA=$(mktemp -d /tmp/hjalpmedelsnav-bench-XXXX)
HUB_JAR=routes/target/routes-0.1.0-SNAPSHOT.jar
SIM_JAR=supplier-simulator/target/supplier-simulator-0.1.0-SNAPSHOT.jar
README_JAR=hub-with-simulator/target/hub-with-simulator-0.1.0-SNAPSHOT.jar
BASE_JAR=tools/bench/baseline/target/bench-baseline-0.1.0-SNAPSHOT.jar
FLOOR_JAR=tools/bench/camel-floor/target/bench-camel-floor-0.1.0-SNAPSHOT.jar
ARTEMIS_HOME=$(ls -d routes/target/apache-artemis-* 2>/dev/null | head -1)
for f in "$HUB_JAR" "$SIM_JAR" "$README_JAR" "$BASE_JAR" "$FLOOR_JAR" "$ARTEMIS_HOME/bin/artemis"; do
  [ -e "$f" ] || { echo "missing $f: build first (mvn -B -q -DskipTests install)" >&2; exit 1; }
done
(cd tools/kommun-client && npm ci --no-audit --no-fund --loglevel=error)
LOAD=tools/kommun-client/load.js
ONEHOP=tools/kommun-client/onehop.js
TICKS=$(getconf CLK_TCK)
HUB_HTTP=18480 HUB_B_HTTP=18481 SIM_HTTP=18490 RAW_AMQP=63616 HUB_AMQP=61616 PG_HOST=127.0.0.1 PG_PORT=5432
KOMMUNS_10=1480,1481,1482,1490,1401,1402,1407,1415,1419,1421
# The agreement parties of the registry (each municipality's code line, then its agreementParty line).
KOMMUNS_47=$(awk '/^  - code: /{gsub(/"/, "", $3); code = $3} /^    agreementParty: true/{print code}' \
  config/registry.yaml | paste -sd,)
[ "$(echo "$KOMMUNS_47" | tr ',' '\n' | wc -l)" = 47 ] || { echo "the registry does not list 47 parties" >&2; exit 1; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -- -"$p" 2>/dev/null || kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
# Starts a command in its own process group, its output to a log; sets STARTED_PID.
launch() { # log, command...
  local log="$1"; shift
  setsid "$@" > "$log" 2>&1 &
  STARTED_PID=$!
  PIDS+=("$STARTED_PID")
}
stop() { kill -- -"$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }
await_line() { # log, pid, text
  until grep -qs "$3" "$1"; do
    kill -0 "$2" 2>/dev/null || { tail -30 "$1" >&2; echo "exited before: $3" >&2; exit 1; }
    sleep 0.1
  done
}
await_port() { # port, pid
  until (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; do
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.2
  done
}
java_pid() { pgrep -g "$1" java | head -1; } # the JVM in a process group (setsid may sit above it)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU ticks of several processes together (pids, or "postgres": every process of the database server's user)
cpu_sum() {
  local total=0 p
  for p in "$@"; do
    if [ "$p" = postgres ]; then
      for q in $(pgrep -u postgres); do total=$((total + $(cpu_ticks "$q" 2>/dev/null || echo 0))); done
    else
      total=$((total + $(cpu_ticks "$p")))
    fi
  done
  echo "$total"
}
rss_mib() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
json() { node -e 'const o = JSON.parse(process.argv[1]); console.log(eval("o." + process.argv[2]))' "$1" "$2"; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); echo "$1: $2 | $3 | $4"; }

# 1. The raw broker, one hop.
declare -A RAW
if on raw; then
"$ARTEMIS_HOME/bin/artemis" create "$DATA/raw-broker" --silent --force --name bench --no-web --require-login \
  --user bench --password bench --port-offset 2000 > "$DATA/raw-broker-create.log"
launch "$DATA/raw-broker.log" "$DATA/raw-broker/bin/artemis" run
BROKER=$STARTED_PID
await_port "$RAW_AMQP" "$BROKER" || { tail -20 "$DATA/raw-broker.log"; exit 1; }
node "$ONEHOP" --port "$RAW_AMQP" --count "$ORDERS" --inflight 50 > /dev/null
for n in 1 10 50 200; do
  count=$((ORDERS * 4)); [ "$n" = 1 ] && count=$ORDERS
  RAW[$n]=$(node "$ONEHOP" --port "$RAW_AMQP" --count "$count" --inflight "$n")
  echo "raw broker, one hop, $n in flight: ${RAW[$n]}"
done
stop "$BROKER"
fi
ARTEMIS_VERSION=$(basename "$ARTEMIS_HOME" | sed 's/apache-artemis-//')

# 1b. Camel's floor: one transacted JMS hop, then with one H2 commit per message.
declare -A FLOOR FLOOR_CPU
if on floor; then
for record in false true; do
  launch "$DATA/floor-$record.log" java -Xmx256m "${JAVA_OPTS[@]}" -jar "$FLOOR_JAR" --floor.data-dir="$DATA/floor-$record" \
    --floor.port="$RAW_AMQP" --floor.record="$record"
  FLOOR_PID=$STARTED_PID
  await_line "$DATA/floor-$record.log" "$FLOOR_PID" "Started FloorApplication"
  node "$ONEHOP" --port "$RAW_AMQP" --count "$ORDERS" --inflight 50 --queue bench.floor.in --reply-queue bench.floor.out > /dev/null
  f0=$(cpu_ticks "$(java_pid "$FLOOR_PID")")
  FLOOR[$record]=$(node "$ONEHOP" --port "$RAW_AMQP" --count $((ORDERS * 2)) --inflight 50 --queue bench.floor.in \
    --reply-queue bench.floor.out)
  f1=$(cpu_ticks "$(java_pid "$FLOOR_PID")")
  FLOOR_CPU[$record]=$(echo "scale=2; ($f1 - $f0) * 1000 / $TICKS / ($ORDERS * 2)" | bc)
  echo "Camel's floor (record=$record), 50 in flight: ${FLOOR[$record]}, ${FLOOR_CPU[$record]} ms CPU per message"
  stop "$FLOOR_PID"
done
fi

# 2. Start-up, the same timing for each.
startup() { # name, ready line, java arguments...
  local name="$1" ready="$2"; shift 2
  local dir; dir=$(mktemp -d "$DATA/startup-XXXX")
  local t0; t0=$(date +%s%N)
  launch "$dir/log" java -Xmx256m "${JAVA_OPTS[@]}" "$@" --nav.data-dir="$dir" --server.port=0 --nav.broker.port=0
  local pid=$STARTED_PID
  await_line "$dir/log" "$pid" "$ready"
  local t1; t1=$(date +%s%N)
  sleep 3
  echo "$name $(( (t1 - t0) / 1000000 )) $(rss_mib "$(java_pid "$pid")")"
  stop "$pid"
}
NOWHERE=(--nav.supplier.api.url=http://127.0.0.1:9/api --nav.supplier.api.token-url=http://127.0.0.1:9/token
  --nav.supplier.api.client-id=bench --nav.supplier.api.client-secret=bench)
: > "$DATA/startups"
on startup && for _ in 1 2 3; do
  startup baseline "Started BaselineApplication" -jar "$BASE_JAR" >> "$DATA/startups"
  startup hub "Started HubApplication" -jar "$HUB_JAR" "${NOWHERE[@]}" >> "$DATA/startups"
  startup readme "Started HubApplication" -jar "$README_JAR" >> "$DATA/startups"
done
cat "$DATA/startups"
# median of three, in seconds, and the resident set right after start beside it
median() { grep "^$1 " "$DATA/startups" | awk '{print $2}' | sort -n | sed -n 2p; }
mem() { grep "^$1 " "$DATA/startups" | awk '{print $3}' | sort -n | sed -n 2p; }
sec() { echo "scale=1; $1 / 1000" | bc; }

# 3. The production hub with the simulator as its own process.
start_pair() { # name, extra hub arguments...
  local name="$1"; shift
  local dir="$DATA/$name"; mkdir -p "$dir"
  launch "$dir/simulator.log" java -Xmx192m -jar "$SIM_JAR" --server.port=$SIM_HTTP \
    --nav.simulator.client-id=bench --nav.simulator.client-secret=bench-secret \
    --nav.simulator.webhook-url=http://127.0.0.1:$HUB_HTTP/api/supplier/events \
    --nav.simulator.webhook-username=supplier --nav.simulator.webhook-password=supplier-dev \
    --nav.simulator.file-drop.enabled=true --nav.simulator.file-drop.directory="$dir/hub/filedrop"
  SIM=$STARTED_PID
  launch "$dir/hub.log" java -Xmx256m "${JAVA_OPTS[@]}" -jar "$HUB_JAR" --server.port=$HUB_HTTP --nav.data-dir="$dir/hub" \
    --nav.registry.file="$ROOT/config/registry.yaml" \
    --nav.supplier.api.url=http://127.0.0.1:$SIM_HTTP/simulator/api \
    --nav.supplier.api.token-url=http://127.0.0.1:$SIM_HTTP/simulator/oauth/token \
    --nav.supplier.api.client-id=bench --nav.supplier.api.client-secret=bench-secret "${HUB_ARGS[@]}" "$@"
  HUB=$STARTED_PID
  await_line "$dir/simulator.log" "$SIM" "Started SupplierSimulatorApplication"
  await_line "$dir/hub.log" "$HUB" "Started HubApplication"
  HUB_JVM=$(java_pid "$HUB"); SIM_JVM=$(java_pid "$SIM")
}
summary() { curl -fsS "http://127.0.0.1:$SIM_HTTP/simulator/admin/orders/summary"; }
# One load: prints the client's JSON with the end-to-end rate, the CPU per order of hub and simulator added.
measure() { # count, load.js arguments...
  local count="$1"; shift
  curl -fsS -X DELETE "http://127.0.0.1:$SIM_HTTP/simulator/admin/orders" > /dev/null
  local h0 s0; h0=$(cpu_ticks "$HUB_JVM"); s0=$(cpu_ticks "$SIM_JVM")
  local -A c0; local g; for g in "${!CPU_GROUPS[@]}"; do c0[$g]=$(cpu_sum ${CPU_GROUPS[$g]}); done
  local out; out=$(node "$LOAD" --port "$HUB_AMQP" --count "$count" "$@")
  local deadline=$((SECONDS + 300)) held=0 s
  while :; do
    s=$(summary); held=$(json "$s" orders)
    [ "$held" -ge "$count" ] || [ "$SECONDS" -gt "$deadline" ] && break
    sleep 0.2
  done
  sleep 3 # the last orders' supplier events (the simulator's deliver delay is 2 s) count to this run, not the next
  local h1 s1; h1=$(cpu_ticks "$HUB_JVM"); s1=$(cpu_ticks "$SIM_JVM")
  local groups="{}"
  for g in "${!CPU_GROUPS[@]}"; do
    groups=$(node -e 'const o = JSON.parse(process.argv[1]); o[process.argv[2]] = Number(process.argv[3]); console.log(JSON.stringify(o))' \
      "$groups" "$g" "$(( $(cpu_sum ${CPU_GROUPS[$g]}) - c0[$g] ))")
  done
  node -e '
    const out = JSON.parse(process.argv[1]), s = JSON.parse(process.argv[2]);
    const count = Number(process.argv[3]), ticks = Number(process.argv[6]);
    const last = Date.parse(s.lastReceivedAt);
    out.held = s.orders; out.repeatedPosts = s.repeatedPosts;
    out.endToEndPerSecond = s.orders === count ? Math.round(count / ((last - out.startedAtMs) / 1000)) : 0;
    out.hubCpuMsPerOrder = +((process.argv[4] * 1000 / ticks) / count).toFixed(1);
    out.simulatorCpuMsPerOrder = +((process.argv[5] * 1000 / ticks) / count).toFixed(1);
    out.cpuMsPerOrder = {};
    for (const [g, t] of Object.entries(JSON.parse(process.argv[7]))) out.cpuMsPerOrder[g] = +((t * 1000 / ticks) / count).toFixed(2);
    console.log(JSON.stringify(out));
  ' "$out" "$s" "$count" "$((h1 - h0))" "$((s1 - s0))" "$TICKS" "$groups"
}
ratio() { node -e 'console.log((Number(process.argv[1]) / Number(process.argv[2])).toFixed(3))' "$1" "$2"; }
lat() { echo "p50 $(json "$1" latencyMs.p50), p99 $(json "$1" latencyMs.p99), max $(json "$1" latencyMs.max) ms"; }

declare -A HUBRUN KRUN CPU_GROUPS
if on api; then
start_pair api
echo "hub (production jar) and simulator up; warm-up pass"
measure $((ORDERS / 2)) --inflight 50 --kommuns "$KOMMUNS_10" > /dev/null
BEST=0 BEST_E2E=0
for n in 1 10 50 200; do
  count=$ORDERS; [ "$n" = 1 ] && count=$((ORDERS / 5))
  HUBRUN[$n]=$(measure "$count" --inflight "$n" --kommuns "$KOMMUNS_10")
  echo "hub, 10 municipalities, $n in flight: ${HUBRUN[$n]}"
  r=$(json "${HUBRUN[$n]}" receiptsPerSecond); [ "$r" -gt "$BEST" ] && BEST=$r
  e=$(json "${HUBRUN[$n]}" endToEndPerSecond); [ "$e" -gt "$BEST_E2E" ] && BEST_E2E=$e
done
KRUN[1]=$(measure "$ORDERS" --inflight 50 --kommuns 1480); echo "hub, 1 municipality, 50 in flight: ${KRUN[1]}"
KRUN[10]=${HUBRUN[50]}
KRUN[47]=$(measure "$ORDERS" --inflight 50 --kommuns "$KOMMUNS_47"); echo "hub, 47 municipalities, 50 in flight: ${KRUN[47]}"
for k in 1 47; do
  r=$(json "${KRUN[$k]}" receiptsPerSecond); [ "$r" -gt "$BEST" ] && BEST=$r
  e=$(json "${KRUN[$k]}" endToEndPerSecond); [ "$e" -gt "$BEST_E2E" ] && BEST_E2E=$e
done
PACE=$((BEST_E2E / 2)) PACE_RECEIPTS=$((BEST / 2))
PACED=$(measure "$ORDERS" --rate "$PACE" --kommuns "$KOMMUNS_10"); echo "hub, paced at $PACE/s: $PACED"
PACED_RECEIPTS=$(measure "$ORDERS" --rate "$PACE_RECEIPTS" --kommuns "$KOMMUNS_10")
echo "hub, paced at $PACE_RECEIPTS/s: $PACED_RECEIPTS"
stop "$HUB"; stop "$SIM"
fi

# 4. The file-drop channel.
if on filedrop; then
start_pair filedrop --nav.supplier.channel.order=FILE_DROP
measure $((ORDERS / 2)) --inflight 50 --kommuns "$KOMMUNS_10" > /dev/null
FILEDROP=$(measure "$ORDERS" --inflight 50 --kommuns "$KOMMUNS_10"); echo "hub, file drop, 50 in flight: $FILEDROP"
stop "$HUB"; stop "$SIM"
fi

# 5. Memory, the README's own command.
if on memory; then
launch "$DATA/readme.log" java -Xmx256m "${JAVA_OPTS[@]}" -jar "$README_JAR" --nav.data-dir="$DATA/readme"
README=$STARTED_PID
await_line "$DATA/readme.log" "$README" "Started HubApplication"
README_JVM=$(java_pid "$README")
sleep 5
IDLE=$(rss_mib "$README_JVM")
MEMRUN=$(node "$LOAD" --port "$HUB_AMQP" --count $((ORDERS * 4)) --inflight 50 --kommuns "$KOMMUNS_10")
AFTER=$(rss_mib "$README_JVM")
sleep 30 # the simulator's last deliveries, then the JVM at rest: what a quiet hour after a peak looks like
SETTLED=$(rss_mib "$README_JVM")
echo "README command: $IDLE MiB idle, $AFTER MiB after $((ORDERS * 4)) orders, $SETTLED MiB 30 s later: $MEMRUN"
stop "$README"
fi

# The profile (only when asked for): where the hub's CPU goes, by stage and by library.
if on profile; then
start_pair profile
measure $((ORDERS / 2)) --inflight 50 --kommuns "$KOMMUNS_10" > /dev/null
jcmd "$HUB_JVM" JFR.start name=bench settings=profile filename="$DATA/hub.jfr" > /dev/null
PROFILED=$(measure "$ORDERS" --inflight 50 --kommuns "$KOMMUNS_10")
jcmd "$HUB_JVM" JFR.stop name=bench > /dev/null
echo "hub, profiled, 50 in flight: $PROFILED"
jfr print --events jdk.ExecutionSample --stack-depth 64 "$DATA/hub.jfr" | node tools/bench/profile-summary.js \
  | tee "$DATA/profile.md"
stop "$HUB"; stop "$SIM"
fi

# 6. Scale-out: the standalone broker and PostgreSQL, one hub, then two.
if on scaleout; then
SA="$DATA/scaleout"; mkdir -p "$SA"
{
  echo "hub=hub-dev"; echo "admin=admin-dev"
  awk '/^  - code: /{gsub(/"/, "", $3); print "kommun-" $3 "=kommun-" $3 "-dev"}' config/registry.yaml
} > "$SA/credentials.properties"
ARTEMIS_HOME="$ROOT/$ARTEMIS_HOME" tools/broker/artemis-broker.sh create "$SA/broker" --role standalone --port "$HUB_AMQP" \
  --host 127.0.0.1 --memory 512M --registry config/registry.yaml --credentials-file "$SA/credentials.properties" \
  --allow-development-passwords > "$SA/broker-create.log"
ARTEMIS_HOME="$ROOT/$ARTEMIS_HOME" tools/broker/artemis-broker.sh start "$SA/broker" > "$SA/broker-start.log"
BROKER_JVM=$(cat "$SA/broker/data/hub-broker.pid") # bin/artemis execs the JVM
[ "$(cat "/proc/$BROKER_JVM/comm" 2>/dev/null)" = java ] || BROKER_JVM=$(pgrep -P "$BROKER_JVM" java | head -1)
[ -n "$BROKER_JVM" ] || { echo "the standalone broker's JVM was not found" >&2; exit 1; }
SCHEMA="bench_$(date +%s)"
export PGOPTIONS="-c client_min_messages=warning"
psql -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d test -c "create schema $SCHEMA"
drop_schema() { psql -q -h "$PG_HOST" -p "$PG_PORT" -U postgres -d test -c "drop schema if exists $SCHEMA cascade" || true; }
SHARED=(--nav.broker.embedded=false --nav.broker.url=tcp://127.0.0.1:$HUB_AMQP --nav.broker.user=hub
  --nav.broker.password=hub-dev
  "--spring.datasource.url=jdbc:postgresql://$PG_HOST:$PG_PORT/test?currentSchema=$SCHEMA"
  --spring.datasource.username=postgres --spring.flyway.default-schema=$SCHEMA --spring.flyway.schemas=$SCHEMA)
start_pair scaleout-a "${SHARED[@]}"
HUB_A_JVM=$HUB_JVM
CPU_GROUPS=([hubs]="$HUB_A_JVM" [broker]="$BROKER_JVM" [postgres]=postgres [simulator]="$SIM_JVM")
measure $((ORDERS / 2)) --inflight 50 --kommuns "$KOMMUNS_47" > /dev/null
ONE_HUB=$(measure "$ORDERS" --inflight 50 --kommuns "$KOMMUNS_47"); echo "scale-out, one hub: $ONE_HUB"
launch "$SA/hub-b.log" java -Xmx256m "${JAVA_OPTS[@]}" -jar "$HUB_JAR" --server.port=$HUB_B_HTTP --nav.data-dir="$SA/hub-b" \
  --nav.registry.file="$ROOT/config/registry.yaml" \
  --nav.supplier.api.url=http://127.0.0.1:$SIM_HTTP/simulator/api \
  --nav.supplier.api.token-url=http://127.0.0.1:$SIM_HTTP/simulator/oauth/token \
  --nav.supplier.api.client-id=bench --nav.supplier.api.client-secret=bench-secret "${HUB_ARGS[@]}" "${SHARED[@]}"
HUB_B=$STARTED_PID
await_line "$SA/hub-b.log" "$HUB_B" "Started HubApplication"
HUB_B_JVM=$(java_pid "$HUB_B")
CPU_GROUPS=([hubs]="$HUB_A_JVM $HUB_B_JVM" [broker]="$BROKER_JVM" [postgres]=postgres [simulator]="$SIM_JVM")
measure $((ORDERS / 2)) --inflight 50 --kommuns "$KOMMUNS_47" > /dev/null
TWO_HUBS=$(measure "$ORDERS" --inflight 50 --kommuns "$KOMMUNS_47"); echo "scale-out, two hubs: $TWO_HUBS"
CPU_GROUPS=()
stop "$HUB_B"; stop "$HUB"; stop "$SIM"
ARTEMIS_HOME="$ROOT/$ARTEMIS_HOME" tools/broker/artemis-broker.sh stop "$SA/broker" > /dev/null || kill "$BROKER_JVM"
drop_schema
fi

# The table.
if on raw && on api; then
  for n in 1 10 50 200; do
    raw=$(json "${RAW[$n]}" messagesPerSecond); hub=$(json "${HUBRUN[$n]}" receiptsPerSecond)
    e2e=$(json "${HUBRUN[$n]}" endToEndPerSecond)
    row "$n in flight, 10 municipalities: receipts/s (end to end, API)" "$raw msg/s; $(lat "${RAW[$n]}")" \
      "$hub receipts/s ($e2e/s end to end); $(lat "${HUBRUN[$n]}")" \
      "$(ratio "$hub" "$raw") ($(ratio "$e2e" "$raw"))"
  done
  for k in 1 10 47; do
    raw=$(json "${RAW[50]}" messagesPerSecond); hub=$(json "${KRUN[$k]}" receiptsPerSecond)
    e2e=$(json "${KRUN[$k]}" endToEndPerSecond)
    row "$k municipalit$([ "$k" = 1 ] && echo y || echo ies), 50 in flight" "$raw msg/s" \
      "$hub receipts/s ($e2e/s end to end); $(lat "${KRUN[$k]}")" "$(ratio "$hub" "$raw") ($(ratio "$e2e" "$raw"))"
  done
  row "paced at half the highest end-to-end rate ($PACE/s), send -> receipt" "$(lat "${RAW[50]}") (50 in flight)" \
    "$(json "$PACED" receiptsPerSecond) receipts/s; $(lat "$PACED")" "goal: p99 <= 100 ms"
  row "paced at half the highest receipt rate ($PACE_RECEIPTS/s), send -> receipt" "" \
    "$(json "$PACED_RECEIPTS" receiptsPerSecond) receipts/s ($(json "$PACED_RECEIPTS" endToEndPerSecond)/s end to end); $(lat "$PACED_RECEIPTS")" ""
fi
if on floor; then
  raw=0; on raw && raw=$(json "${RAW[50]}" messagesPerSecond)
  for record in false true; do
    f=$(json "${FLOOR[$record]}" messagesPerSecond)
    row "Camel's floor, 50 in flight: one transacted JMS hop$([ "$record" = true ] && echo ' + one H2 commit'), 10 consumers" \
      "$raw msg/s" "$f msg/s; $(lat "${FLOOR[$record]}"); ${FLOOR_CPU[$record]} ms CPU per message (broker included)" \
      "$([ "$raw" != 0 ] && ratio "$f" "$raw")"
  done
fi
if on raw && on filedrop; then
  raw=$(json "${RAW[50]}" messagesPerSecond); hub=$(json "$FILEDROP" receiptsPerSecond)
  e2e=$(json "$FILEDROP" endToEndPerSecond)
  row "file-drop channel, 50 in flight" "$raw msg/s" "$hub receipts/s ($e2e/s end to end, the supplier took the file)" \
    "$(ratio "$hub" "$raw") ($(ratio "$e2e" "$raw"))"
fi
on api && row "CPU per order, 50 in flight" "" \
  "hub $(json "${HUBRUN[50]}" hubCpuMsPerOrder) ms, simulator $(json "${HUBRUN[50]}" simulatorCpuMsPerOrder) ms" ""
on filedrop && row "CPU per order, file drop, 50 in flight" "" "hub $(json "$FILEDROP" hubCpuMsPerOrder) ms" ""
on memory && row "resident memory, README command" "" \
  "$IDLE MiB idle, $AFTER MiB after $((ORDERS * 4)) orders ($(json "$MEMRUN" receiptsPerSecond) receipts/s), $SETTLED MiB 30 s later" \
  "goal: <= 512 MiB"
if on startup; then
  b=$(median baseline); h=$(median hub); r=$(median readme)
  row "start-up (median of 3), resident set after" "bare Spring Boot + Camel + Hawtio: $(sec "$b") s, $(mem baseline) MiB" \
    "production hub $(sec "$h") s, $(mem hub) MiB; README's hub with simulator $(sec "$r") s, $(mem readme) MiB" \
    "$(ratio "$h" "$b") ($(ratio "$r" "$b"))"
fi

if on scaleout; then
  cpu() { node -e 'const c = JSON.parse(process.argv[1]).cpuMsPerOrder; console.log(Object.entries(c).map(([k, v]) => k + " " + v).join(", "))' "$1"; }
  row "scale-out: standalone broker (security on) + PostgreSQL, 47 municipalities, 50 in flight" "" \
    "one hub $(json "$ONE_HUB" receiptsPerSecond) receipts/s ($(json "$ONE_HUB" endToEndPerSecond)/s end to end), $(lat "$ONE_HUB"); two hubs $(json "$TWO_HUBS" receiptsPerSecond) receipts/s ($(json "$TWO_HUBS" endToEndPerSecond)/s end to end), $(lat "$TWO_HUBS")" \
    "second hub: $(ratio "$(json "$TWO_HUBS" receiptsPerSecond)" "$(json "$ONE_HUB" receiptsPerSecond)") x receipts, $(ratio "$(json "$TWO_HUBS" endToEndPerSecond)" "$(json "$ONE_HUB" endToEndPerSecond)") x end to end"
  row "scale-out: CPU ms per order by process" "" "one hub: $(cpu "$ONE_HUB"); two hubs: $(cpu "$TWO_HUBS")" ""
fi

OPTS="${JAVA_OPTS[*]:+, JVM flags ${JAVA_OPTS[*]}}${HUB_ARGS[*]:+, hub ${HUB_ARGS[*]}}"
TABLE=$(
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')," \
    "$ORDERS orders, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)$OPTS"
  echo
  echo "| what | raw broker (Artemis $ARTEMIS_VERSION, default broker.xml, one hop) | hub | hub / raw |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
)
echo "$TABLE"
every_section() { local s; for s in $ALL_SECTIONS; do on "$s" || return 1; done; }
if every_section; then
  echo "$TABLE" >> tools/bench/results.md
  if on profile; then printf '\nProfile of the hub at 50 in flight (JFR, CPU samples):\n\n%s\n' "$(cat "$DATA/profile.md")" >> tools/bench/results.md; fi
fi
true
