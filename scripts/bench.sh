#!/usr/bin/env bash
# The speed benchmark. Generates a registry of N cases (default 1,000,000) and its certificates,
# then measures, in the same run, each PayBatch step and its floor: `sqlite3 .import` of the same
# files into a fresh database. Prints seconds, peak memory (RSS) and the ratio to the floor, and
# marks each step against its target (issue 15):
#   run --recipients --certificates on a fresh database  ≤ 3 × floor (both files)
#   a re-run that pays nobody                          ≤ 3 × floor (the registry)
#   reconcile of every payment                         ≤ 3 × floor (the confirmations file)
#   report --format xlsx (the quarter's workbook)      ≤ 3 × the same report as csv (issue 17)
#   every step                                         < 600 MB peak memory
#   history, status, report on a small database        < 0.4 s wall time, start-up included (median of five runs)
# usage: scripts/bench.sh [N] [--postgres]
#   --postgres  also runs the big steps on the throw-away cluster of scripts/postgres.sh and
#               compares them with SQLite (target ≤ 1.5 ×).
set -euo pipefail
n=1000000
postgres=false
for a in "$@"; do
  case $a in
    --postgres) postgres=true ;;
    *) n=$a ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
command -v bc >/dev/null 2>&1 || missing+=(bc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench.sh: installing ${missing[*]} from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
work=$(mktemp -d /tmp/paybatch-bench.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
if $postgres; then
  # shellcheck source=scripts/postgres.sh
  source "$root/scripts/postgres.sh"
  trap 'stop_postgres; cleanup' EXIT
fi
# Release, compiled ahead of time (ReadyToRun) as README's install says: start-up is not spent in the JIT.
dotnet publish "$root/src/PayBatch.Cli" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$root/src/PayBatch.Cli/bin/bench" --nologo -v q >/dev/null
dll="$root/src/PayBatch.Cli/bin/bench/paybatch.dll"
cd "$work"
python3 "$root/scripts/generate-registry.py" "$n" .
export CI=true # no progress bars in the measurements

# measure NAME CMD…: runs CMD (exit 0 or 3 is success), sets $secs (wall), $cpu (user + system) and $mb from /usr/bin/time.
measure() {
  local name=$1; shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt"; then
    local rc; rc=$(sed -n 's/^Command exited with non-zero status //p' "$work/time.txt")
    if [ "$rc" != 3 ]; then echo "bench.sh: $name failed (exit $rc)" >&2; cat "$work/err.txt" >&2; exit 1; fi
  fi
  local user sys kb
  read -r secs user sys kb < <(tail -n 1 "$work/time.txt")
  cpu=$(echo "$user + $sys" | bc)
  mb=$(( kb / 1024 ))
}
floor() { # floor NAME DB FILE…: sqlite3 .import of each FILE into a fresh DB
  local name=$1 db=$2; shift 2
  rm -f "$db"
  local args=()
  for f in "$@"; do args+=(-cmd ".import --csv $f t_$(basename "$f" .csv)"); done
  measure "$name" sqlite3 "${args[@]}" "$db" .quit
}
paybatch() { measure "$1" dotnet "$dll" "${@:2}" --quiet; }

# The confirmations of a run: one credited line per payment (written from the bank files).
confirmations() {
  python3 - "$1" <<'PY'
import csv, glob, sys
with open("bank.csv", "w", encoding="utf-8", newline="") as out:
    out.write("reference,iban,amount,status,credited_on,reason\n")
    for f in sorted(glob.glob(sys.argv[1] + "/2026Q1/01/*.csv")):
        if f.endswith("exclusions.csv"): continue
        raw = open(f, "rb").read()
        try: text = raw.decode("utf-8")
        except UnicodeDecodeError: text = raw.decode("cp1251")
        delim = ";" if text.split("\n", 1)[0].count(";") > 1 else ","
        for r in csv.DictReader(text.splitlines(), delimiter=delim):
            out.write(f"{r['reference']},,{r['amount']},credited,2026-01-22,\n")
PY
}

results=()
pass=true
# quotient "A / B": the quotient rounded to one place (bc's scale alone would cut it: 1.68 shown as 1.6).
quotient() { LC_ALL=C printf '%.1f' "$(echo "scale=3; $1" | bc)"; }

# row NAME SECS CPU MB FLOOR FLOOR_CPU LIMIT KIND: KIND ratio (SECS ≤ LIMIT × FLOOR) or secs (SECS < LIMIT)
row() {
  local name=$1 s=$2 c=$3 m=$4 f=$5 fc=$6 limit=$7 kind=$8 ok=yes
  local ratio cratio
  ratio=$(echo "scale=3; $s / $f" | bc); cratio=$(echo "scale=3; $c / $fc" | bc) # printed rounded to one place
  if [ "$kind" = ratio ]; then
    [ "$(echo "$s <= $limit * $f" | bc)" = 1 ] || ok=no
    limit="≤ ${limit} × floor"
  else
    [ "$(echo "$s < $limit" | bc)" = 1 ] || ok=no
    limit="< ${limit} s"
  fi
  [ "$m" -lt 600 ] || ok=no
  [ $ok = yes ] || pass=false
  echo "bench.sh: $name $s s ($c s CPU), $m MB" >&2
  results+=("$(LC_ALL=C printf '| %-44s | %7.2f | %7.2f | %6d | %7.2f | %6.1f | %6.1f | %-22s | %-3s |' "$name" "$s" "$c" "$m" "$f" "$ratio" "$cratio" "$limit, < 600 MB" "$ok")")
}

steps_on() { # steps_on LABEL: the big steps on the database named by PAYBATCH_DATABASE__*
  local label=$1
  paybatch "run --recipients --certificates$label" run --quarter 2026Q1 --value-date 2026-01-20 --recipients recipients.csv --certificates certificates.csv --out out
  run_s=$secs; run_c=$cpu; run_mb=$mb
  [ -n "$label" ] || cp big.db after-run.db # for SQLite's own writes, below
  paybatch "re-run that pays nobody$label" run --quarter 2026Q1 --value-date 2026-01-21 --out out
  rerun_s=$secs; rerun_c=$cpu; rerun_mb=$mb
  [ -f bank.csv ] || confirmations out
  paybatch "reconcile every payment$label" reconcile bank.csv --as-of 2026-01-22 --out out
  rec_s=$secs; rec_c=$cpu; rec_mb=$mb
}

floor "floor: both files" floor.db recipients.csv certificates.csv; floor_run=$secs; floor_run_c=$cpu
floor "floor: registry" floor.db recipients.csv; floor_registry=$secs; floor_registry_c=$cpu
export PAYBATCH_DATABASE__PROVIDER=sqlite PAYBATCH_DATABASE__CONNECTIONSTRING="Data Source=$work/big.db"
steps_on ""
floor "floor: confirmations" floor.db bank.csv; floor_bank=$secs; floor_bank_c=$cpu

# SQLite's own writes: the rows each step stored, written again by sqlite3 alone, into the same schema (indexes,
# constraints, foreign keys, a 64 MB page cache: PayBatch's is 32 MB) with one INSERT … SELECT per table from the
# step's database, and reconcile's statuses with one UPDATE: SQLite's cheapest way to store these rows in this
# schema with its indexes kept up to date row by row (PayBatch makes a new table's indexes after its rows). "WHERE 1" turns off SQLite's transfer optimisation, which between two identical schemas copies the
# stored records and index entries as they are (about 1.5 × faster at a million cases): a program storing rows it
# made cannot.
# Not a target; it says how much of each step is the database's own work.
own_writes() { # own_writes NAME EMPTY_DB SOURCE_DB SQL: runs SQL on EMPTY_DB with SOURCE_DB attached as s
  measure "$1" sqlite3 "$2" "PRAGMA cache_size = -65536" "PRAGMA foreign_keys = ON" "ATTACH '$3' AS s" "BEGIN" "$4" "COMMIT"
}
PAYBATCH_DATABASE__CONNECTIONSTRING="Data Source=$work/own.db" dotnet "$dll" init --quiet
own_writes "SQLite's own writes: run" own.db after-run.db \
  "INSERT INTO cases SELECT * FROM s.cases WHERE 1; INSERT INTO certificates SELECT * FROM s.certificates WHERE 1;
   INSERT INTO batches SELECT * FROM s.batches WHERE 1; INSERT INTO batch_files SELECT * FROM s.batch_files WHERE 1;
   INSERT INTO payments SELECT * FROM s.payments WHERE 1; INSERT INTO exclusions SELECT * FROM s.exclusions WHERE 1;"
own_run=$secs; own_run_c=$cpu
rm -f own.db
own_writes "SQLite's own writes: reconcile" after-run.db big.db \
  "INSERT INTO confirmations SELECT * FROM s.confirmations WHERE 1; INSERT INTO reconcile_findings SELECT * FROM s.reconcile_findings WHERE 1;
   UPDATE payments SET status = p.status, credited_on = p.credited_on, status_reason = p.status_reason FROM s.payments p WHERE payments.id = p.id;"
own_rec=$secs; own_rec_c=$cpu
rm -f after-run.db
row "run --recipients --certificates" "$run_s" "$run_c" "$run_mb" "$floor_run" "$floor_run_c" 3 ratio
row "re-run that pays nobody" "$rerun_s" "$rerun_c" "$rerun_mb" "$floor_registry" "$floor_registry_c" 3 ratio
row "reconcile every payment" "$rec_s" "$rec_c" "$rec_mb" "$floor_bank" "$floor_bank_c" 3 ratio
sqlite=("$run_s" "$rerun_s" "$rec_s" "$run_c" "$rerun_c" "$rec_c")
# The quarter's workbook (every payment a row) against the same report as csv, each written to a file.
paybatch "report --format csv" report --quarter 2026Q1 --as-of 2026-01-22 --format csv --file "$work/report.csv"; csv_s=$secs; csv_c=$cpu
paybatch "report --format xlsx" report --quarter 2026Q1 --as-of 2026-01-22 --format xlsx --file "$work/report.xlsx"
row "report --format xlsx (floor: as csv)" "$secs" "$cpu" "$mb" "$csv_s" "$csv_c" 3 ratio

# A small database: a quarter of 100 cases paid and reconciled, then the everyday questions.
mkdir small && (cd small && python3 "$root/scripts/generate-registry.py" 100 . >/dev/null)
export PAYBATCH_DATABASE__CONNECTIONSTRING="Data Source=$work/small.db"
paybatch "small run" run --quarter 2026Q1 --value-date 2026-01-20 --recipients small/recipients.csv --certificates small/certificates.csv --out small/out
(cd small && confirmations out)
paybatch "small reconcile" reconcile small/bank.csv --as-of 2026-01-22 --out small/out
measure "floor: sqlite3 query" sqlite3 "$work/small.db" "SELECT count(*) FROM audit_log"; floor_query=$secs; floor_query_c=$cpu
# /usr/bin/time counts in hundredths: a floor that rounds to 0 is taken as 0.01 (no division by zero).
[ "$(echo "$floor_query > 0" | bc)" = 1 ] || floor_query=0.01
[ "$(echo "$floor_query_c > 0" | bc)" = 1 ] || floor_query_c=0.01
small() { # small NAME ARGS…: the run of median wall time of five (one run of a 0.3 s command is mostly the machine's noise)
  local runs=()
  for _ in 1 2 3 4 5; do paybatch "$1" "${@:2}"; runs+=("$secs $cpu $mb"); done
  read -r secs cpu mb < <(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
  row "$1 (small database)" "$secs" "$cpu" "$mb" "$floor_query" "$floor_query_c" 0.4 secs
}
small history history
if dotnet "$dll" --help | grep -q "^  status "; then small status status --quarter 2026Q1; fi
small report report --quarter 2026Q1 --as-of 2026-01-22 --format json

if $postgres; then
  psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
  "$psql_bin" "host=127.0.0.1 port=$pg_port user=postgres dbname=postgres" -qc "CREATE DATABASE bench" >/dev/null
  export PAYBATCH_DATABASE__PROVIDER=postgres PAYBATCH_DATABASE__CONNECTIONSTRING="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=bench"
  rm -rf out
  steps_on " (PostgreSQL)"
  row "run --recipients --certificates (PostgreSQL)" "$run_s" "$run_c" "$run_mb" "${sqlite[0]}" "${sqlite[3]}" 1.5 ratio
  row "re-run that pays nobody (PostgreSQL)" "$rerun_s" "$rerun_c" "$rerun_mb" "${sqlite[1]}" "${sqlite[4]}" 1.5 ratio
  row "reconcile every payment (PostgreSQL)" "$rec_s" "$rec_c" "$rec_mb" "${sqlite[2]}" "${sqlite[5]}" 1.5 ratio
fi

echo "PayBatch benchmark: $(printf "%'d" "$n") cases, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "floors (sqlite3 .import into a fresh database, wall/CPU s): both files $floor_run/$floor_run_c, registry $floor_registry/$floor_registry_c," \
     "confirmations $floor_bank/$floor_bank_c; a query on the small database $floor_query/$floor_query_c"
echo "Small database: of five runs, the one of median wall time (its CPU and memory with it). PostgreSQL rows: the floor is the same step on SQLite. CPU ratio: the step's CPU time over the floor's (steadier on a busy machine)."
echo
echo "| step                                         | seconds |   CPU s | peak MB |   floor |  ratio | CPU ratio | target                 | met |"
echo "| -------------------------------------------- | ------: | ------: | ------: | ------: | -----: | --------: | ---------------------- | --- |"
printf '%s\n' "${results[@]}"
echo
echo "SQLite's own writes of the same rows (sqlite3, one INSERT … SELECT per table into the same schema, no transfer optimisation; reconcile's statuses one UPDATE):"
echo "run $own_run s ($own_run_c s CPU) = $(quotient "$own_run / $floor_run") × its floor, PayBatch $(quotient "${sqlite[0]} / $own_run") × it;" \
     "reconcile $own_rec s ($own_rec_c s CPU) = $(quotient "$own_rec / $floor_bank") × its floor, PayBatch $(quotient "${sqlite[2]} / $own_rec") × it"
echo
echo "per case (SQLite): run $(quotient "${sqlite[0]} * 1000000 / $n") µs, re-run $(quotient "${sqlite[1]} * 1000000 / $n") µs, reconcile $(quotient "${sqlite[2]} * 1000000 / $n") µs"
if $pass; then echo "all targets met"; else echo "some targets NOT met"; fi
