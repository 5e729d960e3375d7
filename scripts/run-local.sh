#!/usr/bin/env bash
# The one command that runs the whole assistant locally: stand-ins for every AWS service (state in DATA_DIR,
# default ./.data), the router consuming the inbound queue in-process, and the bridge with the chat simulator at
# http://localhost:${PORT:-8080}/ (or the real WhatsApp Web with CHANNEL=whatsapp-web).
# Settings come from the environment and from ./.env if present (see .env-example and docs/configuration.md).
source "$(dirname "$0")/lib.sh"
select_jdk
require_node
require_postgres
npm_ci shared/standins/node
if [[ "${CHANNEL:-simulator}" == "whatsapp-web" ]]; then
  require_chromium
fi
# ./.env fills in settings the environment does not set (the environment wins). KEY=value lines; # comments.
if [[ -f .env ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$line" =~ ^[[:space:]]*([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || die ".env: not a KEY=value line: ${line%%=*}"
    name="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    [[ -n "${!name+set}" ]] && continue
    if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then
      value="${BASH_REMATCH[1]}"
    fi
    export "$name=$value"
  done < .env
fi
# Build when any source is newer than the last build (the first run takes a few minutes).
stamp=local/target/run-classpath.txt
if [[ ! -f "$stamp" ]] || [[ -n "$(find pom.xml shared functions whatsapp-bridge local -newer "$stamp" \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/resources/*' \) -print -quit 2>/dev/null)" ]]; then
  say "building (skipping tests; scripts/test.sh runs them)"
  ./mvnw -B -q -ntp install -Pbuild-only -pl local -am
fi
exec "$JAVA_HOME/bin/java" @local/jvm.options \
  -cp "local/target/classes:$(cat "$stamp")" org.wassist.local.LocalRun
