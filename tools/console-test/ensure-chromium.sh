#!/bin/sh
# The console test drives Debian's Chromium. Installs it when it is missing (the build runs as root on
# the project's machines); fails loudly when it cannot.
set -e
CHROMIUM="${1:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ERROR: $CHROMIUM is missing and cannot be installed here (needs root and apt-get): install the Debian package 'chromium'" >&2
  exit 1
fi
echo "Installing Chromium for the console test (apt-get install -y chromium)"
# Other builds on the machine may be installing it at the same moment: wait for dpkg's lock, do not fail on it.
LOCK_WAIT="-o DPkg::Lock::Timeout=600"
if ! DEBIAN_FRONTEND=noninteractive apt-get $LOCK_WAIT install -y --no-install-recommends chromium; then
  apt-get $LOCK_WAIT update && DEBIAN_FRONTEND=noninteractive apt-get $LOCK_WAIT install -y --no-install-recommends chromium
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "ERROR: apt-get ran but $CHROMIUM is still missing" >&2
  exit 1
fi
