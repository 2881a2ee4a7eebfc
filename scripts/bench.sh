#!/usr/bin/env bash
# The speed benchmark: generates a registry of N cases (default 1,000,000), then times the import,
# the quarterly run and a reconcile of every payment, on SQLite (or the provider given in
# PAYBATCH_DATABASE__PROVIDER / PAYBATCH_DATABASE__CONNECTIONSTRING). Targets for 1,000,000 cases on
# the 2-core CI machine: import < 5 min, run < 5 min, reconcile < 5 min; the quarter's workbook
# (report --format xlsx) within 600 MB and 3x the time of the same report as csv.
set -euo pipefail
n=${1:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/paybatch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/PayBatch.Cli" -c Release --nologo -v q >/dev/null
dll="$root/src/PayBatch.Cli/bin/Release/net10.0/paybatch.dll"
paybatch() { dotnet "$dll" "$@"; }
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
# The workbook against the csv report: wall time and peak memory (resident set) of each.
measure() { /usr/bin/time -f '%e %M' -o "$work/time.txt" dotnet "$dll" "$@" >/dev/null; cat "$work/time.txt"; }
read -r csv_s csv_kb < <(measure report --quarter 2026Q1 --as-of 2026-01-22 --format csv --quiet)
read -r xlsx_s xlsx_kb < <(measure report --quarter 2026Q1 --as-of 2026-01-22 --format xlsx --file report.xlsx --quiet)
printf '%-24s %8.1f s %6d MB\n' "report csv" "$csv_s" $((csv_kb / 1024)) "report xlsx" "$xlsx_s" $((xlsx_kb / 1024))
if (( xlsx_kb <= 600 * 1024 )) && [ "$(echo "$xlsx_s <= 3 * $csv_s" | bc)" = 1 ]; then
  echo "workbook: within 600 MB and 3x csv ($(ls -l report.xlsx | awk '{print $5}') bytes)"
else
  echo "workbook: MISSED its target (600 MB, 3x csv)"; status=1
fi
step "re-run (nothing new)" paybatch run --quarter 2026Q1 --value-date 2026-01-21 --quiet
exit "${status:-0}"
