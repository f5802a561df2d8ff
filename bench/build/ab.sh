#!/usr/bin/env bash
# Incremental builds of several jars side by side on one archive: each jar keeps its own site and
# build state; their steps interleave, so a drift in the shared machine's speed hits all alike.
#
#   bench/build/ab.sh [--rounds R] [--append M] N JAR...
#
# N: articles (bench/work/n<N>/content, generated as bench/build/run.sh does when missing).
# Per jar: a site bench/work/n<N>/ab-<jar name>/ made by a full build the first time (or, with
# FORK=1, a hard-linked copy of the first jar's site and state, brought up to date by one
# untimed build: pages are replaced by rename, so the copies never share a written file).
# Then R rounds of: a no-change rebuild of each jar, M new articles (GenerateContent --append),
# an incremental build of each jar. Runs through the release launcher (its JVM options) with
# SAMIZDAT_TIMING=1; prints wall, CPU, peak RSS and the 1-minute load per step, and keeps each
# step's output with its phase times in bench/work/n<N>/ab-log/.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=1
APPEND=100
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --append) APPEND="$2"; shift 2 ;;
    *) break ;;
  esac
done
N="$1"; shift
[ $# -ge 1 ] || { echo "usage: $0 [--rounds R] [--append M] N JAR..." >&2; exit 2; }
WORK="$PWD/bench/work/n$N"
CONTENT="$WORK/content"
LOG="$WORK/ab-log"
mkdir -p "$LOG"
if [ ! -d "$CONTENT" ]; then
  java bench/build/GenerateContent.java "$N" "$CONTENT" 1
fi
LAUNCHER="$PWD/src/main/dist/bin/samizdat"
name() { basename "$1" .jar; }
run() { # run STEP JAR
  local step="$1" jar="$2" n; n="$(name "$jar")"
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  SAMIZDAT_TIMING=1 SAMIZDAT_JAR="$jar" /usr/bin/time -v -o "$LOG/$step-$n.time" \
    "$LAUNCHER" build --content "$CONTENT" --out "$WORK/ab-$n" >"$LOG/$step-$n.out" 2>"$LOG/$step-$n.err"
  awk -F': ' -v s="$step" -v n="$n" -v l="$load" '
    /Elapsed \(wall clock\)/ { k = split($2, p, ":"); w = 0; for (i = 1; i <= k; i++) w = w * 60 + p[i] }
    /User time|System time/ { c += $2 }
    /Maximum resident set size/ { r = $2 / 1024 }
    END { printf "%-14s %-22s wall %7.2f s  cpu %7.2f s  peak RSS %5.0f MB  load %s\n", s, n, w, c, r, l }' \
    "$LOG/$step-$n.time"
}
first=""
for jar in "$@"; do
  n="$(name "$jar")"
  if [ ! -d "$WORK/ab-$n" ]; then
    if [ "${FORK:-0}" = 1 ] && [ -n "$first" ]; then
      cp -al "$WORK/ab-$(name "$first")" "$WORK/ab-$n"
      cp "$WORK/.samizdat-cache/ab-$(name "$first").state" "$WORK/.samizdat-cache/ab-$n.state"
      if [ -d "$WORK/.samizdat-cache/ab-$(name "$first").state.d" ]; then # its month files
        cp -r "$WORK/.samizdat-cache/ab-$(name "$first").state.d" "$WORK/.samizdat-cache/ab-$n.state.d"
      fi
      run prime "$jar"
    else
      run full "$jar"
    fi
  fi
  [ -n "$first" ] || first="$jar"
done
for r in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do run "nochange$r" "$jar"; done
  rm -f "$WORK/content.stamp" # no longer what a fresh generation gives (bench/build/run.sh)
  java bench/build/GenerateContent.java --append "$APPEND" "$CONTENT" 1 2>/dev/null
  for jar in "$@"; do run "plus$APPEND-$r" "$jar"; done
done
