#!/bin/sh
# Creates (or refreshes the configuration of) the broker instance in the volume, then runs it in the
# foreground. NAV_BROKER_ROLE: standalone, primary or backup; a primary or backup also needs
# NAV_BROKER_ADVERTISED_HOST (its own name), NAV_BROKER_PEER_HOST and NAV_BROKER_CLUSTER_PASSWORD.
# Security: the broker users are written from the registry (NAV_REGISTRY_FILE, default the image's
# config/registry.yaml) on every start, with the passwords of NAV_BROKER_CREDENTIALS_FILE (kommun-<code>=...)
# and NAV_BROKER_HUB_PASSWORD / NAV_BROKER_ADMIN_PASSWORD, hashed; a changed registry or password takes
# effect when the container restarts.
set -eu
script=/opt/hjalpmedelsnav/tools/broker/artemis-broker.sh
instance=/var/lib/artemis/instance
set -- --role "$NAV_BROKER_ROLE" --port "$NAV_BROKER_PORT" --memory "${NAV_BROKER_MEMORY:-512M}" \
  --registry "${NAV_REGISTRY_FILE:-/opt/hjalpmedelsnav/config/registry.yaml}" \
  --credentials-file "${NAV_BROKER_CREDENTIALS_FILE:?set NAV_BROKER_CREDENTIALS_FILE (the municipalities broker passwords)}" \
  --hub-user "${NAV_BROKER_HUB_USER:-hub}" --admin-user "${NAV_BROKER_ADMIN_USER:-admin}"
if [ "$NAV_BROKER_ROLE" != standalone ]; then
  # The pair's own replication acceptor: the client port + 1 on each broker unless given.
  set -- "$@" --advertised-host "$NAV_BROKER_ADVERTISED_HOST" --peer-host "$NAV_BROKER_PEER_HOST" \
    --peer-port "${NAV_BROKER_PEER_PORT:-61616}" \
    --replication-port "${NAV_BROKER_REPLICATION_PORT:-$((NAV_BROKER_PORT + 1))}" \
    --peer-replication-port "${NAV_BROKER_PEER_REPLICATION_PORT:-$((${NAV_BROKER_PEER_PORT:-61616} + 1))}"
fi
"$script" create "$instance" "$@"
exec "$script" run "$instance"
