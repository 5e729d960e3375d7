#!/usr/bin/env bash
# The one command that passes every test: prepares the machine (scripts/prepare.sh), then runs the full build —
# formatting check, Error Prone/NullAway, unit tests, ArchUnit, integration tests against real PostgreSQL+pgvector,
# ElasticMQ, dynalite, s3proxy and Chromium, the CDK template tests — then a full offline `cdk synth`, and finally
# builds the bridge's container image and checks it (scripts/container-check.sh; needs root, as the preparation does).
source "$(dirname "$0")/lib.sh"
bash scripts/prepare.sh
select_jdk
./mvnw -B -ntp verify "$@"
bash infra/scripts/synth-offline.sh
if [[ "$(id -u)" -eq 0 ]]; then
  bash scripts/container-check.sh
else
  die "the container image check needs root (podman, rootful containers): run this command with sudo"
fi
say "all tests passed"
