#!/usr/bin/env bash
# Prepares what a fresh Debian/Ubuntu machine lacks for building, testing and running WAssist locally:
# JDK 25 selection, PostgreSQL 15 with pgvector, Debian's Chromium, and the npm packages of the stand-ins and the CDK
# tooling. Idempotent: fast when everything is in place. Run as root for the system packages.
source "$(dirname "$0")/lib.sh"
select_jdk
require_node
require_postgres
require_chromium
npm_ci shared/standins/node
npm_ci infra/node
say "ready: JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2), Node $(node --version), pgvector, Chromium"
