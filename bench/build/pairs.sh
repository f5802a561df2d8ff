#!/usr/bin/env bash
# Full builds of samizdat and Hugo in interleaved pairs, each into a fresh folder: the median of
# the pairs' wall-time ratios is the number to quote against the "0.5 of Hugo's time" target. A
# single run of run.sh gives one ratio, and on this shared machine single ratios spread by a
# fifth; pairs taken back to back see nearly the same load.
#
#   bench/build/pairs.sh [--pairs P] [N]     P pairs (default 6) at N articles (default 10000)
# environment:
#   SAMIZDAT_CMD   command that runs samizdat (default: the ./samizdat launcher), e.g.
#                  "java -jar /tmp/old.jar" to time another jar; give absolute paths
#
# Content is bench/work/n<N>/content, made by GenerateContent.java with seed 1 (reused when
# run.sh made it with the same N and seed and nothing was appended). Hugo reads the same articles
# converted by ContentToHugo.java, related lists precomputed. Pair i builds samizdat first when i
# is odd and Hugo first when it is even. The outputs are deleted only after the last pair, and
# the first pair waits until earlier deletions no longer slow file creation (bench/settle.sh).
#
# Needs: JDK 17, /usr/bin/time, hugo (apt-get install -y time hugo).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../settle.sh
. bench/settle.sh

PAIRS=6
N=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) PAIRS="$2"; shift ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) N="${1//_/}" ;;
    *) echo "pairs.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -x /usr/bin/time ] || { echo "pairs.sh: /usr/bin/time not found; apt-get install -y time" >&2; exit 2; }
command -v hugo >/dev/null || { echo "pairs.sh: hugo not found; apt-get install -y hugo" >&2; exit 2; }
say() { echo "pairs.sh: $*" >&2; }

JAR="$PWD/target/samizdat.jar"
if [ ! -f "$JAR" ] || [ -n "$(find src/main templates pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
  say "building $JAR"
  ./mvnw -q -B -DskipTests package >&2
fi

WORK="bench/work/n$N"
CONTENT="$WORK/content"
mkdir -p "$WORK"
STAMP_LINE="$N 1 $(sha1sum bench/build/GenerateContent.java | cut -d' ' -f1)"
if [ ! -d "$CONTENT" ] || [ "$(cat "$WORK/content.stamp" 2>/dev/null)" != "$STAMP_LINE" ]; then
  say "generating $N articles into $CONTENT"
  rm -rf "$CONTENT" "$WORK/hugo-pairs"
  java bench/build/GenerateContent.java "$N" "$CONTENT" 1 >&2
  echo "$STAMP_LINE" >"$WORK/content.stamp"
fi
HUGO_SRC="$WORK/hugo-pairs"
if [ ! -f "$HUGO_SRC.stamp" ] || [ "$(cat "$HUGO_SRC.stamp")" != "$STAMP_LINE" ]; then
  say "converting $CONTENT for Hugo"
  rm -rf "$HUGO_SRC"
  java -cp "$JAR" bench/build/ContentToHugo.java "$CONTENT" "$HUGO_SRC" precomputed >&2
  echo "$STAMP_LINE" >"$HUGO_SRC.stamp"
fi

if [ -n "${SAMIZDAT_CMD:-}" ]; then read -r -a SZ <<<"$SAMIZDAT_CMD"; else SZ=("$PWD/samizdat"); fi
FRESH="$WORK/pairs-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$FRESH"
# A build of the bundled content first: the jar and its class-data archive into the page cache.
mkdir -p "$FRESH/warmup"
env -C "$FRESH/warmup" "${SZ[@]}" build --quiet --content "$PWD/content" --out "$PWD/$FRESH/warmup/site" >/dev/null

# timed OUT CMD...: runs CMD under /usr/bin/time; prints "wall cpu load"
timed() {
  local out="$1" load; shift
  load="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -f '%e %U %S' -o "$out" "$@" >/dev/null 2>"$out.err" \
    || { say "failed: $*"; tail -3 "$out.err" >&2; exit 1; }
  awk -v l="$load" '{ printf "%.2f %.1f %s\n", $1, $2 + $3, l }' "$out"
}
samizdat_run() {
  mkdir -p "$FRESH/sz-$1"
  timed "$FRESH/sz-$1.time" env -C "$FRESH/sz-$1" "${SZ[@]}" build --quiet \
    --content "$PWD/$CONTENT" --out "$PWD/$FRESH/sz-$1/site"
}
hugo_run() { timed "$FRESH/hugo-$1.time" hugo --quiet -s "$HUGO_SRC" -d "$PWD/$FRESH/hugo-$1"; }

settle_wait
printf '%-5s %16s %16s %6s %6s %12s\n' pair "samizdat wall/cpu" "hugo wall/cpu" ratio "cpu" "load1 (s, h)"
RATIOS=()
for i in $(seq 1 "$PAIRS"); do
  if [ $((i % 2)) = 1 ]; then s="$(samizdat_run "$i")"; h="$(hugo_run "$i")"
  else h="$(hugo_run "$i")"; s="$(samizdat_run "$i")"; fi
  read -r sw sc sl <<<"$s"
  read -r hw hc hl <<<"$h"
  r="$(awk -v a="$sw" -v b="$hw" 'BEGIN { printf "%.3f", a / b }')"
  RATIOS+=("$r")
  printf '%-5s %16s %16s %6s %6s %12s\n' "$i" "$sw / $sc" "$hw / $hc" "$r" \
    "$(awk -v a="$sc" -v b="$hc" 'BEGIN { printf "%.2f", a / b }')" "$sl, $hl"
done
printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 }
  END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "median wall-time ratio samizdat / Hugo over %d pairs: %.3f (target <= 0.5)\n", NR, m }'
say "deleting $FRESH"
settle_delete "$FRESH"
