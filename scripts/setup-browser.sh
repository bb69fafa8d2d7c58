#!/usr/bin/env bash
# Installs Debian's chromium for the Mermaid render test (test/hybrid/mermaid-render.test.ts) and
# scripts/render-architecture.ts. Idempotent: does nothing when /usr/bin/chromium is there.
# Needs root (CI runs as root) and Debian's package mirror; nothing is downloaded by npm.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt_get() { apt-get -o DPkg::Lock::Timeout=600 "$@"; }
if ! apt_get install -y --no-install-recommends chromium; then
  apt_get update
  apt_get install -y --no-install-recommends chromium
fi
/usr/bin/chromium --version
