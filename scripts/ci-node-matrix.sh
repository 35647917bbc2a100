#!/usr/bin/env bash
# The first five minutes, checked: on a fresh clone, the README's two commands
# (`npm ci && npm run demo`, `npm ci && npm test`) under Node 20, 22 and 24;
# then the CLI as npm would ship it (`npm pack`, installed into an empty project,
# `greenloop --version` and `greenloop run --help`) under each Node; and Node 18
# getting one line that says what to do. Any failure fails the script.
#
#   bash scripts/ci-node-matrix.sh            # clones this checkout's HEAD
#   GREENLOOP_NODE_VERSIONS="20 24" bash scripts/ci-node-matrix.sh
#   GREENLOOP_MATRIX_TEST_VERSIONS="24" bash scripts/ci-node-matrix.sh   # npm test on these only
#
# Each Node comes from the npm registry's node-linux-<arch> package (cached in
# ~/.cache/greenloop/node<major>, as scripts/node24.sh does for 24) and is put
# first on PATH inside this script only. npm is the machine's own npm.
# Everything runs under one temp folder (TMPDIR too), removed at the end; what
# a command leaves there besides the demo's project is reported as a leak.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
versions="${GREENLOOP_NODE_VERSIONS:-20 22 24}"
# The Node versions that also run `npm test` (default: all of them).
test_versions="${GREENLOOP_MATRIX_TEST_VERSIONS-$versions}"
cache="${GREENLOOP_NODE_CACHE:-$HOME/.cache/greenloop}"
# The node-linux-* packages are Linux builds: on macOS (or elsewhere) say so instead of failing later.
[ "$(uname -s)" = Linux ] || { echo "matrix: Linux only (it runs the npm registry's node-linux-* builds); on $(uname -s) run the README's two commands with your own Node" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "matrix: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
# A clean machine's /tmp for the README's commands when we can have one (root, unshare): each runs
# in a private mount namespace on an empty /tmp, so what any process they start leaves in /tmp
# (TMPDIR or not) is seen. The work folder is then outside /tmp, which that mount hides.
fresh_tmp=false
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then fresh_tmp=true; fi
if [ "$fresh_tmp" = true ]; then
  work="$(mktemp -d /var/tmp/greenloop-matrix-XXXXXX)"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/greenloop-matrix-XXXXXX")"
fi
trap 'rm -rf "$work"' EXIT
mkdir "$work/tmp"
# Traversable like /tmp: tests run sandboxes as unprivileged users (useradd) below it.
chmod 755 "$work" "$work/tmp"
export TMPDIR="$work/tmp"
export CI=true
started=$SECONDS

say() { echo "matrix [$((SECONDS - started))s]: $*"; }
fail() { echo "matrix: FAILED: $*" >&2; exit 1; }

# Prints the folder holding bin/node for this version (a major, or an exact one), fetching it once.
node_home() {
  local version="$1" dir="$cache/node$1"
  if [ ! -x "$dir/bin/node" ]; then
    say "fetching node-linux-$arch@$version from the npm registry"
    local tmp
    tmp="$(mktemp -d "$work/fetch-XXXXXX")"
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null) ||
      fail "could not fetch node-linux-$arch@$version"
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-*.tgz -C "$dir" --strip-components=1 package/bin/node
    rm -rf "$tmp"
  fi
  echo "$dir"
}

# Runs a command with this Node first on PATH, in a subshell (nothing leaks out).
with_node() {
  local home="$1"
  shift
  (export PATH="$home/bin:$PATH" && "$@")
}

# Runs a command of the README in a clone ($1) with Node ($2): with fresh_tmp, on an empty private
# /tmp (TMPDIR unset, as on a fresh machine), failing when anything but the demo's projects (the
# demo points at them) and Node's compile cache is left there; else with TMPDIR=$work/tmp, checked
# at the end.
readme_command() {
  local clone="$1" home="$2"
  shift 2
  if [ "$fresh_tmp" != true ]; then
    (cd "$clone" && with_node "$home" "$@")
    return
  fi
  local left="$work/left-in-tmp"
  # shellcheck disable=SC2016 # expanded by the inner bash
  unshare -m bash -c '
    mount -t tmpfs -o mode=1777 greenloop-matrix-tmp /tmp || exit 1
    unset TMPDIR
    (cd "$1" && with_node "$2" "${@:4}")
    code=$?
    find /tmp -mindepth 1 -maxdepth 1 ! -name "greenloop-demo-*" ! -name node-compile-cache -printf "%f\n" >"$3"
    exit $code' bash "$clone" "$home" "$left" "$@" || return 1
  if [ -s "$left" ]; then
    echo "matrix: $* left in /tmp: $(tr '\n' ' ' <"$left")" >&2
    return 1
  fi
}

