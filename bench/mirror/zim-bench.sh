#!/usr/bin/env sh
# ZIM benchmark, run by hand (not by the tests):
#   bench/mirror/zim-bench.sh [N] [WORKDIR]       defaults: N=10000, WORKDIR=/tmp/samizdat-zim-bench
# Generates N articles with bench/build/GenerateContent.java, builds the site with samizdat, then
# writes it as a ZIM with `samizdat mirror zim` and with openZIM's reference writer
# `zimwriterfs -j` (full-text index off; Debian package zim-tools), side by side on the same site,
# page cache warm. Prints wall and CPU time, peak RSS and file size of each, the ratios against
# the targets (time <= 0.15x, size <= 1x zimwriterfs), and zimcheck's verdict on both files.
# RUNS (default 3) samizdat runs; the best one counts (the machine is shared). zimwriterfs runs once
# (RUNS_REF to change).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-10000}
work=${2:-/tmp/samizdat-zim-bench}
runs=${RUNS:-3}
runs_ref=${RUNS_REF:-1}
mkdir -p "$work"
command -v zimwriterfs >/dev/null || { echo "needs zimwriterfs and zimcheck: apt-get install -y zim-tools" >&2; exit 2; }
(cd "$repo" && ./mvnw -B -q -DskipTests package >&2)
# A copy, so rebuilding the worktree during a run does not change the jar under it.
cp "$repo/target/samizdat.jar" "$work/samizdat.jar"
jar="$work/samizdat.jar"

[ -d "$work/content" ] || java "$repo/bench/build/GenerateContent.java" "$n" "$work/content" > /dev/null
[ -f "$work/site/index.html" ] || java -jar "$jar" build --quiet --content "$work/content" --out "$work/site" > /dev/null

# Runs a command under /usr/bin/time; prints "wall user sys maxrss_kb".
timed() { /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt"; cat "$work/time.txt"; }
size() { stat -c %s "$1"; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), java $(java -version 2>&1 | head -1)"
echo "site: $(find "$work/site" -type f | wc -l) files, $(du -sm "$work/site" | cut -f1) MB on disk"
find "$work/site" -type f -exec cat {} + > /dev/null

best_wall=999999; best_cpu=0
i=1
while [ "$i" -le "$runs" ]; do
  set -- $(timed java -jar "$jar" mirror zim --quiet --site "$work/site" --zim "$work/samizdat.zim")
  echo "samizdat mirror zim run $i: $1 s wall, cpu $2 s user + $3 s sys, peak RSS $(($4 / 1024)) MB, $(size "$work/samizdat.zim") bytes"
  if awk "BEGIN {exit !($1 < $best_wall)}"; then best_wall=$1; best_cpu=$(awk "BEGIN {print $2 + $3}"); fi
  i=$((i + 1))
done
cp "$work/samizdat.zim" "$work/samizdat.first.zim"
java -jar "$jar" mirror zim --quiet --site "$work/site" --zim "$work/samizdat.zim" > /dev/null
cmp -s "$work/samizdat.zim" "$work/samizdat.first.zim" && echo "two runs: identical bytes" || echo "two runs: DIFFERENT bytes"

# zimwriterfs needs the illustration as a 48x48 PNG inside the folder it packs: a hard-linked
# copy of the site plus the PNG samizdat drew (taken out of samizdat's ZIM).
rm -rf "$work/site-ref" && cp -al "$work/site" "$work/site-ref"
# M entries follow the C ones, sorted: Counter, Creator, Date, Description, Illustration_48x48@1.
idx=$(( $(zimdump info "$work/samizdat.zim" | sed -n 's/^count-entries: //p') + 4 ))
zimdump list --details --idx="$idx" "$work/samizdat.zim" | grep -q '^path: Illustration_48x48@1$' \
  || { echo "illustration not at index $idx" >&2; exit 1; }
zimdump show --idx="$idx" "$work/samizdat.zim" > "$work/site-ref/illustration-48.png"
ref_wall=999999; ref_cpu=0
i=1
while [ "$i" -le "$runs_ref" ]; do
  rm -f "$work/zimwriterfs.zim"
  set -- $(timed zimwriterfs -j -w index.html -I illustration-48.png -l zho -t "samizdat bench" \
    -d "bench site" -c samizdat -p samizdat -n samizdat-bench "$work/site-ref" "$work/zimwriterfs.zim")
  echo "zimwriterfs -j run $i: $1 s wall, cpu $2 s user + $3 s sys, peak RSS $(($4 / 1024)) MB, $(size "$work/zimwriterfs.zim") bytes"
  if awk "BEGIN {exit !($1 < $ref_wall)}"; then ref_wall=$1; ref_cpu=$(awk "BEGIN {print $2 + $3}"); fi
  i=$((i + 1))
done

echo "time: samizdat ${best_wall} s vs zimwriterfs ${ref_wall} s wall = $(awk "BEGIN {printf \"%.3f\", $best_wall / $ref_wall}")x (target <= 0.15);" \
  "cpu ${best_cpu} s vs ${ref_cpu} s = $(awk "BEGIN {printf \"%.3f\", $best_cpu / $ref_cpu}")x"
echo "size: samizdat $(size "$work/samizdat.zim") vs zimwriterfs $(size "$work/zimwriterfs.zim") bytes =" \
  "$(awk "BEGIN {printf \"%.3f\", $(size "$work/samizdat.zim") / $(size "$work/zimwriterfs.zim")}")x (target <= 1)"
echo "zimcheck -A samizdat.zim: $(zimcheck -A "$work/samizdat.zim" 2>&1 | grep 'Overall Test Status')"
echo "zimcheck -A zimwriterfs.zim: $(zimcheck -A "$work/zimwriterfs.zim" 2>&1 | grep 'Overall Test Status')"
