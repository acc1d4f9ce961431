#!/usr/bin/env bash
# Fanz one-line installer: checks the machine, places the fanzctl binary in a temp dir and runs
# `fanzctl install` with this script's arguments, e.g.
#   curl -fsSL https://<host>/install.sh | sudo FANZ_BINARY_URL=https://<host>/fanzctl bash -s -- --domain fans.example.com
# The binary comes from FANZ_BINARY (a local file) or FANZ_BINARY_URL (downloaded with curl).
# FANZ_INSTALL_ARCH overrides the detected architecture; it exists for the installer's tests only.
set -euo pipefail

fail() {
  printf 'fanz install: %s\n' "$1" >&2
  if [ "$#" -gt 1 ]; then printf '  -> %s\n' "$2" >&2; fi
  exit 1
}

if [ "$(id -u)" -ne 0 ]; then
  fail "this installer must run as root." "Run it with sudo: ... | sudo bash -s -- [install options]"
fi

kernel="$(uname -s)"
if [ "$kernel" != "Linux" ]; then
  fail "this is ${kernel}; Fanz installs on Linux (Debian or Ubuntu) only."
fi

distro=""
if [ -r /etc/os-release ]; then
  # shellcheck disable=SC1091
  distro="$(. /etc/os-release && printf '%s %s' "${ID:-}" "${ID_LIKE:-}")"
fi
case " ${distro} " in
  *" debian "* | *" ubuntu "*) ;;
  *) fail "unsupported distribution (${distro:-unknown}); Fanz installs on Debian or Ubuntu." ;;
esac

arch="${FANZ_INSTALL_ARCH:-$(uname -m)}"
if [ "$arch" != "x86_64" ]; then
  fail "unsupported architecture ${arch}; the Fanz binary is built for x86_64 only."
fi

workdir="$(mktemp -d)"
trap 'rm -rf -- "$workdir"' EXIT
binary="${workdir}/fanzctl"

if [ -n "${FANZ_BINARY_URL:-}" ]; then
  command -v curl >/dev/null 2>&1 || fail "curl is needed to download ${FANZ_BINARY_URL}." "apt-get install -y curl"
  curl -fsSL --retry 3 -o "$binary" -- "$FANZ_BINARY_URL" || fail "could not download ${FANZ_BINARY_URL}."
elif [ -n "${FANZ_BINARY:-}" ]; then
  [ -f "$FANZ_BINARY" ] || fail "FANZ_BINARY=${FANZ_BINARY} is not a file."
  cp -- "$FANZ_BINARY" "$binary"
else
  fail "no fanzctl binary given." "Set FANZ_BINARY=/path/to/fanzctl or FANZ_BINARY_URL=https://.../fanzctl"
fi
chmod +x "$binary"

"$binary" install --binary "$binary" "$@"
