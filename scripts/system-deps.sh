#!/usr/bin/env bash
# Install the system packages the test suite uses, when missing and when we may (root + apt-get).
# Without them the PostgreSQL and browser tests skip with a message saying what to install, and the
# grammar runs from its Python sources.
set -u
need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
# A C compiler and Python's headers build the compiled grammar (`make compile`); without them the
# Python sources are used.
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
py_include=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])' 2>/dev/null || true)
[ -n "$py_include" ] && [ -f "$py_include/Python.h" ] || need+=(python3-dev)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: missing system packages: ${need[*]} (install them to run the PostgreSQL / browser tests)" >&2
  exit 0
fi
echo "installing system packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "warning: apt-get could not install ${need[*]}; those tests will skip" >&2
