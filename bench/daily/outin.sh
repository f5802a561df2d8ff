#!/usr/bin/env bash
# The day's build alone, repeated: one day's articles are taken out of the daily bench's content
# and put back in turn, with an incremental build after each move, so one archive gives as many
# "+100" and "-100" builds as wanted (to compare JVM options, or a jar before and after a change).
#
#   bench/daily/outin.sh [--day D] [--rounds R] [OPTIONS...]
#
# Works on bench/work/daily-n100000 (set up by bench/daily/run.sh). D: the day whose articles move
# (default: the newest; its ids are 3000000 + D * 1000 + i). Each round is one build out and one
# build back in, for each set of OPTIONS in turn (each a quoted string of JVM options; none: the
# launcher's own). Prints per build: the options, the move, wall and CPU seconds, peak RSS and the
# 1-minute load; SAMIZDAT_TIMING phase times go to bench/work/daily-n100000/log/outin-*.err.
# SAMIZDAT_JAR times another jar; a jar not built from the same code as the site's last build
# renders every page once (discard that build). The articles are always put back at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK="$PWD/bench/work/daily-n100000"
DAY=""
ROUNDS=1
while [ $# -gt 0 ]; do
  case "$1" in
    --day) DAY="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
[ -f "$WORK/setup.done" ] || { echo "outin.sh: no daily bench in $WORK; run bench/daily/run.sh first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "outin.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
DAY="${DAY:-$(cat "$WORK/day")}"
PREFIX=$((3000 + DAY))
CONTENT="$WORK/content"
HELD="$WORK/held-day$DAY"
mkdir -p "$HELD/articles" "$HELD/raw" "$WORK/log"
REPO="$PWD"
export SAMIZDAT_JAR="${SAMIZDAT_JAR:-$REPO/target/samizdat.jar}" SAMIZDAT_JVM_DIR="$REPO/src/main/jvm"
[ -f "$SAMIZDAT_JAR" ] || "$REPO/samizdat" --version >/dev/null

put_back() {
  find "$HELD/articles" -type f -exec mv -t "$CONTENT/articles/" {} +
  find "$HELD/raw" -type f -exec mv -t "$CONTENT/raw/" {} +
}
trap put_back EXIT
moved=$(find "$CONTENT/articles" -name "*-${PREFIX}???.json" | wc -l)
[ "$moved" -gt 0 ] || { echo "outin.sh: no articles of day $DAY (ids ${PREFIX}000-${PREFIX}999)" >&2; exit 2; }

build() { # build LABEL OPTIONS
  local label="$1" opts="$2" load
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local log="$WORK/log/outin-$label"
  if [ -n "$opts" ]; then export SAMIZDAT_JAVA_OPTS="$opts"; else unset SAMIZDAT_JAVA_OPTS; fi
  SAMIZDAT_TIMING=1 /usr/bin/time -o "$log.time" -f "%e %U %S %M" \
    "$REPO/src/main/dist/bin/samizdat" build --content "$CONTENT" --out "$WORK/site" >"$log.out" 2>"$log.err"
  read -r wall user sys rss <"$log.time"
  printf '%-40s %s %6.2f s wall %6.2f s CPU %5.0f MB RSS  load %s\n' "[${opts:-launcher}]" "$label" \
    "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$load"
}

if [ $# -eq 0 ]; then set -- ""; fi
echo "day $DAY: $moved articles out and in, $ROUNDS round(s)"
for _ in $(seq 1 "$ROUNDS"); do
  for opts in "$@"; do
    find "$CONTENT/articles" -name "*-${PREFIX}???.*" -exec mv -t "$HELD/articles/" {} +
    find "$CONTENT/raw" -name "*-${PREFIX}???.*" -exec mv -t "$HELD/raw/" {} +
    build "-$moved" "$opts"
    put_back
    build "+$moved" "$opts"
  done
done
