#!/usr/bin/env bash
# What the end-to-end tests need from the system: Debian's Chromium (driven by playwright-core) for the browser test.
# Node 24 and n8n are not system packages: the tests install them into their own cache (scripts/n8n/cache.ts).
# Idempotent: when Chromium is already installed this returns at once, without touching apt.
set -euo pipefail

if [ -x /usr/bin/chromium ] && /usr/bin/chromium --version >/dev/null 2>&1; then
	echo "ci-e2e-prereqs: $(/usr/bin/chromium --version) already installed"
	exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
		echo "ci-e2e-prereqs: need root (or sudo) to apt-get install chromium" >&2
		exit 1
	fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "ci-e2e-prereqs: installing Debian's chromium"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
/usr/bin/chromium --version
