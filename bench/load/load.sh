#!/usr/bin/env bash
# The load part of the benchmarks (bench/README.md, "Load"): wrk at 64 connections against
#   - a bare Kestrel endpoint (bench/BareKestrel: a small fixed JSON body), the ceiling;
#   - the dashboard page `/` and the evaluation API of one `luoshi serve` on PostgreSQL;
#   - the same through nginx, round robin over two `luoshi serve` processes on the same database;
#   - the bare endpoint through nginx, to show what the proxy alone costs;
# all on this machine, one after the other in the same run. Called by scripts/bench.sh (which builds the
# solution's Release output first); the PostgreSQL connection string (without a database) is the argument.
#
#   bench/load/load.sh CONNECTION [--quick]   quick: 3 s warm-up and 8 s per measurement instead of 5 s and 20 s
#
# Installs wrk and nginx from apt when missing. The demo province is loaded into the database
# luoshi_load_demo once and reused. Writes artifacts/bench/load.json; the servers and nginx it started are
# stopped when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
pg=${1:?usage: bench/load/load.sh CONNECTION [--quick]}
warm=5 measure=20 mode=full
[[ "${2:-}" == --quick ]] && { warm=3 measure=8 mode=quick; }
connections=64 threads=2
port_proxy=5190 port_a=5191 port_b=5192 port_bare=5193 port_proxy_bare=5194

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
if (( ${#missing[@]} )); then
  echo "installing ${missing[*]} from apt…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

out=artifacts/bench/load
rm -rf "$out" && mkdir -p "$out"
luoshi() { dotnet src/Luoshi.Cli/bin/Release/net10.0/luoshi.dll "$@"; }
export LUOSHI_DATABASE="$pg;Database=luoshi_load_demo"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# The database: created once, the demo province loaded by the CLI (a no-op when it is there already).
PGPASSWORD=postgres psql -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$pg")" -U postgres -d postgres -qtAc \
  "SELECT 1 FROM pg_database WHERE datname = 'luoshi_load_demo'" | grep -q 1 \
  || PGPASSWORD=postgres psql -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$pg")" -U postgres -d postgres -qc "CREATE DATABASE luoshi_load_demo"
luoshi init --demo --data-dir "$out/cli" >"$out/init.log" 2>&1 || { cat "$out/init.log" >&2; exit 1; }
token=$(luoshi tokens create admin --label load-bench --days 1 --data-dir "$out/cli" 2>/dev/null | tail -1)
# The last complete month of the demo (its readings run to last month; each is due on the 20th of the next).
period=$(date -u -d "$(date -u +%Y-%m-15) -2 month" +%Y-%m)

wait_for() {
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not answer within 2 minutes" >&2
  return 1
}

# Two Luoshi servers on the same PostgreSQL database. The per-caller budget is off (every wrk request comes
# from one token at one address); logging at Warning, as a busy production server would run.
for port in $port_a $port_b; do
  Luoshi__RequestsPerMinute=0 Logging__LogLevel__Default=Warning \
    dotnet src/Luoshi.Cli/bin/Release/net10.0/luoshi.dll serve --urls "http://127.0.0.1:$port" --data-dir "$out/serve-$port" \
    >"$out/serve-$port.log" 2>&1 &
  pids+=($!)
done
dotnet bench/BareKestrel/bin/Release/net10.0/bare-kestrel.dll --urls "http://127.0.0.1:$port_bare" >"$out/bare.log" 2>&1 &
pids+=($!)

# nginx on loopback, round robin over the two servers, keep-alive to the upstreams.
mkdir -p "$out/nginx"
cat >"$out/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $PWD/$out/nginx/nginx.pid;
error_log $PWD/$out/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$out/nginx/body;
  proxy_temp_path $PWD/$out/nginx/proxy;
  fastcgi_temp_path $PWD/$out/nginx/fastcgi;
  uwsgi_temp_path $PWD/$out/nginx/uwsgi;
  scgi_temp_path $PWD/$out/nginx/scgi;
  upstream luoshi { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 64; }
  upstream bare { server 127.0.0.1:$port_bare; keepalive 64; }
  server {
    listen 127.0.0.1:$port_proxy;
    location / {
      proxy_pass http://luoshi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffers 64 16k;
      proxy_max_temp_file_size 0;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
  server {
    listen 127.0.0.1:$port_proxy_bare;
    location / { proxy_pass http://bare; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
"$nginx_bin" -p "$PWD/$out/nginx" -c "$PWD/$out/nginx/nginx.conf" >"$out/nginx/stdout.log" 2>&1 &
nginx_pid=$!
pids+=($nginx_pid)

wait_for "http://127.0.0.1:$port_bare/"
wait_for "http://127.0.0.1:$port_a/sign-in"
wait_for "http://127.0.0.1:$port_b/sign-in"
wait_for "http://127.0.0.1:$port_proxy_bare/"

# The province's 42 indicators (what a script polling the headline figures asks for), and the province
# with its 11 cities (≈ 500 rows, what the dashboard's matrix needs).
api="/api/evaluation?period=$period&org=330000&depth=0"
api_cities="/api/evaluation?period=$period&org=330000&depth=1"
auth="Authorization: Bearer $token"
# Both endpoints must answer 200 with the token before anything is measured.
for url in "http://127.0.0.1:$port_a/" "http://127.0.0.1:$port_a$api" "http://127.0.0.1:$port_a$api_cities" "http://127.0.0.1:$port_proxy/" "http://127.0.0.1:$port_proxy$api"; do
  code=$(curl -s -o "$out/probe.body" -w '%{http_code}' -H "$auth" "$url")
  [[ $code == 200 ]] || { echo "$url answered $code" >&2; head -c 500 "$out/probe.body" >&2; exit 1; }
done
api_bytes=$(curl -s -H "$auth" "http://127.0.0.1:$port_a$api" | wc -c)
cities_bytes=$(curl -s -H "$auth" "http://127.0.0.1:$port_a$api_cities" | wc -c)
page_bytes=$(curl -s -H "$auth" "http://127.0.0.1:$port_a/" | wc -c)

# CPU time (ms) spent so far by the servers, nginx and its workers: per request it says what each answer
# costs whatever else the machine is doing, which requests/s on a shared machine cannot.
server_cpu_ms() {
  local ticks=0 pid
  for pid in "${pids[@]}" $(pgrep -P "$nginx_pid" || true); do
    [[ -r /proc/$pid/stat ]] && ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

run() { # name url [extra header]
  local extra=(-H "$auth")
  [[ -n ${3:-} ]] && extra+=(-H "$3")
  wrk -t$threads -c$connections -d${warm}s --timeout 30s "${extra[@]}" "$2" >/dev/null
  local load0 cpu0 cpu1 json requests
  load0=$(cut -d' ' -f1 /proc/loadavg)
  cpu0=$(server_cpu_ms)
  json=$(wrk -t$threads -c$connections -d${measure}s --timeout 30s "${extra[@]}" -s bench/load/report.lua "$2" | tail -1)
  cpu1=$(server_cpu_ms)
  requests=$(sed 's/.*"requests":\([0-9]*\).*/\1/' <<<"$json")
  echo "{\"name\":\"$1\",\"url\":\"${2#http://127.0.0.1:}\",\"load\":$load0,\"serverCpuMsPerRequest\":$(awk -v c=$(( cpu1 - cpu0 )) -v r="$requests" 'BEGIN { printf "%.3f", (r > 0 ? c / r : 0) }'),${json#\{}"
}

echo "load: wrk ${threads} threads, ${connections} connections, ${warm} s warm-up + ${measure} s per target; period $period" >&2
# What a browser sends: the evaluation's answers come compressed (Brotli), the page as it is.
compressed="Accept-Encoding: br, gzip"
api_br_bytes=$(curl -s -H "$auth" -H "$compressed" "http://127.0.0.1:$port_a$api" | wc -c)
results=()
results+=("$(run bare "http://127.0.0.1:$port_bare/")")
results+=("$(run bare-sized "http://127.0.0.1:$port_bare/bytes/$api_bytes")")
# The bare endpoint sending as many bytes as the other answers measured: what their size alone costs.
results+=("$(run bare-sized-br "http://127.0.0.1:$port_bare/bytes/$api_br_bytes")")
results+=("$(run bare-sized-page "http://127.0.0.1:$port_bare/bytes/$page_bytes")")
results+=("$(run bare-sized-cities "http://127.0.0.1:$port_bare/bytes/$cities_bytes")")
results+=("$(run dashboard-1 "http://127.0.0.1:$port_a/")")
results+=("$(run evaluation-1 "http://127.0.0.1:$port_a$api")")
results+=("$(run evaluation-br-1 "http://127.0.0.1:$port_a$api" "$compressed")")
results+=("$(run evaluation-cities-1 "http://127.0.0.1:$port_a$api_cities")")
results+=("$(run dashboard-2 "http://127.0.0.1:$port_proxy/")")
results+=("$(run evaluation-2 "http://127.0.0.1:$port_proxy$api")")
results+=("$(run evaluation-cities-2 "http://127.0.0.1:$port_proxy$api_cities")")
results+=("$(run bare-nginx "http://127.0.0.1:$port_proxy_bare/")")

{
  echo "{\"mode\":\"$mode\",\"commit\":\"${LUOSHI_BENCH_COMMIT:-unknown}\",\"at\":\"$(date -u +%FT%TZ)\","
  echo "\"machine\":{\"cores\":$(nproc),\"memoryGb\":$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)},"
  echo "\"wrk\":{\"threads\":$threads,\"connections\":$connections,\"warmSeconds\":$warm,\"seconds\":$measure},"
  echo "\"period\":\"$period\",\"dashboardBytes\":$page_bytes,\"evaluationBytes\":$api_bytes,\"evaluationCitiesBytes\":$cities_bytes,\"evaluationBrotliBytes\":$api_br_bytes,"
  echo "\"results\":["
  (IFS=,; echo "${results[*]}")
  echo "]}"
} >artifacts/bench/load.json

# The table and the goals: reads ≥ 50% of bare Kestrel's requests/s, p99 ≤ 50 ms.
bare_rps=$(sed 's/.*"rps":\([0-9.]*\).*/\1/' <<<"${results[0]}")
# Each answer of one server is also put beside the bare endpoint sending the same number of bytes.
declare -A peer=([evaluation-1]=bare-sized [evaluation-br-1]=bare-sized-br [dashboard-1]=bare-sized-page [evaluation-cities-1]=bare-sized-cities)
declare -A rps_of=()
for r in "${results[@]}"; do
  rps_of[$(sed 's/.*"name":"\([^"]*\)".*/\1/' <<<"$r")]=$(sed 's/.*"rps":\([0-9.]*\).*/\1/' <<<"$r")
done
printf '%-20s %9s %9s %9s %8s %9s %11s %7s %6s\n' target req/s p50_ms p99_ms vs_bare vs_sized cpu_ms/req errors load
status=0
for r in "${results[@]}"; do
  name=$(sed 's/.*"name":"\([^"]*\)".*/\1/' <<<"$r")
  field() { sed "s/.*\"$1\":\([0-9.]*\).*/\1/" <<<"$r"; }
  rps=$(field rps) p50=$(field p50Ms) p99=$(field p99Ms) errors=$(( $(field non2xx) + $(field socketErrors) )) load=$(field load) cpu=$(field serverCpuMsPerRequest)
  share=$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  sized=-
  [[ -n ${peer[$name]:-} ]] && sized=$(awk -v a="$rps" -v b="${rps_of[${peer[$name]}]}" 'BEGIN { printf "%.0f%%", 100 * a / b }')
  printf '%-20s %9.0f %9.2f %9.2f %8s %9s %11.3f %7d %6s\n' "$name" "$rps" "$p50" "$p99" "$share" "$sized" "$cpu" "$errors" "$load"
  (( errors == 0 )) || status=1
done
exit $status
