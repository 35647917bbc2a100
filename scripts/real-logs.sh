#!/usr/bin/env bash
# Regenerates the real-log corpus (test/fixtures/logs/real) by running every runner, then checks
# the digest against the new truth. For CI: installs Debian's golang-go and python3-pytest (pytest
# 7) when missing (root + apt-get), uses the machine's cargo and Python/pytest (cases of a missing
# toolchain are skipped with a message), and the JS runners from the npm registry into _deps/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
# pytest 7 (the pytest7-* cases) is Debian's python3-pytest on /usr/bin/python3; the other pytest
# cases use the machine's Python.
missing=()
command -v go >/dev/null 2>&1 || missing+=(golang-go)
/usr/bin/python3 -m pytest --version >/dev/null 2>&1 || missing+=(python3-pytest)
if [ "${#missing[@]}" -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null) ||
    echo "real-logs: could not install ${missing[*]}" >&2
fi
node scripts/real-logs.mjs --skip-missing "$@"
npx vitest run test/checks/real-logs.test.ts
