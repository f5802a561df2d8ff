#!/usr/bin/env sh
# Mirror benchmark, run by hand (not by the tests):
#   bench/mirror/bench.sh [WORKDIR]          default WORKDIR=/tmp/samizdat-bench
# 1. CAR export throughput (MB/s of site content) on a generated site of 10,000 article pages
#    (10-30 KB) and 3,000 images (50-300 KB), page cache warm; target >= 200 MB/s.
#    The CAR goes to $CAR_DIR (default WORKDIR; set CAR_DIR=/dev/shm to leave the disk out).
# 2. Memory: export of a ~2 GB site with -Xmx256m (peak RSS reported).
# 3. USB copy (fresh and unchanged re-run) and verify of the 10,000-article site, for reference.
# Generated data is deterministic (bench/mirror/GenSite.java) and stays in WORKDIR.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:-/tmp/samizdat-bench}
car_dir=${CAR_DIR:-$work}
runs=${RUNS:-3}
mkdir -p "$work" "$car_dir"
(cd "$repo" && ./mvnw -B -q -DskipTests package >&2)
jar="$repo/target/samizdat.jar"

[ -d "$work/site" ] || java "$here/GenSite.java" "$work/site" 10000 3000
[ -d "$work/big" ] || java "$here/GenSite.java" "$work/big" 2000 500 1900

bytes() { find "$1" -type f ! -name '.*' -printf '%s\n' | awk '{s+=$1} END {print s}'; }
warm() { find "$1" -type f -exec cat {} + > /dev/null; }
# Runs a command under /usr/bin/time; prints "wall user sys maxrss_kb".
timed() { /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; cat "$work/time.txt"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), java $(java -version 2>&1 | head -1)"
site_bytes=$(bytes "$work/site")
echo "site: $(find "$work/site" -type f | wc -l) files, $((site_bytes / 1000000)) MB"
warm "$work/site"
java -jar "$jar" mirror ipfs --quiet --site "$work/site" --car "$car_dir/site.car" > /dev/null  # JIT/cache warm-up
i=1
while [ "$i" -le "$runs" ]; do
  set -- $(timed java -jar "$jar" mirror ipfs --quiet --site "$work/site" --car "$car_dir/site.car")
  echo "car export run $i: $1 s wall, $(awk "BEGIN {printf \"%.0f\", $site_bytes / 1e6 / $1}") MB/s;" \
    "cpu $2 s user + $3 s sys; peak RSS $(($4 / 1024)) MB; root $(head -1 "$work/out.txt")"
  i=$((i + 1))
done
java -cp "$repo/target/classes" "$here/CarExportBench.java" "$work/site" "$car_dir/site.car" "$runs"
echo "warnings of the export: $(java -jar "$jar" mirror ipfs --site "$work/site" --car "$car_dir/site.car" 2>&1 >/dev/null | grep -c warning || true)"

big_bytes=$(bytes "$work/big")
warm "$work/big"
set -- $(SAMIZDAT_JAVA_OPTS= timed java -Xmx256m -jar "$jar" mirror ipfs --quiet --site "$work/big" --car "$car_dir/big.car")
echo "big site ($((big_bytes / 1000000)) MB) with -Xmx256m: $1 s wall," \
  "$(awk "BEGIN {printf \"%.0f\", $big_bytes / 1e6 / $1}") MB/s, peak RSS $(($4 / 1024)) MB"
rm -f "$car_dir/big.car"

rm -rf "$work/stick"
set -- $(timed java -jar "$jar" mirror usb --quiet --site "$work/site" "$work/stick")
echo "usb copy, fresh: $1 s wall, $(awk "BEGIN {printf \"%.0f\", $site_bytes / 1e6 / $1}") MB/s (fsync per file)"
set -- $(timed java -jar "$jar" mirror usb --quiet --site "$work/site" "$work/stick")
echo "usb copy, unchanged re-run: $1 s wall ($(tail -n +1 "$work/out.txt" | head -1 | sed 's/.*; //'))"
set -- $(timed java -jar "$jar" verify --quiet "$work/stick")
echo "verify: $1 s wall, $(awk "BEGIN {printf \"%.0f\", $site_bytes / 1e6 / $1}") MB/s"
