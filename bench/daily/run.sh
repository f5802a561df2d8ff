#!/usr/bin/env bash
# The daily cycle at scale: an archive of N articles (default 100,000) and its site, a copy on a
# "stick" (a folder) and an IPFS export from yesterday; then today's run, timed step by step:
#
#   ingest   100 new bannedbook-shaped pages (bench/ingest/generate.py, each given a canonical
#            bannedbook URL of today's date, as a saved page has; so they are dated and new)
#   build    the site, incrementally
#   usb      mirror usb into the folder that holds yesterday's copy
#   ipfs     mirror ipfs --since every earlier CAR (yesterday's full export and the days since)
#
#   bench/daily/run.sh [N] [--days D] [--pages P]
#
# The first run sets up (untimed): GenerateContent N, a full build, a full copy and a full CAR.
# Each run is the next day (a counter in the work folder), so runs can be repeated. Work files go
# to bench/work/daily-n<N>/. Commands go through the release launcher (its JVM options);
# SAMIZDAT_JAR times another jar. Prints per step wall, CPU (user + system), peak RSS and the
# 1-minute load when it started, and the day's total wall time. Needs /usr/bin/time, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=100000
DAYS=1
PAGES=100
while [ $# -gt 0 ]; do
  case "$1" in
    --days) DAYS="$2"; shift ;;
    --pages) PAGES="$2"; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) N="${1//_/}" ;;
    *) echo "run.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -x /usr/bin/time ] || { echo "run.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
REPO="$PWD"
JAR="${SAMIZDAT_JAR:-$REPO/target/samizdat.jar}"
if [ -z "${SAMIZDAT_JAR:-}" ]; then "$REPO/samizdat" --version >/dev/null; fi # builds a stale jar
export SAMIZDAT_JAR="$JAR" SAMIZDAT_JVM_DIR="$REPO/src/main/jvm"
SZ="$REPO/src/main/dist/bin/samizdat"
WORK="$REPO/bench/work/daily-n$N"
CONTENT="$WORK/content"
SITE="$WORK/site"
USB="$WORK/usb"
LOG="$WORK/log"
mkdir -p "$LOG"
say() { echo "daily: $*" >&2; }

# timed NAME CMD...: runs CMD under /usr/bin/time -v, appends a result row to $ROWS
ROWS="$WORK/rows"
timed() {
  local name="$1"; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  if ! /usr/bin/time -v -o "$LOG/$name.time" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err"; then
    say "$name failed (exit $(awk -F': ' '/Exit status/ { print $2 }' "$LOG/$name.time")); see $LOG/$name.err"
    tail -3 "$LOG/$name.err" >&2
    exit 1
  fi
  awk -F': ' -v s="$name" -v l="$load" '
    /Elapsed \(wall clock\)/ { k = split($2, p, ":"); w = 0; for (i = 1; i <= k; i++) w = w * 60 + p[i] }
    /User time|System time/ { c += $2 }
    /Maximum resident set size/ { r = $2 / 1024 }
    END { printf "%-10s %8.2f %8.2f %9.0f %6s\n", s, w, c, r, l }' "$LOG/$name.time" >>"$ROWS"
  say "$(tail -1 "$ROWS")"
}

if [ ! -f "$WORK/setup.done" ]; then
  say "setting up $N articles in $WORK (untimed)"
  rm -rf "$CONTENT" "$SITE" "$USB" "$WORK"/*.car "$WORK/day" "$WORK/.samizdat-cache"
  java bench/build/GenerateContent.java "$N" "$CONTENT" 1 >&2
  : >"$ROWS"
  timed setup-build "$SZ" build --quiet --content "$CONTENT" --out "$SITE"
  timed setup-usb "$SZ" mirror usb --quiet --site "$SITE" "$USB"
  timed setup-ipfs "$SZ" mirror ipfs --quiet --site "$SITE" --car "$WORK/day0.car"
  echo 0 >"$WORK/day"
  touch "$WORK/setup.done"
fi

for _ in $(seq 1 "$DAYS"); do
  day=$(( $(cat "$WORK/day") + 1 ))
  date="$(date -u -d "2025-06-01 + $day days" +%Y%m%d)"
  pages="$WORK/pages-day$day"
  rm -rf "$pages"
  python3 bench/ingest/generate.py "$PAGES" "$pages" "$day" >/dev/null
  # A saved page keeps its address: give each a canonical bannedbook URL of today's date.
  i=0
  for f in $(find "$pages" -name '*.html' | sort); do
    url="https://www.bannedbook.org/bnews/cnnews/$date/$((3000000 + day * 1000 + i)).html"
    sed -i "1s|^|<html><head><link rel=\"canonical\" href=\"$url\"></head><body>|" "$f"
    i=$((i + 1))
  done
  since=()
  for c in $(ls "$WORK"/day*.car | sort -V); do since+=(--since "$c"); done
  : >"$ROWS"
  start=$(date +%s.%N)
  timed ingest "$SZ" ingest --quiet --content "$CONTENT" "$pages"
  timed build "$SZ" build --quiet --content "$CONTENT" --out "$SITE"
  timed usb "$SZ" mirror usb --quiet --site "$SITE" "$USB"
  timed ipfs "$SZ" mirror ipfs --quiet --site "$SITE" --car "$WORK/day$day.car" "${since[@]}"
  end=$(date +%s.%N)
  echo "$day" >"$WORK/day"
  {
    echo "daily cycle, day $day: N=$N (+$PAGES pages a day), $(nproc) cores, jar $JAR"
    printf '%-10s %8s %8s %9s %6s\n' step "wall s" "cpu s" "RSS MB" load1
    cat "$ROWS"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%-10s %8.2f   (wall, target <= 30 s)\n", "total", b - a }'
    for s in ingest build usb ipfs; do echo "  $s: $(tail -1 "$LOG/$s.out")"; done
    echo "  delta CAR: $(du -h "$WORK/day$day.car" | cut -f1); site: $(du -sh "$SITE" | cut -f1)"
  } | tee "$WORK/result-day$day.txt"
done
