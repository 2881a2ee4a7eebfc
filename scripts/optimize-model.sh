#!/usr/bin/env bash
# Regenerates the compiled EF Core models (one per provider) after a change to PayBatchDb or its rows.
# Commands open the database with them instead of building the model at start-up (issue 15);
# CompiledModelTests fails while they are out of date.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  rm -rf "src/PayBatch.Core/Persistence/CompiledModels/$provider"
  dotnet ef dbcontext optimize --project src/PayBatch.Core --context "${provider}Db" \
    --output-dir "Persistence/CompiledModels/$provider" --namespace "PayBatch.Core.Persistence.CompiledModels.$provider"
done
