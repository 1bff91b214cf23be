#!/usr/bin/env bash
# Benchmarks the evaluation engine on generated workloads, side by side with DuckDB and PostgreSQL
# computing the same thing, and cross-checks that all three agree (bench/README.md).
#
#   scripts/bench.sh           province and national workloads (about 8 minutes on 2 quiet cores, plus about 3
#                              the first time, when the exports and databases are built)
#   scripts/bench.sh --quick   province only, fewer runs (about 2 minutes from a cold start)
#   … --load                   only the load part: wrk against the dashboard and the evaluation API on one
#                              and two servers (behind nginx) and a bare Kestrel endpoint (bench/load/load.sh;
#                              about 5½ minutes, 2 with --quick, plus the demo load the first time)
#   … --no-load                only the evaluation engine part
#   … --reporting-day          only the reporting day (bench/Luoshi.Bench/ReportingDay): 24 reporters writing and
#                              reading back while leaders read the evaluation API and the page and the daily
#                              supervision run goes, through one `luoshi serve` per provider (SQLite, PostgreSQL) on a
#                              throwaway copy of the bench province, DuckDB beside; 60 s of traffic per provider (20 s
#                              with --quick), the supervision run waited for until 2 minutes after it (1 with --quick);
#                              about 10 minutes in all (5 with --quick), plus about 2 the first time (the province's
#                              databases). Writes artifacts/bench/reporting-day.json.
#                              LUOSHI_BENCH_SQLITE and LUOSHI_BENCH_CSV point it at another checkout's province.
#
# Installs what it needs on a fresh Debian machine (the PostgreSQL server; DuckDB runs in-process through
# DuckDB.NET, so no node), starts a throwaway PostgreSQL cluster of its own on 127.0.0.1:${LUOSHI_BENCH_PG_PORT:-5442}
# (left running so that the next run reuses the loaded databases; stop it with
# `LUOSHI_PG_PORT=5442 scripts/postgres.sh stop`), builds Release and writes artifacts/bench/evaluation.json.
# Exits non-zero when the engines disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=full evaluation=yes load=yes reporting=no
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --load) evaluation=no ;;
    --no-load) load=no ;;
    --reporting-day) reporting=yes evaluation=no load=no ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (use --quick, --load, --no-load, --reporting-day)" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
# A cluster of its own, so that the tests' cluster (port 5433) and the benchmarks never meet.
pg=$(LUOSHI_PG_PORT=${LUOSHI_BENCH_PG_PORT:-5442} scripts/postgres.sh start | tail -1)

mkdir -p artifacts/bench
# Without node the server is built without the pages' browser libraries (htmx, ECharts): the load and the
# reporting day read HTML and JSON, never run the pages' scripts.
ui=()
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: the server is built without the pages' browser libraries (the benchmarks do not need them)" >&2
  ui=(-p:LuoshiUiLibraries=false)
fi
build() {
  if ! dotnet build "$1" -c Release -v quiet -nologo "${ui[@]}" >artifacts/bench/build.log 2>&1; then
    cat artifacts/bench/build.log >&2
    exit 1
  fi
}
bench() { dotnet bench/Luoshi.Bench/bin/Release/net10.0/luoshi-bench.dll "$@"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo); load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
export LUOSHI_BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ $evaluation == yes ]]; then
  build bench/Luoshi.Bench
  rm -f artifacts/bench/province.json artifacts/bench/national.json artifacts/bench/national-2gib.json artifacts/bench/national-server-default.json
  if [[ $mode == quick ]]; then
    bench run --workload province --quick --postgres "$pg" || status=$?
  else
    bench run --workload province --postgres "$pg" || status=$?
    # One PostgreSQL history over 51 million readings takes minutes: it runs once, and the
    # app-database loads are timed on the province only.
    bench run --workload national --postgres "$pg" --no-databases || status=$?
    # The engine again with its heap capped at 2 GiB: what it needs, rather than what an unconstrained
    # collector lets garbage grow to.
    DOTNET_GCHeapHardLimit=0x80000000 bench run --workload national --engine-only --report-name national-2gib || status=$?
    # And as a server caps itself by default (Luoshi:HeapLimitMegabytes): the memory a national deployment needs
    # without anyone setting anything.
    bench run --workload national --engine-only --heap-limit-mb 3072 --report-name national-server-default || status=$?
  fi
  bench merge --mode "$mode"
fi

if [[ $load == yes ]]; then
  build src/Luoshi.Cli
  build bench/BareKestrel
  bench/load/load.sh "$pg" $([[ $mode == quick ]] && echo --quick) || status=$?
fi

if [[ $reporting == yes ]]; then
  build src/Luoshi.Cli
  build bench/Luoshi.Bench
  # The province's databases and CSV export are built into artifacts/bench when missing (and reused after).
  bench reporting-day --postgres "$pg" $([[ $mode == quick ]] && echo --quick) || status=$?
fi

echo "bench took $(( $(date +%s) - started ))s"
exit $status
