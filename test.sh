#!/usr/bin/env bash
# Runs every test tier: unit, bUnit components, integration (real SQLite, real processes) and end-to-end in
# headless Chromium. Installs what the tiers need when it is missing. Exits non-zero on any failure, and on a tier
# that ran no test, so nothing is skipped silently.
set -euo pipefail
cd "$(dirname "$0")"

tiers=(Unit Components Integration E2E)
results=TestResults

install_missing() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  [ -x /usr/sbin/slapd ] || missing+=(slapd ldap-utils)
  [ -x /usr/bin/ldapadd ] || missing+=(ldap-utils)
  [ ${#missing[@]} -eq 0 ] && return
  echo "==> installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Reads a TRX file's counters: total passed failed skipped
counters() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<Counters total="(\d+)" executed="(\d+)" passed="(\d+)" failed="(\d+)"[^>]*notExecuted="(\d+)"', text)
total, executed, passed, failed, not_executed = map(int, m.groups())
print(total, passed, failed, not_executed)
PY
}

install_missing
echo "==> building"
dotnet build ResetConsole.sln -nologo -v quiet -clp:ErrorsOnly
rm -rf "$results"

all_passed=0 all_failed=0 status=0
for tier in "${tiers[@]}"; do
  echo "==> $tier tests"
  set +e
  dotnet test ResetConsole.Tests --no-build -nologo \
    --filter "FullyQualifiedName~ResetConsole.Tests.$tier." \
    --logger "trx;LogFileName=$tier.trx" --logger "console;verbosity=minimal" --results-directory "$results"
  code=$?
  set -e
  trx="$results/$tier.trx"
  if [ ! -f "$trx" ]; then
    echo "!! $tier: no result file (exit $code)"; status=1; continue
  fi
  read -r total passed failed skipped < <(counters "$trx")
  echo "$tier: $passed passed, $failed failed, $skipped skipped"
  all_passed=$((all_passed + passed)); all_failed=$((all_failed + failed))
  if [ "$code" -ne 0 ] || [ "$failed" -ne 0 ]; then status=1; fi
  if [ "$total" -eq 0 ]; then echo "!! $tier ran no test"; status=1; fi
  if [ "$skipped" -ne 0 ]; then echo "!! $tier skipped $skipped test(s)"; status=1; fi
done

echo "$all_passed passed, $all_failed failed"
exit $status
