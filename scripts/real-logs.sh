#!/usr/bin/env bash
# Regenerates the real-log corpus (test/fixtures/logs/real) by running every runner, then checks
# the digest against the new truth. For CI: installs Debian's golang-go when go is missing (root
# + apt-get), uses the machine's cargo and Python/pytest (cases of a missing toolchain are
# skipped with a message), and the JS runners from the npm registry into the corpus' _deps/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh
if ! command -v go >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq golang-go >/dev/null) || echo "real-logs: could not install golang-go" >&2
fi
node scripts/real-logs.mjs --skip-missing "$@"
npx vitest run test/checks/real-logs.test.ts
