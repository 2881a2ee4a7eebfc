#!/usr/bin/env bash
# The speed benchmark: generates a registry of N cases (default 1,000,000), then times the import,
# the quarterly run and a reconcile of every payment, on SQLite (or the provider given in
# PAYBATCH_DATABASE__PROVIDER / PAYBATCH_DATABASE__CONNECTIONSTRING). Targets for 1,000,000 cases on
# the 2-core CI machine: import < 5 min, run < 5 min, reconcile < 5 min.
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/paybatch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/PayBatch.Cli" -c Release --nologo -v q >/dev/null
paybatch() { dotnet "$root/src/PayBatch.Cli/bin/Release/net10.0/paybatch.dll" "$@"; }
cd "$work"
python3 "$root/scripts/generate-registry.py" "$n" .
step() { local name=$1; shift; local t0=$(date +%s.%N); "$@" >/dev/null || [ $? -eq 3 ]; printf '%-24s %8.1f s\n' "$name" "$(echo "$(date +%s.%N) - $t0" | bc)"; }
echo "PayBatch benchmark: $n cases"
step "import recipients" paybatch import recipients recipients.csv --quiet
step "import certificates" paybatch import certificates certificates.csv --quiet
step "run 2026Q1" paybatch run --quarter 2026Q1 --value-date 2026-01-20 --quiet
python3 - <<'PY'
import csv, glob
with open("bank.csv", "w", encoding="utf-8", newline="") as out:
    out.write("reference,iban,amount,status,credited_on,reason\n")
    for f in sorted(glob.glob("out/2026Q1/01/*.csv")):
        if f.endswith("exclusions.csv"): continue
        raw = open(f, "rb").read()
        try: text = raw.decode("utf-8")
        except UnicodeDecodeError: text = raw.decode("cp1251")
        delim = ";" if text.split("\n", 1)[0].count(";") > 1 else ","
        for r in csv.DictReader(text.splitlines(), delimiter=delim):
            out.write(f"{r['reference']},,{r['amount']},credited,2026-01-22,\n")
PY
step "reconcile" paybatch reconcile bank.csv --as-of 2026-01-22 --quiet
step "report" paybatch report --quarter 2026Q1 --as-of 2026-01-22 --format json --quiet
step "re-run (nothing new)" paybatch run --quarter 2026Q1 --value-date 2026-01-21 --quiet