# npm must install quietly: no EBADENGINE or other warnings on a supported Node.
quiet_ci() {
  local log="$work/npm-ci.log"
  npm ci 2>&1 | tee "$log"
  [ "${PIPESTATUS[0]}" = 0 ] || return 1
  if grep -q 'npm warn' "$log"; then
    echo "matrix: npm ci printed warnings:" >&2
    grep 'npm warn' "$log" | head -5 >&2
    return 1
  fi
}
# readme_command's inner bash calls these.
export -f with_node quiet_ci
export work

git_head="$(git -C "$repo" rev-parse --short HEAD)"
say "repository $repo at $git_head; Node versions: $versions"

tarball=""
for major in $versions; do
  home="$(node_home "$major")"
  clone="$work/clone-$major"
  git clone -q "$repo" "$clone"
  say "Node $(with_node "$home" node --version): npm ci && npm run demo  (fresh clone)"
  (readme_command "$clone" "$home" quiet_ci && readme_command "$clone" "$home" npm run demo) ||
    fail "npm ci && npm run demo under Node $major"
  # The README's second command; its `npm ci` would reinstall the same lockfile in
  # the same clone, so it is run once per Node.
  if [[ " $test_versions " == *" $major "* ]]; then
    say "Node $major: npm test  (same clone)"
    readme_command "$clone" "$home" npm test || fail "npm test under Node $major"
  else
    say "Node $major: npm test not run here (GREENLOOP_MATRIX_TEST_VERSIONS=$test_versions)"
  fi
  if [ -z "$tarball" ]; then
    tarball="$(cd "$clone" && with_node "$home" npm pack --silent --pack-destination "$work")"
    tarball="$work/$tarball"
    say "packed $(basename "$tarball") ($(du -h "$tarball" | cut -f1))"
  fi
  rm -rf "$clone"
done

want="$(cd "$repo" && node -p 'require("./package.json").version')"
for major in $versions; do
  home="$(node_home "$major")"
  consumer="$work/consumer-$major"
  mkdir "$consumer"
  say "Node $major: npm install $(basename "$tarball") into an empty project"
  (
    cd "$consumer"
    echo '{ "name": "consumer", "version": "1.0.0", "private": true }' >package.json
    with_node "$home" npm install --no-audit --no-fund "$tarball" >/dev/null
    got="$(with_node "$home" npx --no -- greenloop --version)"
    [ "$got" = "$want" ] || fail "greenloop --version said '$got', expected '$want'"
    with_node "$home" npx --no -- greenloop run --help | grep -q -- '--test-command' ||
      fail "greenloop run --help does not list --test-command"
  ) || fail "the packed CLI under Node $major"
  rm -rf "$consumer"
done

# A Node too old for greenloop (Node 18, and Node 20.18 below vite's floor): one line saying what
# to do, exit 1, no stack trace, from the CLI bundle, the demo and the test script.
for old in 18 20.18.0; do
  home_old="$(node_home "$old")"
  consumer="$work/consumer-$old"
  mkdir "$consumer"
  tar -xzf "$tarball" -C "$consumer"
  for cmd in "$consumer/package/dist/cli/index.js --version" "$repo/scripts/node-version.mjs npm-test" "$repo/scripts/demo.mjs"; do
    set +e
    # shellcheck disable=SC2086 # the command and its argument are split on purpose
    out="$(with_node "$home_old" node $cmd 2>&1)"
    code=$?
    set -e
    lines="$(printf '%s\n' "$out" | wc -l)"
    if [ "$code" != 1 ] || [ "$lines" != 1 ] || ! grep -q 'needs Node 20.19+ or 22.12+' <<<"$out"; then
      fail "Node $old, node $cmd: expected one line and exit 1, got exit $code and: $out"
    fi
  done
  say "Node $old gets one line: $out"
  rm -rf "$consumer"
done

# What the commands left in TMPDIR: the demo's projects stay (the demo points at them); vitest's
# compile cache is its own. Anything else is a leak.
leaks="$(find "$TMPDIR" -mindepth 1 -maxdepth 1 ! -name 'greenloop-demo-*' ! -name 'node-compile-cache' -printf '%f\n')"
[ -z "$leaks" ] || fail "temp folders left behind: $leaks"
say "all passed"
