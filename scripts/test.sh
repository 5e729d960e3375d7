#!/usr/bin/env bash
# The one command that passes every test: prepares the machine (scripts/prepare.sh), then runs the full build —
# formatting check, Error Prone/NullAway, unit tests, ArchUnit, integration tests against real PostgreSQL+pgvector,
# ElasticMQ, dynalite, s3proxy and Chromium, the CDK template tests — and finally a full offline `cdk synth`.
source "$(dirname "$0")/lib.sh"
bash scripts/prepare.sh
select_jdk
./mvnw -B -ntp verify "$@"
bash infra/scripts/synth-offline.sh
say "all tests passed"
