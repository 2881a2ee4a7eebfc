#!/usr/bin/env bash
# Builds both packages with scripts/release.sh and checks them as an accountant gets them:
# dist/SHA256SUMS and each package's SHA256SUMS hold; the files SPEC names are there; the linux-x64
# paybatch, unpacked in a temp folder and run with no .NET in reach (PATH without dotnet, no
# DOTNET_ROOT, nothing else from this environment), prints the version in its package's name, pays
# the sample quarter exactly as samples/expected says (byte for byte, as SampleGoldenTests), and
# runs every step of the packaged README's "Try it on the samples"; the win-x64 paybatch.exe is a
# 64-bit (PE32+, x86-64) Windows executable. Exits 1 with the reason on the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d /tmp/paybatch-release-check.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "release-check: FAILED: $*" >&2; exit 1; }
say() { echo "release-check: $*" >&2; }
start=$SECONDS

version=$(bash "$root/scripts/release.sh" linux-x64 win-x64 | tail -n 1) || fail "scripts/release.sh failed"
say "built version $version in $((SECONDS - start)) s"
dist="$root/dist"
linux="paybatch-$version-linux-x64"
win="paybatch-$version-win-x64"
for f in "$linux.tar.gz" "$win.zip"; do
  [ -f "$dist/$f" ] || fail "dist/$f was not built"
  grep -q "  $f\$" "$dist/SHA256SUMS" || fail "dist/SHA256SUMS does not list $f"
done
(cd "$dist" && sha256sum --check --strict --quiet SHA256SUMS) || fail "dist/SHA256SUMS does not match the packages in dist/"

# Each package: the files SPEC names, and a SHA256SUMS that lists exactly its other files, all matching.
tar -C "$tmp" -xzf "$dist/$linux.tar.gz"
python3 -m zipfile -e "$dist/$win.zip" "$tmp"
check_package() { # folder, executable
  local pkg=$tmp/$1 f
  for f in "$2" README.md paybatch.json SHA256SUMS samples/README.md samples/recipients.csv samples/certificates.csv \
           samples/expected/2026Q1/01/manifest.json schedule/paybatch-quarter.xml schedule/paybatch-daily.ps1; do
    [ -f "$pkg/$f" ] || fail "$1 has no $f"
  done
  (cd "$pkg" && sha256sum --check --strict --quiet SHA256SUMS) || fail "$1/SHA256SUMS does not match its files"
  diff <(cd "$pkg" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort) \
       <(sed 's/^[0-9a-f]\{64\}  //' "$pkg/SHA256SUMS" | LC_ALL=C sort) >&2 \
    || fail "$1/SHA256SUMS does not list exactly the package's files (< only in the package, > only in SHA256SUMS)"
}
check_package "$linux" paybatch
check_package "$win" paybatch.exe

# paybatch.exe: 'MZ', then at e_lfanew 'PE\0\0', COFF Machine 0x8664 (x86-64), optional header magic 0x20b (PE32+).
python3 - "$tmp/$win/paybatch.exe" <<'EOF' || fail "$win/paybatch.exe is not a 64-bit Windows executable"
import struct, sys
with open(sys.argv[1], 'rb') as f:
    head = f.read(4096)
if head[:2] != b'MZ': sys.exit("no MZ header")
pe = struct.unpack_from('<I', head, 0x3c)[0]
if head[pe:pe + 4] != b'PE\0\0': sys.exit("no PE signature at e_lfanew %#x" % pe)
machine, = struct.unpack_from('<H', head, pe + 4)
magic, = struct.unpack_from('<H', head, pe + 24)
if machine != 0x8664: sys.exit("Machine %#x, not 0x8664 (x86-64)" % machine)
if magic != 0x20b: sys.exit("optional header magic %#x, not 0x20b (PE32+)" % magic)
print("release-check: paybatch.exe is PE32+ for x86-64", file=sys.stderr)
EOF

