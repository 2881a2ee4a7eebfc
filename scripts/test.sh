#!/usr/bin/env bash
# Every test: unit, golden files, and the integration suite on SQLite and on a real PostgreSQL
# (started here for the run and stopped at the end). .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
dotnet test SocialAid.sln --nologo
