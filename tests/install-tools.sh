#!/bin/sh
# Installs the programs the test suite drives, besides Python packages:
# Chromium (Playwright, axe-core), Java (the Nu Html Checker), Node's npm (to fetch vnu-jar, axe-core and
# decap-server, the web editing form's local backend),
# nginx (tests run their own nginx on a free port against the generated nginx-redirects.conf).
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing="$missing nginx"
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
cd "$(dirname "$0")/js"
npm ci --no-audit --no-fund --loglevel=error
