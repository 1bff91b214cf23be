#!/usr/bin/env bash
# Interleaved A/B of two builds on the cached evaluation answer (bench/README.md, "Load"): one `luoshi serve`
# of each build on the load benchmark's database (bench/load/load.sh loads it), then wrk against one and the
# other in turn, the order swapped every round, so that a busy machine's drift falls on both alike.
#
#   bench/load/ab.sh A/luoshi.dll B/luoshi.dll [PATH]   PATH defaults to the province's evaluation answer
#
# Prints per round and build: requests/s, the server's CPU per request and the load average. The first rounds
# are still warming up (tiered compilation); compare the later ones.
set -euo pipefail
a_dll=${1:?usage: bench/load/ab.sh A/luoshi.dll B/luoshi.dll [PATH]} b_dll=${2:?usage: bench/load/ab.sh A/luoshi.dll B/luoshi.dll [PATH]}
period=$(date -u -d "$(date -u +%Y-%m-15) -2 month" +%Y-%m)
path=${3:-"/api/evaluation?period=$period&org=330000&depth=0"}
pg=${LUOSHI_BENCH_POSTGRES:-"Host=127.0.0.1;Port=${LUOSHI_BENCH_PG_PORT:-5442};Username=postgres;Password=postgres"}
export LUOSHI_DATABASE="$pg;Database=luoshi_load_demo"
out=$(mktemp -d)
token=$(dotnet "$b_dll" tokens create admin --label ab --days 1 --data-dir "$out/cli" 2>/dev/null | tail -1)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"' EXIT
declare -A port=([a]=5291 [b]=5292) pid=()
for x in a b; do
  dll=$([[ $x == a ]] && echo "$a_dll" || echo "$b_dll")
  Luoshi__RequestsPerMinute=0 Logging__LogLevel__Default=Warning \
    dotnet "$dll" serve --urls "http://127.0.0.1:${port[$x]}" --data-dir "$out/$x" >"$out/$x.log" 2>&1 &
  pids+=($!); pid[$x]=$!
done
for x in a b; do
  for _ in $(seq 1 240); do curl -fsS -o /dev/null "http://127.0.0.1:${port[$x]}/sign-in" 2>/dev/null && break; sleep 0.5; done
  wrk -t2 -c64 -d15s -H "Authorization: Bearer $token" "http://127.0.0.1:${port[$x]}$path" >/dev/null
done
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
echo "round build requests/s cpu_ms_per_request load"
for round in 1 2 3 4 5 6 7 8; do
  order="a b"; (( round % 2 == 0 )) && order="b a"
  for x in $order; do
    c0=$(cpu "${pid[$x]}")
    read -r rps n < <(wrk -t2 -c64 -d6s -H "Authorization: Bearer $token" "http://127.0.0.1:${port[$x]}$path" \
      | awk '/Requests\/sec/ {r = $2} /^ *[0-9]+ requests in/ {n = $1} END {print r, n}')
    c1=$(cpu "${pid[$x]}")
    echo "$round $x $rps $(awk -v c=$((c1 - c0)) -v n="$n" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f", c * 1000 / hz / n}') $(cut -d' ' -f1 /proc/loadavg)"
  done
done
