#!/bin/sh
# Builds the hub's Hawtio plugin with the machine's Node.js and npm (routes/pom.xml runs it in generate-resources):
# tsc checks and compiles src/ to build/js, webpack packs it as a Module Federation remote into
# $NAV_CONSOLE_PLUGIN_OUT (Maven: target/classes/static/nav-console), else build/nav-console.
# `npm ci` runs only when package-lock.json differs from what was installed last (a fresh clone always installs).
set -e
cd "$(dirname "$0")"
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-package-lock.json
fi
npm run --silent build
