#!/usr/bin/env bash
# The hub's standalone Apache Artemis broker: creates a broker instance from the distribution the
# build unpacks (mvn package: routes/target/apache-artemis-<version>) with the hub's broker.xml from
# docker/broker/, and starts or stops it. The tests, the compose file's broker image and an operator
# all go through this script.
#
# usage:
#   artemis-broker.sh create <instance-dir> [--role standalone|primary|backup] [--port 61616]
#                    [--host 0.0.0.0] [--user U --password P] [--memory 512M]
#                    [--advertised-host H --peer-host H --peer-port P]   (primary and backup only)
#   artemis-broker.sh start <instance-dir>   in the background; returns once the port takes connections
#   artemis-broker.sh run <instance-dir>     in the foreground (containers)
#   artemis-broker.sh stop <instance-dir>    SIGTERM, then waits for the broker to finish
#
# Without --user the broker lets clients connect without credentials (security-enabled is false in
# docker/broker/*.xml until the broker security work lands). The cluster password of a primary/backup
# pair comes from the environment variable NAV_BROKER_CLUSTER_PASSWORD when the broker starts.
# Environment: ARTEMIS_HOME (the distribution), NAV_BROKER_CONFIG_DIR (default docker/broker).
set -euo pipefail

PROJECT="$(cd "$(dirname "$0")/../.." && pwd)"
ARTEMIS_VERSION=2.56.0
ARTEMIS_HOME="${ARTEMIS_HOME:-$PROJECT/routes/target/apache-artemis-$ARTEMIS_VERSION}"
CONFIG_DIR="${NAV_BROKER_CONFIG_DIR:-$PROJECT/docker/broker}"

die() { echo "artemis-broker.sh: $*" >&2; exit 1; }
usage() { sed -n '6,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 2 ] || usage
command="$1"; instance="$2"; shift 2

create() {
  local role=standalone port=61616 host=0.0.0.0 user="" password="" memory=512M
  local advertised="" peer="" peer_port=61616
  while [ $# -gt 0 ]; do
    case "$1" in
      --role) role="$2" ;;
      --port) port="$2" ;;
      --host) host="$2" ;;
      --user) user="$2" ;;
      --password) password="$2" ;;
      --memory) memory="$2" ;;
      --advertised-host) advertised="$2" ;;
      --peer-host) peer="$2" ;;
      --peer-port) peer_port="$2" ;;
      *) die "unknown option $1" ;;
    esac
    shift 2
  done
  [ -x "$ARTEMIS_HOME/bin/artemis" ] || die "no Artemis distribution at $ARTEMIS_HOME: run mvn -B -DskipTests package first"
  local config
  case "$role" in
    standalone) config=broker.xml ;;
    primary|backup)
      config="broker-$role.xml"
      [ -n "$advertised" ] && [ -n "$peer" ] || die "--role $role needs --advertised-host and --peer-host" ;;
    *) die "--role is standalone, primary or backup" ;;
  esac
  case "$port" in 5672|1883|61613|5445) die "port $port belongs to another protocol or broker; choose another" ;; esac

  local credentials=(--allow-anonymous --user admin --password "$(head -c 18 /dev/urandom | base64)")
  if [ -n "$user" ]; then
    credentials=(--require-login --user "$user" --password "$password")
  fi
  "$ARTEMIS_HOME/bin/artemis" create "$instance" --silent --force --name hjalpmedelsnav --no-web \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-autocreate \
    --java-memory "$memory" "${credentials[@]}" > /dev/null

  # The distribution's profile starts the heap at 512M whatever --java-memory says; let a small broker be small.
  sed -i 's/-Xms[0-9]*[MmGg]/-Xms64M/' "$instance/etc/artemis.profile"
  cp "$CONFIG_DIR/$config" "$instance/etc/broker.xml"
  cp "$CONFIG_DIR/hub-addresses.xml" "$CONFIG_DIR/hub-address-settings.xml" "$instance/etc/"
  # The values broker.xml reads as ${nav.broker.*}; the cluster password is read from the environment
  # each time the broker starts, never written down here.
  {
    echo
    echo "# Hjälpmedelsnav (tools/broker/artemis-broker.sh create --role $role)"
    echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.port=$port -Dnav.broker.host=$host\""
    if [ "$role" != standalone ]; then
      echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.advertised-host=$advertised -Dnav.broker.peer-host=$peer -Dnav.broker.peer-port=$peer_port\""
      echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.cluster-password=\${NAV_BROKER_CLUSTER_PASSWORD:?set NAV_BROKER_CLUSTER_PASSWORD}\""
    fi
  } >> "$instance/etc/artemis.profile"
  echo "broker instance $instance created ($role, CORE and AMQP on $host:$port)"
}

port_of() {
  sed -n 's/.*-Dnav\.broker\.port=\([0-9]*\).*/\1/p' "$1/etc/artemis.profile" | head -1
}

start() {
  [ -x "$instance/bin/artemis" ] || die "no broker instance at $instance (create it first)"
  local pidfile="$instance/data/hub-broker.pid" port
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "already running (pid $(cat "$pidfile"))"
  fi
  port="$(port_of "$instance")"
  mkdir -p "$instance/log" "$instance/data"
  nohup "$instance/bin/artemis" run >> "$instance/log/console.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 240); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "broker started (pid $(cat "$pidfile"), port $port)"
      return 0
    fi
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { tail -50 "$instance/log/console.log" >&2; die "the broker exited"; }
    sleep 0.5
  done
  die "the broker did not open port $port within 120 s (see $instance/log/console.log)"
}

stop() {
  local pidfile="$instance/data/hub-broker.pid" pid
  [ -f "$pidfile" ] || { echo "not running"; return 0; }
  pid="$(cat "$pidfile")"
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 120); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && die "broker pid $pid still running after 60 s"
  fi
  rm -f "$pidfile"
  echo "broker stopped"
}

case "$command" in
  create) create "$@" ;;
  start) start ;;
  run) [ -x "$instance/bin/artemis" ] || die "no broker instance at $instance"; exec "$instance/bin/artemis" run ;;
  stop) stop ;;
  *) usage ;;
esac