# The linux-x64 paybatch with no .NET in reach: an empty PATH folder, a clean environment, an
# accountant's locale; the single file's native libraries unpack under $tmp.
bin="$tmp/bin"; mkdir -p "$bin" "$tmp/home"
! env -i PATH="$bin" /bin/sh -c 'command -v dotnet' >/dev/null || fail "dotnet is on the check's PATH"
exe="$tmp/$linux/paybatch"
paybatch() { env -i PATH="$bin" HOME="$tmp/home" TMPDIR="$tmp" LANG=ru_RU.UTF-8 "$exe" "$@"; }
expect() { # exit code, working folder, arguments…
  local want=$1 dir=$2 got=0; shift 2
  (cd "$dir" && paybatch "$@") < /dev/null > "$tmp/step.out" 2>&1 || got=$?
  [ "$got" -eq "$want" ] || { cat "$tmp/step.out" >&2; fail "paybatch $* in ${dir#"$tmp/"} exited $got, expected $want"; }
}
printed=$(paybatch --version) || fail "the packaged paybatch does not start: $printed"
[ "$printed" = "$version" ] || fail "paybatch --version prints '$printed', the package is named $version"

# The README's sample quarter as the tests run it (SampleQuarter, SampleGoldenTests): batch 01, a late
# certificate, batch 02 in a fresh folder; out/ must equal samples/expected file for file, byte for byte.
quarter="$tmp/quarter"; mkdir -p "$quarter"
cp "$tmp/$linux/samples/"{recipients.csv,certificates.csv,certificates-late.csv,paybatch.json} "$quarter/"
expect 0 "$quarter" run --quarter 2026Q1 --value-date 2026-01-20 --recipients recipients.csv --certificates certificates.csv
expect 0 "$quarter" import certificates certificates-late.csv
expect 0 "$quarter" run --quarter 2026Q1 --value-date 2026-02-16
# release.json says when the batch was released: the real clock here, the tests' fixed one (2026-01-19
# 09:00Z) in samples/expected. That one line is set to the expected time before comparing.
for f in "$quarter"/out/2026Q1/*/release.json; do
  grep -Eq '^  "releasedAt": "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z",$' "$f" || fail "$f has no releasedAt time"
  sed -i -E 's/^  "releasedAt": "[^"]*",$/  "releasedAt": "2026-01-19T09:00:00Z",/' "$f"
done
diff -r -x '*.received.*' "$root/samples/expected" "$quarter/out" >&2 || fail "the packaged paybatch's sample quarter differs from samples/expected"
say "sample quarter matches samples/expected"

# Every step of the packaged README's "Try it on the samples", in the unpacked package, as written
# there (..\paybatch.exe is ../paybatch here). reconcile finds a late and an overdue payment: exit 3.
steps=$(awk '/^## Try it on the samples/ { on = 1 } on && /^```powershell/ { block = 1; next } block && /^```/ { exit } block' "$tmp/$linux/README.md")
[ -n "$steps" ] || fail "the packaged README has no 'Try it on the samples' commands"
dir="$tmp/$linux"
while IFS= read -r line; do
  read -r -a words <<< "$line"
  case $line in
    "cd "*) dir="$dir/${words[1]}" ;;
    '..\paybatch.exe '*) expect "$([ "${words[1]}" = reconcile ] && echo 3 || echo 0)" "$dir" "${words[@]:1}" ;;
    *) fail "the packaged README's sample step '$line' is not one this check knows how to run" ;;
  esac
done <<< "$steps"
[ -s "$dir/out/2026Q1/findings.csv" ] || fail "the README's sample quarter wrote no findings.csv"
[ "$(head -c 2 "$dir/report-2026Q1.xlsx")" = PK ] || fail "the README's sample quarter wrote no report-2026Q1.xlsx workbook"
say "the packaged README's sample steps ran ($(wc -l <<< "$steps") lines)"

say "OK: $linux.tar.gz ($(du -h "$dist/$linux.tar.gz" | cut -f1)), $win.zip ($(du -h "$dist/$win.zip" | cut -f1)) in $((SECONDS - start)) s"
