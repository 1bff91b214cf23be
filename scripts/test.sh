#!/usr/bin/env bash
# Runs every test. On a fresh Debian machine it first installs what the tests need from apt (the PostgreSQL
# server; OpenCC for the documents; Chromium and the Noto CJK fonts for the browser tests), starts a
# throwaway PostgreSQL cluster so the database tests run on both providers, and prints one summary line at
# the end: "N passed, N failed, N skipped" (the reliability suite's full run counts as one;
# LUOSHI_RELIABILITY=quick runs its quick form for a developer's loop). Browser
# screenshots land in artifacts/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$(date +%s)

# Documents convert traditional to simplified Chinese with OpenCC's dictionaries (Debian packages).
if [[ ! -e /usr/share/opencc/t2s.json ]] || ! ldconfig -p 2>/dev/null | grep -q 'libopencc\.so\.1\.1'; then
  echo "installing OpenCC from apt…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq libopencc1.1 libopencc-data >&2
fi

# The browser tests drive the system's Chromium (never a downloaded one); without CJK fonts Chinese renders as boxes.
if [[ ! -x /usr/bin/chromium ]] || ! compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc" >/dev/null; then
  echo "installing chromium and fonts-noto-cjk from apt…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq chromium fonts-noto-cjk >&2
fi

# Reuse a cluster that is already running on the port (another checkout's tests); stop only our own.
if scripts/postgres.sh status >/dev/null 2>&1; then
  pg=$(scripts/postgres.sh start | tail -1)
else
  pg=$(scripts/postgres.sh start | tail -1)
  trap 'scripts/postgres.sh stop' EXIT
fi
export LUOSHI_TEST_POSTGRES="$pg"

dotnet build Luoshi.slnx -c Release -v quiet -nologo -clp:ErrorsOnly

mkdir -p artifacts/test-results
passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log="artifacts/test-results/$name.log"
  echo "== $name"
  set +e
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" \
    | grep -E '^\s+(Passed|Failed|Skipped) |^(Passed|Failed)!|error' | grep -vE '^\s+Passed '
  # No "|| true" here: under pipefail it would run, and PIPESTATUS would then be its own, hiding a failed run.
  rc=${PIPESTATUS[0]}
  set -e
  total=$(grep -E '^Total tests: ' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  if [[ -z "$total" ]]; then
    echo "   no test ran in $name (exit $rc)"; status=1; failed=$((failed + 1)); continue
  fi
  count() { grep -E "^ +$1: +[0-9]+" "$log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  p=$(count Passed); f=$(count Failed); s=$(count Skipped)
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  pgcount=$(grep -cE '^\s+Passed .*db: Postgres\)' "$log" || true)
  echo "   $p passed, $f failed, $s skipped ($pgcount on PostgreSQL)"
  [[ $rc -ne 0 ]] && status=1
done

# The reliability suite in full (20 kills, 10,000 fuzzed inputs over every operation on SQLite and PostgreSQL):
# real servers killed, raced, fuzzed (artifacts/reliability/summary.json).
reliability_args=()
[[ "${LUOSHI_RELIABILITY:-full}" == quick ]] && reliability_args=(--quick)
echo "== reliability (${LUOSHI_RELIABILITY:-full})"
set +e
scripts/reliability.sh "${reliability_args[@]}" 2>&1 | tee artifacts/test-results/reliability.log | grep -E '^(==|  [✓✗]|reliability )'
rc=${PIPESTATUS[0]}
set -e
if [[ $rc -eq 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

echo
echo "tests took $(( $(date +%s) - started ))s"
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]] || status=1
exit $status
