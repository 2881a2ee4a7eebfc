#!/usr/bin/env bash
# Every test: unit, golden files, and the integration suite on SQLite and on a real PostgreSQL
# (started here for the run and stopped at the end). .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
# The html report test opens the report in Debian's headless Chromium; the scheduled-job sample uses jq;
# the release tests check every signature with openssl, an independent CMS verifier.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
  echo "test.sh: installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The Windows package's scheduled job (release/schedule/paybatch-daily.ps1) runs in a test under PowerShell 7,
# a dotnet tool, kept outside the clone.
if command -v pwsh >/dev/null 2>&1; then
  export PAYBATCH_TEST_PWSH=${PAYBATCH_TEST_PWSH:-$(command -v pwsh)}
else
  tools="${XDG_CACHE_HOME:-$HOME/.cache}/paybatch/powershell-7.6.9"
  [ -x "$tools/pwsh" ] || dotnet tool install PowerShell --version 7.6.9 --tool-path "$tools" >/dev/null
  export PAYBATCH_TEST_PWSH="$tools/pwsh"
fi
# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
# The PostgreSQL cases of the suite fail without it (tests/…/Support/Providers.cs): say so here first.
: "${PAYBATCH_TEST_POSTGRES:?scripts/postgres.sh did not start PostgreSQL}"
unset PAYBATCH_TEST_SQLITE_ONLY
log=$(mktemp)
set +e
dotnet test SocialAid.sln --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The plain closing line CI reads: "N passed, N failed, N skipped".
summary=$(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | tail -n 1)
rm -f "$log"
if [[ $summary =~ Failed:\ +([0-9]+),\ Passed:\ +([0-9]+),\ Skipped:\ +([0-9]+) ]]; then
  echo "tests: ${BASH_REMATCH[2]} passed, ${BASH_REMATCH[1]} failed, ${BASH_REMATCH[3]} skipped"
fi
exit "$status"
