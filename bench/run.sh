#!/usr/bin/env bash
# Every performance figure in one command: the BenchmarkDotNet suites, the store under concurrency and the in-process
# fan-out (bench/ResetConsole.Bench),
# then the headless circuit load scenarios (bench/ResetConsole.Load) against the console's self-contained composite ReadyToRun publish on a temp database
# seeded to 100,000 cases with 10,000 open; then rewrites the generated tables in docs/performance.md.
#
#   bench/run.sh                 the issue's sizes (43 to 57 minutes on 2 cores, 5 of them the publish)
#   QUICK=1 bench/run.sh         small sizes, about 30 minutes on 2 cores (the publish takes 5): to check the harness, not to quote
#   SCENARIOS="footprint fanout" FANOUT_CIRCUITS=500 bench/run.sh
#
# Exits non-zero if any benchmark or scenario fails, and on any circuit error (the report is still written, with the
# errors in it).
set -uo pipefail
cd "$(dirname "$0")/.."

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then small=1; else small=0; fi
pick() { if [ "$small" = 1 ]; then echo "$2"; else echo "$1"; fi; }

SCENARIOS=${SCENARIOS:-"footprint fanout interaction browser countdowns reconnect capacity"}
BENCHMARKS=${BENCHMARKS:-1}
CASES=${CASES:-$(pick 100000 100000)}
OPEN_CASES=${OPEN_CASES:-$(pick 10000 10000)}
FOOTPRINT_CIRCUITS=${FOOTPRINT_CIRCUITS:-$(pick 1000 50)}
FANOUT_CIRCUITS=${FANOUT_CIRCUITS:-$(pick 1000 50)}
FANOUT_DECISIONS=${FANOUT_DECISIONS:-$(pick 20 5)}
INTERACTION_CIRCUITS=${INTERACTION_CIRCUITS:-$(pick 2000 50)}
INTERACTION_SECONDS=${INTERACTION_SECONDS:-$(pick 60 15)}
COUNTDOWN_CIRCUITS=${COUNTDOWN_CIRCUITS:-$(pick 2000 50)}
COUNTDOWN_SECONDS=${COUNTDOWN_SECONDS:-$(pick 30 10)}
RECONNECT_CIRCUITS=${RECONNECT_CIRCUITS:-$(pick 2000 50)}
BROWSER_CIRCUITS=${BROWSER_CIRCUITS:-$(pick 1000 50)}
BROWSER_AGENT_CASES=${BROWSER_AGENT_CASES:-$(pick 8 2)}
CAPACITY_CIRCUITS=${CAPACITY_CIRCUITS:-$(pick 5000 100)}
CAPACITY_SECONDS=${CAPACITY_SECONDS:-$(pick 600 30)}
STORE_CALLERS=${STORE_CALLERS:-64}
STORE_SECONDS=${STORE_SECONDS:-$(pick 15 3)}
STORE_RATE=${STORE_RATE:-1000}
RESULTS=${RESULTS:-bench/results}
REPORT=${REPORT:-docs/performance.md}

status=0
fail() { echo "!! $*"; status=1; }

echo "==> building (Release)"
dotnet build bench/ResetConsole.Load -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
dotnet build bench/ResetConsole.Bench -c Release -nologo -v quiet -clp:ErrorsOnly || exit 1
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
printf '*\n' > "$RESULTS/.gitignore"
# The load scenarios run the console as it is deployed (README, "Deploying"): a self-contained publish for this
# machine, the runtime and the console precompiled into one composite ReadyToRun image (docs/decisions/ADR-009).
APP="$RESULTS/console"   # relative, as the report shows it; the harness resolves it
echo "==> publishing the console (Release, self-contained, composite ReadyToRun) to $APP"
dotnet publish ResetConsole -c Release --use-current-runtime --self-contained true -o "$APP" -nologo -v quiet -clp:ErrorsOnly || exit 1

if [ "$BENCHMARKS" = 1 ]; then
  job=(); [ "$small" = 1 ] && job=(--job short)
  artifacts="$(cd "$RESULTS" && pwd)/bdn"
  echo "==> BenchmarkDotNet: policy evaluation (one core)"
  (cd bench/ResetConsole.Bench && dotnet run -c Release --no-build -- --filter '*PolicyEvaluation*' --affinity 1 --artifacts "$artifacts" "${job[@]}") \
    || fail "policy benchmarks"
  echo "==> BenchmarkDotNet: queue, case open, dashboard and audit suites"
  (cd bench/ResetConsole.Bench && dotnet run -c Release --no-build -- --filter '*QueueQuery*' '*CaseOpen*' '*Dashboard*' '*Audit*' --artifacts "$artifacts" "${job[@]}") \
    || fail "query benchmarks"
  echo "==> BenchmarkDotNet: one approval at a time beside raw SQLite (its own fixed job: each invocation decides a case)"
  (cd bench/ResetConsole.Bench && dotnet run -c Release --no-build -- --filter '*WritePath*' --artifacts "$artifacts") \
    || fail "write path benchmark"
  echo "==> the store under concurrency: write path ($STORE_CALLERS callers, at saturation and paced at $STORE_RATE/s) and read path (8 readers)"
  (cd bench/ResetConsole.Bench && dotnet run -c Release --no-build -- store "$STORE_CALLERS" "$STORE_SECONDS" "$STORE_RATE") > "$RESULTS/store.txt" \
    || fail "store (busy errors or a failed transaction)"
  cp "$artifacts"/results/*-report-github.md "$RESULTS"/ 2>/dev/null || true
  echo "==> in-process fan-out (headless renderer, no serialization)"
  (cd bench/ResetConsole.Bench && dotnet run -c Release --no-build -- fanout "$FANOUT_CIRCUITS" "$FANOUT_DECISIONS") > "$RESULTS/in-process-fanout.txt" \
    || fail "in-process fan-out"
fi

load() {
  local scenario=$1; shift
  echo "==> load: $scenario"
  dotnet bench/ResetConsole.Load/bin/Release/net10.0/ResetConsole.Load.dll "$scenario" --cases "$CASES" --open "$OPEN_CASES" \
    --app "$APP/ResetConsole.dll" --content-root "$APP" --out "$RESULTS/$scenario.json" "$@" || fail "$scenario (circuit errors or a failed step)"
}

for scenario in $SCENARIOS; do
  case $scenario in
    footprint) load footprint --circuits "$FOOTPRINT_CIRCUITS" ;;
    fanout) load fanout --circuits "$FANOUT_CIRCUITS" --decisions "$FANOUT_DECISIONS" ;;
    interaction) load interaction --circuits "$INTERACTION_CIRCUITS" --duration "$INTERACTION_SECONDS" ;;
    countdowns) load countdowns --circuits "$COUNTDOWN_CIRCUITS" --duration "$COUNTDOWN_SECONDS" ;;
    reconnect) load reconnect --circuits "$RECONNECT_CIRCUITS" ;;
    browser) load browser --circuits "$BROWSER_CIRCUITS" --agent-cases "$BROWSER_AGENT_CASES" ;;
    capacity) load capacity --circuits "$CAPACITY_CIRCUITS" --duration "$CAPACITY_SECONDS" ;;
    *) fail "unknown scenario $scenario" ;;
  esac
done

echo "==> rewriting $REPORT"
shopt -s nullglob
dotnet bench/ResetConsole.Load/bin/Release/net10.0/ResetConsole.Load.dll report "$RESULTS"/*.json "$RESULTS"/*.md "$RESULTS"/*.txt "$REPORT" \
  || fail "report"
[ "$status" -eq 0 ] && echo "==> done" || echo "!! finished with failures (see above)"
exit $status
