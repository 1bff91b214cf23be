#!/usr/bin/env bash
# Adds a migration for both providers: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
# The design-time project restores its Design reference by download (docs/adr/0004); a fresh clone has not done it yet.
dotnet restore tools/Luoshi.DesignTime -v quiet >/dev/null
for pair in "SqliteLuoshiDbContext:Sqlite" "PostgresLuoshiDbContext:Postgres"; do
  ctx=${pair%%:*}; dir=${pair##*:}
  dotnet ef migrations add "$name" --context "$ctx" --output-dir "Data/Migrations/$dir" \
    --project src/Luoshi.Application --startup-project tools/Luoshi.DesignTime
done
