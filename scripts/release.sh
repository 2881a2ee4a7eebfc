#!/usr/bin/env bash
# The program an accountant installs: one self-contained, single-file, ReadyToRun executable per
# platform (no .NET to install; SQLite's native library inside), with the accountant's README, a
# commented paybatch.json, the samples, a Windows Task Scheduler example and SHA256SUMS:
#   dist/paybatch-VERSION-win-x64.zip  and  dist/paybatch-VERSION-linux-x64.tar.gz
# VERSION is what the packaged `paybatch --version` prints. Usage: scripts/release.sh [RID…]
# (default: win-x64 linux-x64). dist/SHA256SUMS lists this version's packages in dist/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rids=("$@")
[ ${#rids[@]} -gt 0 ] || rids=(win-x64 linux-x64)
# The release prints its plain version (no +commit suffix), the one in its package names.
version=$(dotnet msbuild "$root/src/PayBatch.Cli" -getProperty:Version -nologo)
dist="$root/dist"
work=$(mktemp -d /tmp/paybatch-release.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"

# Publish from a copy of the sources, so the developer's (or the running tests') obj/ is left alone.
tar -C "$root" --exclude=bin --exclude=obj -cf - src Directory.Build.props Directory.Packages.props BannedSymbols.txt global.json | tar -C "$work" -xf -

for rid in "${rids[@]}"; do
  name="paybatch-$version-$rid"
  pkg="$work/pkg/$name"
  echo "release: $name" >&2
  # ReadyToRun compiles our assemblies and their packages; the runtime's own are ReadyToRun already
  # (a composite image of the whole framework, the SDK's default here, takes many times longer).
  dotnet publish "$work/src/PayBatch.Cli" -c Release -r "$rid" --self-contained true --nologo -v q \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false \
    -p:IncludeSourceRevisionInInformationalVersion=false -p:DebugType=none -p:PackAsTool=false \
    -o "$work/publish/$rid" >&2
  mkdir -p "$pkg/schedule"
  exe=paybatch; [[ $rid == win-* ]] && exe=paybatch.exe
  cp "$work/publish/$rid/$exe" "$pkg/"
  cp "$root/release/README.md" "$root/release/paybatch.json" "$pkg/"
  # The samples as committed (samples/README.md lists them all), without a try's database or output.
  (cd "$root" && git ls-files -z samples | xargs -0 cp --parents -t "$pkg")
  cp "$root/release/schedule/"* "$pkg/schedule/"
  (cd "$pkg" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
  if [[ $rid == win-* ]]; then
    rm -f "$dist/$name.zip"
    (cd "$work/pkg" && python3 -m zipfile -c "$dist/$name.zip" "$name")
  else
    chmod 0755 "$pkg/$exe"
    tar -C "$work/pkg" -czf "$dist/$name.tar.gz" "$name"
  fi
done
(cd "$dist" && ls paybatch-"$version"-*.zip paybatch-"$version"-*.tar.gz 2>/dev/null | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "$version"
