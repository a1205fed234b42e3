#!/usr/bin/env bash
# What the end-to-end tests need from the system: Debian's Chromium (driven by playwright-core) for the browser test,
# and Redis and Postgres for the queue-mode test (test/e2e/queue.test.ts starts its own servers on free ports; the
# services Debian's packages would start are not used, and are left off).
# Node 24 and n8n are not system packages: the tests install them into their own cache (scripts/n8n/cache.ts).
# Idempotent: when everything is already installed this returns at once, without touching apt.
set -euo pipefail

missing=()
if ! { [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; }; then missing+=(chromium fonts-liberation); fi
if ! command -v redis-server >/dev/null 2>&1; then missing+=(redis-server); fi
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v psql >/dev/null 2>&1; then
	missing+=(postgresql)
fi

if [ "${#missing[@]}" -eq 0 ]; then
	echo "ci-e2e-prereqs: $(/usr/bin/chromium --version), $(redis-server --version | cut -d' ' -f1-3)," \
		"$(psql --version) already installed"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
		echo "ci-e2e-prereqs: need root (or sudo) to apt-get install ${missing[*]}" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ci-e2e-prereqs: installing Debian's ${missing[*]}"
# In a container without an init system the packages' own services cannot start; that is fine, none is wanted.
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
/usr/bin/chromium --version
redis-server --version
psql --version
