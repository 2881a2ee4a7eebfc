#!/usr/bin/env bash
# Runs every test: unit, golden files, and the integration suite on SQLite (and on PostgreSQL when
# scripts/postgres.sh can start a local server).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test SocialAid.sln --nologo -v q
