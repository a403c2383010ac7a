#!/bin/sh
# The alerting rules' test runs Debian's promtool (package 'prometheus'). Installs it when it is missing, as
# ensure-chromium.sh installs Chromium (the build runs as root on the project's machines); fails loudly when it
# cannot. Only promtool is used: the package's Prometheus server is never started (policy-rc.d would not be needed on
# machines without an init system; RUNLEVEL=1 keeps invoke-rc.d from starting it where there is one).
set -e
PROMTOOL="${1:-/usr/bin/promtool}"
if [ -x "$PROMTOOL" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ERROR: $PROMTOOL is missing and cannot be installed here (needs root and apt-get): install the Debian package 'prometheus'" >&2
  exit 1
fi
echo "Installing promtool for the alerting rules' test (apt-get install -y prometheus; its service is not started)"
LOCK_WAIT="-o DPkg::Lock::Timeout=600"
export DEBIAN_FRONTEND=noninteractive RUNLEVEL=1
if ! apt-get $LOCK_WAIT install -y --no-install-recommends prometheus; then
  apt-get $LOCK_WAIT update && apt-get $LOCK_WAIT install -y --no-install-recommends prometheus
fi
if [ ! -x "$PROMTOOL" ]; then
  echo "ERROR: apt-get ran but $PROMTOOL is still missing" >&2
  exit 1
fi
