#!/usr/bin/env bash
# The hub's standalone Apache Artemis broker: creates a broker instance from the distribution the
# build unpacks (mvn package: routes/target/apache-artemis-<version>) with the hub's broker.xml from
# docker/broker/, and starts or stops it. The tests, the compose file's broker image and an operator
# all go through this script.
#
# usage:
#   artemis-broker.sh create <instance-dir> --credentials-file F [--registry config/registry.yaml]
#                    [--role standalone|primary|backup] [--port 61616] [--host 0.0.0.0] [--memory 512M]
#                    [--hub-user hub] [--admin-user admin] [--allow-development-passwords]  (the last: tests only)
#                    [--advertised-host H --peer-host H --peer-port P]   (primary and backup only)
#                    [--replication-port R --peer-replication-port PR]   (primary and backup: the pair's own
#                    acceptor, CORE only; default the client port + 1 and the peer's port + 1)
#   artemis-broker.sh start <instance-dir>   in the background; returns once the port takes connections, or, for
#                                            the passive broker of a pair, once it waits as the backup
#   artemis-broker.sh run <instance-dir>     in the foreground (containers)
#   artemis-broker.sh stop <instance-dir>    SIGTERM, then waits for the broker to finish
#
# Security is always on. create writes the broker's queues, users and security settings from the registry with the
# hub's own table (StandaloneBrokerConfig in the hub's jar, the same rules as the embedded broker):
# hub, admin and kommun-<code> for every municipality of the registry, passwords one-way hashed in
# etc/artemis-users.properties. Passwords come from the credentials file (kommun-<code>=..., hub=...,
# admin=...; ENC(...) values are taken as they are) and from NAV_BROKER_HUB_PASSWORD and
# NAV_BROKER_ADMIN_PASSWORD, which win over the file; never from the repository or the command line.
# A registry or password change: create the instance again (its data stays) and restart the broker.
# It also copies the hub's broker plugins (broker-plugins/target/broker-plugins-<version>.jar: the AMQP guard and the
# message size limit) into the instance's lib/.
# The cluster password of a primary/backup pair comes from NAV_BROKER_CLUSTER_PASSWORD when the broker starts.
# Environment: ARTEMIS_HOME (the distribution), NAV_BROKER_CONFIG_DIR (default docker/broker),
# NAV_HUB_JAR (default the build's routes/target/routes-<version>.jar) and NAV_BROKER_PLUGIN_JAR (default the
# build's broker-plugins/target/broker-plugins-<version>.jar).
set -euo pipefail

PROJECT="$(cd "$(dirname "$0")/../.." && pwd)"
ARTEMIS_VERSION=2.56.0
ARTEMIS_HOME="${ARTEMIS_HOME:-$PROJECT/routes/target/apache-artemis-$ARTEMIS_VERSION}"
CONFIG_DIR="${NAV_BROKER_CONFIG_DIR:-$PROJECT/docker/broker}"

