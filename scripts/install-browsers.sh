#!/usr/bin/env bash
# Installs the browsers the tests drive, from Debian's apt: chromium (Playwright e2e) and firefox-esr (the Firefox
# smoke). Skips what is installed. Works as root (a fresh Debian has no sudo) and as a user with sudo.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
[ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || missing+=(firefox-esr)
versions() {
  # Debian's chromium launcher may print a harmless warning about /dev/shm on stderr.
  "${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || true
  "${FIREFOX_PATH:-/usr/bin/firefox-esr}" --version 2>/dev/null || true
}
if [ "${#missing[@]}" -eq 0 ]; then
  versions
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "Installing ${missing[*]} needs root: run this as root or install sudo." >&2
  exit 1
fi

echo "Installing ${missing[*]} from Debian (apt-get)"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
versions
