#!/usr/bin/env bash
# The reliability suite: kill -9 of the server during large imports, 50 concurrent reporters on two servers
# behind nginx, PostgreSQL restarted under load, and fuzzed inputs on a SQLite and a PostgreSQL server: mutated
# CSV/XLSX/HTML/DOCX/PDF/JSON files and bodies, and every operation of the server's /openapi/v1.json.
#   scripts/reliability.sh           full run (20 kills, 60 s of reporters, 10,000 inputs; ≈ 17 min on a busy 2-core machine)
#   scripts/reliability.sh --quick   CI's and a developer's run (5 kills, 10 s, 1,000 inputs; a few minutes)
# Loopback only, bounded in time and count; stops everything it started. Writes
# artifacts/reliability/summary.json and exits 0 only when every check holds.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=full; limit=3600
[[ "${1:-}" == "--quick" ]] && { mode=quick; limit=900; }

if ! command -v nginx >/dev/null && [[ ! -x /usr/sbin/nginx ]]; then
  echo "installing nginx from apt…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq nginx-light >&2 || apt-get install -y -qq nginx >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# A durable cluster of its own (fsync on), so that what is acknowledged is what a real server keeps.
export LUOSHI_PG_PORT=${LUOSHI_RELIABILITY_PG_PORT:-5452} LUOSHI_PG_DURABLE=1
pg=$(scripts/postgres.sh start | tail -1)
trap 'scripts/postgres.sh stop' EXIT

dotnet build src/Luoshi.Cli -c Release -v quiet -nologo -clp:ErrorsOnly
dotnet build tools/Luoshi.Reliability -c Release -v quiet -nologo -clp:ErrorsOnly

out=artifacts/reliability
rm -rf "$out"; mkdir -p "$out"
args=(--cli src/Luoshi.Cli/bin/Release/net10.0/luoshi.dll --pg "$pg" --nginx "$nginx_bin" --out "$out"
      --pg-restart "LUOSHI_PG_PORT=$LUOSHI_PG_PORT scripts/postgres.sh restart")
[[ $mode == quick ]] && args+=(--quick)
timeout --kill-after=30 "$limit" dotnet tools/Luoshi.Reliability/bin/Release/net10.0/Luoshi.Reliability.dll "${args[@]}"
