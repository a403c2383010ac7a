#!/bin/sh
# Creates (or refreshes the configuration of) the broker instance in the volume, then runs it in the
# foreground. NAV_BROKER_ROLE: standalone, primary or backup; a primary or backup also needs
# NAV_BROKER_ADVERTISED_HOST (its own name), NAV_BROKER_PEER_HOST and NAV_BROKER_CLUSTER_PASSWORD.
set -eu
script=/opt/hjalpmedelsnav/tools/broker/artemis-broker.sh
instance=/var/lib/artemis/instance
set -- --role "$NAV_BROKER_ROLE" --port "$NAV_BROKER_PORT" --memory "${NAV_BROKER_MEMORY:-512M}"
if [ "$NAV_BROKER_ROLE" != standalone ]; then
  set -- "$@" --advertised-host "$NAV_BROKER_ADVERTISED_HOST" --peer-host "$NAV_BROKER_PEER_HOST" \
    --peer-port "${NAV_BROKER_PEER_PORT:-61616}"
fi
if [ -n "${NAV_BROKER_ADMIN_USER:-}" ]; then
  set -- "$@" --user "$NAV_BROKER_ADMIN_USER" --password "${NAV_BROKER_ADMIN_PASSWORD:?set NAV_BROKER_ADMIN_PASSWORD}"
fi
"$script" create "$instance" "$@"
exec "$script" run "$instance"