die() { echo "artemis-broker.sh: $*" >&2; exit 1; }
usage() { sed -n '7,17p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 2 ] || usage
command="$1"; instance="$2"; shift 2

create() {
  local role=standalone port=61616 host=0.0.0.0 memory=512M registry="$PROJECT/config/registry.yaml"
  local credentials_file="" hub_user=hub admin_user=admin development=()
  local advertised="" peer="" peer_port=61616 replication_port="" peer_replication_port=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --allow-development-passwords) development=(--allow-development-passwords); shift; continue ;;
      --role) role="$2" ;;
      --port) port="$2" ;;
      --host) host="$2" ;;
      --memory) memory="$2" ;;
      --registry) registry="$2" ;;
      --credentials-file) credentials_file="$2" ;;
      --hub-user) hub_user="$2" ;;
      --admin-user) admin_user="$2" ;;
      --advertised-host) advertised="$2" ;;
      --peer-host) peer="$2" ;;
      --peer-port) peer_port="$2" ;;
      --replication-port) replication_port="$2" ;;
      --peer-replication-port) peer_replication_port="$2" ;;
      *) die "unknown option $1" ;;
    esac
    shift 2
  done
  [ -x "$ARTEMIS_HOME/bin/artemis" ] || die "no Artemis distribution at $ARTEMIS_HOME: run mvn -B -DskipTests package first"
  [ -n "$credentials_file" ] || die "--credentials-file is required (the broker users' passwords)"
  [ -r "$credentials_file" ] || die "cannot read the credentials file $credentials_file"
  [ -r "$registry" ] || die "cannot read the registry $registry"
  local hub_jar plugin_jar
  hub_jar="${NAV_HUB_JAR:-$(build_jar routes)}"
  plugin_jar="${NAV_BROKER_PLUGIN_JAR:-$(build_jar broker-plugins)}"
  [ -r "$hub_jar" ] || die "no hub jar (NAV_HUB_JAR): run mvn -B -DskipTests package first"
  [ -r "$plugin_jar" ] || die "no broker plugin jar (NAV_BROKER_PLUGIN_JAR): run mvn -B -DskipTests package first"
  local config
  case "$role" in
    standalone) config=broker.xml ;;
    primary|backup)
      config="broker-$role.xml"
      [ -n "$advertised" ] && [ -n "$peer" ] || die "--role $role needs --advertised-host and --peer-host" ;;
    *) die "--role is standalone, primary or backup" ;;
  esac
  local ports=("$port")
  if [ "$role" != standalone ]; then
    replication_port="${replication_port:-$((port + 1))}"
    peer_replication_port="${peer_replication_port:-$((peer_port + 1))}"
    [ "$replication_port" != "$port" ] || die "--replication-port must differ from --port"
    ports+=("$replication_port")
  fi
  local p
  for p in "${ports[@]}"; do
    case "$p" in 5672|1883|61613|5445) die "port $p belongs to another protocol or broker; choose another" ;; esac
  done

  # The admin's password given here is thrown away: the users are written below from the credentials.
  "$ARTEMIS_HOME/bin/artemis" create "$instance" --silent --force --name hjalpmedelsnav --no-web \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor --no-autocreate \
    --java-memory "$memory" --require-login --role admin --user "$admin_user" \
    --password "$(head -c 18 /dev/urandom | base64)" > /dev/null

  # The distribution's profile starts the heap at 512M whatever --java-memory says; let a small broker be small.
  sed -i 's/-Xms[0-9]*[MmGg]/-Xms64M/' "$instance/etc/artemis.profile"
  cp "$CONFIG_DIR/$config" "$instance/etc/broker.xml"
  cp "$CONFIG_DIR/hub-address-settings.xml" "$instance/etc/"
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx128m -cp "$hub_jar" \
    -Dloader.main=se.hjalpmedelsnav.broker.StandaloneBrokerConfig \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    --registry "$registry" --credentials-file "$credentials_file" --etc "$instance/etc" \
    --hub-user "$hub_user" --admin-user "$admin_user" ${development[@]+"${development[@]}"} \
    || die "could not write the broker's addresses, users and security settings"
  mkdir -p "$instance/lib"
  cp "$plugin_jar" "$instance/lib/hjalpmedelsnav-broker-plugin.jar"
  # The values broker.xml reads as ${nav.broker.*}; the cluster password is read from the environment
  # each time the broker starts, never written down here.
  {
    echo
    echo "# Hjälpmedelsnav (tools/broker/artemis-broker.sh create --role $role)"
    echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.port=$port -Dnav.broker.host=$host\""
    if [ "$role" != standalone ]; then
      echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.advertised-host=$advertised -Dnav.broker.peer-host=$peer -Dnav.broker.peer-port=$peer_port\""
      echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.replication-port=$replication_port -Dnav.broker.peer-replication-port=$peer_replication_port\""
      echo "JAVA_ARGS=\"\$JAVA_ARGS -Dnav.broker.cluster-password=\${NAV_BROKER_CLUSTER_PASSWORD:?set NAV_BROKER_CLUSTER_PASSWORD}\""
    fi
  } >> "$instance/etc/artemis.profile"
  if [ "$role" = standalone ]; then
    echo "broker instance $instance created ($role, CORE and AMQP on $host:$port, security on, broker plugins in lib/)"
  else
    echo "broker instance $instance created ($role, CORE and AMQP on $host:$port, the pair's replication on" \
      "$host:$replication_port, security on, broker plugins in lib/)"
  fi
}

# The build's main jar of a module: routes (the hub) or broker-plugins; not its -plain, -sources or -tests jars.
build_jar() {
  local jar
  for jar in "$PROJECT/$1/target/$1"-*.jar; do
    case "$jar" in *-plain.jar|*-sources.jar|*-tests.jar) continue ;; esac
    [ -f "$jar" ] && { echo "$jar"; return 0; }
  done
  return 0
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
  local log_from=1
  [ -f "$instance/log/console.log" ] && log_from=$(( $(stat -c %s "$instance/log/console.log") + 1 ))
  nohup "$instance/bin/artemis" run >> "$instance/log/console.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 240); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "broker started (pid $(cat "$pidfile"), port $port)"
      return 0
    fi
    # A backup (or a primary coming back while its backup is active) opens its port only when it becomes the
    # active broker: started means waiting as the passive one (AMQ221109).
    # (grep reads to the end, not -q: an early exit would fail the pipeline with SIGPIPE under pipefail)
    if tail -c +"$log_from" "$instance/log/console.log" | grep 'AMQ221109' > /dev/null; then
      echo "broker started as the passive one of the pair (pid $(cat "$pidfile")); port $port opens when it becomes active"
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
