#!/usr/bin/env bash
# Installs Debian's headless Chromium, which the HTML report test renders the report with
# (`make test` runs this; `make demo` does not need a browser). Idempotent: does nothing when a
# chromium binary is already on PATH.
set -euo pipefail

for candidate in chromium chromium-headless-shell; do
  if command -v "$candidate" >/dev/null 2>&1; then
    echo "chromium: present ($(command -v "$candidate"))"
    exit 0
  fi
done

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root or sudo to install chromium" >&2; exit 1; }
  sudo=(sudo)
fi
echo "chromium: installing"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends chromium
