#!/usr/bin/env bash
# Serves the synthetic demo province on SQLite at http://127.0.0.1:5080 (data in ./data).
# The first start loads the demo province (about 10 s); later starts reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --project src/Luoshi.Cli -c Release -- serve --demo --data-dir "${LUOSHI_DATA_DIR:-data}" "$@"
