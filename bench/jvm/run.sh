#!/usr/bin/env bash
# JVM options benchmark: runs one workload of target/samizdat.jar under several sets of JVM
# options, interleaved (every round runs each variant once, starting with a different one), and
# prints CPU time (perf stat task-clock, all threads) and wall time per run and their medians.
# The machine may be shared: CPU time is the steadier measure, wall time the one users feel.
#
# usage: bench/jvm/run.sh WORKLOAD [ROUNDS]         (default 5 rounds)
#   ingest   10,000 bannedbook-shaped pages (bench/ingest/generate.py), into an empty folder
#   generic  the generic-extraction dev pages in $GENERIC_PAGES (bench/extract/README.md),
#            `ingest --profile generic`, into an empty folder
#   build    a full build of 10,000 generated articles (bench/build/GenerateContent.java)
#   usb      `mirror usb` of that built site into an empty folder
#   car      `mirror ipfs --car` of that built site
# Variants: "defaults" (no options), "cds" (the JVM's defaults plus an application class-data
# archive recorded by a first, untimed run), and whatever $VARIANTS adds, each with its own
# archive: VARIANTS="c1=-XX:TieredStopAtLevel=1;serial=-XX:+UseSerialGC".
# Work folder: $WORK (default /dev/shm/samizdat-jvm; tmpfs keeps the file system's own slowdowns
# after mass deletions, see ../settle.sh, out of the comparison).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
workload=${1:?usage: bench/jvm/run.sh ingest|generic|build|usb|car [ROUNDS]}
rounds=${2:-5}
work=${WORK:-/dev/shm/samizdat-jvm}
jar="$repo/target/samizdat.jar"
command -v perf >/dev/null || { echo "needs perf (apt-get install linux-perf)" >&2; exit 2; }
"$repo/samizdat" --version >/dev/null   # builds the jar when stale
mkdir -p "$work"

pages="$work/pages-10000"
content="$work/content-10000"
site="$work/site-10000"
need_pages() { [ -d "$pages" ] || python3 "$repo/bench/ingest/generate.py" 10000 "$pages" >&2; }
need_content() { [ -d "$content" ] || java "$repo/bench/build/GenerateContent.java" 10000 "$content" 1 >&2; }
need_site() {
  need_content
  [ -d "$site" ] || (mkdir -p "$work/site-build" && cd "$work/site-build" \
    && java -jar "$jar" build --quiet --content "$content" --out "$site" >/dev/null)
}
out="$work/out"
case "$workload" in
  ingest) need_pages; args=(ingest --quiet --content "$out" "$pages") ;;
  generic)
    [ -d "${GENERIC_PAGES:-}" ] || { echo "set GENERIC_PAGES to the dev set's pages folder" >&2; exit 2; }
    args=(ingest --quiet --profile generic --content "$out" "$GENERIC_PAGES") ;;
  build) need_content; args=(build --quiet --content "$content" --out "$out/site") ;;
  usb) need_site; args=(mirror usb --quiet --site "$site" "$out/stick") ;;
  car) need_site; args=(mirror ipfs --quiet --site "$site" --car "$out/site.car") ;;
  *) echo "unknown workload: $workload" >&2; exit 2 ;;
esac

names=(defaults cds)
declare -A opts=([defaults]="" [cds]="")
IFS=';' read -r -a extra <<<"${VARIANTS:-}"
for v in "${extra[@]}"; do
  [ -n "$v" ] || continue
  names+=("${v%%=*}"); opts[${v%%=*}]="${v#*=}"
done

# One run of variant $1; $2 = record|time. Output folder emptied first, outside the timing.
run() {
  local name=$1 mode=$2 cds=()
  rm -rf "$out"; mkdir -p "$out"
  if [ "$name" != defaults ]; then
    local archive="$work/cds-$workload-$name.jsa"
    if [ "$mode" = record ]; then cds=("-XX:ArchiveClassesAtExit=$archive"); else cds=("-XX:SharedArchiveFile=$archive"); fi
  fi
  local start end
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  (cd "$out" && perf stat -x, -e task-clock -o "$work/perf.txt" -- \
    java ${opts[$name]} "${cds[@]}" '-Xlog:cds*=off' -jar "$jar" "${args[@]}" >/dev/null 2>"$work/stderr.txt") \
    || [ $? = 1 ]   # 1: some inputs were refused (the generic set has non-articles), the rest done
  end=$(date +%s.%N)
  W=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
}

for name in "${names[@]}"; do   # records the archives (untimed), which also warms the page cache
  if [ "$name" != defaults ]; then run "$name" record; fi
done
echo "workload $workload, $rounds rounds; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A cpu wall
n=${#names[@]}
for ((r = 0; r < rounds; r++)); do
  for ((i = 0; i < n; i++)); do
    name=${names[$(((r + i) % n))]}
    run "$name" time
    c=$(awk -F, '/task-clock/ { printf "%.2f", $1 / 1000 }' "$work/perf.txt")
    w=$W
    cpu[$name]+="$c "; wall[$name]+="$w "
    printf '%-10s cpu %7s s  wall %6s s  load %s\n' "$name" "$c" "$w" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
median() { tr ' ' '\n' | grep . | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median of $rounds runs (options):"
for name in "${names[@]}"; do
  printf '%-10s cpu %7s s  wall %6s s  (%s)\n' "$name" "$(echo "${cpu[$name]}" | median)" \
    "$(echo "${wall[$name]}" | median)" "${opts[$name]:-JVM defaults}"
done
rm -rf "$out"
