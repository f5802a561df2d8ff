#!/usr/bin/env bash
# Build benchmark: samizdat build vs Hugo 0.111 on the same generated archive, plus no-change and
# incremental rebuilds, and a large-archive mode. See "## benchmarks" in README.md.
#
#   bench/build/run.sh [N]                 compare at N articles (default 10000)
#   bench/build/run.sh --scale [N]         samizdat only, N (default 100000) with -Xmx1g
# options:
#   --seed S         generator seed (default 1)
#   --no-builtin     skip the slow Hugo variant with its built-in related content
#   --no-hugo        skip Hugo altogether
#   --no-samizdat    skip samizdat (e.g. to time Hugo before `samizdat build` exists)
#   --append M       articles added for the incremental measurement (default 100)
# environment:
#   SAMIZDAT_CMD     command that runs samizdat (default: the ./samizdat launcher, with the JVM
#                    options users get; --scale: java -Xmx1g -jar target/samizdat.jar),
#                    e.g. to time another build of the jar; skips the jar check. It runs inside
#                    bench/work/n<N>/, so give absolute paths.
#
# Needs: JDK 17, /usr/bin/time (apt-get install -y time), hugo (apt-get install -y hugo).
# Work files and results go to bench/work/ (git-ignored); results also print on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../settle.sh
. bench/settle.sh

N=10000
MODE=compare
SEED=1
APPEND=100
BUILTIN=1
HUGO=1
SAMIZDAT=1
N_GIVEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) MODE=scale; HUGO=0; [ "$N_GIVEN" = 1 ] || N=100000 ;;
    --seed) SEED="$2"; shift ;;
    --append) APPEND="$2"; shift ;;
    --no-builtin) BUILTIN=0 ;;
    --no-hugo) HUGO=0 ;;
    --no-samizdat) SAMIZDAT=0 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) N="${1//_/}"; N_GIVEN=1 ;;
    *) echo "run.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "run.sh: $1 not found; install it: $2" >&2; exit 2; }
}
need java "a JDK 17"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time not found; install it: apt-get install -y time" >&2; exit 2; }
if [ "$HUGO" = 1 ]; then need hugo "apt-get install -y hugo"; fi

WORK="bench/work/n$N"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
RESULTS="bench/work/results-$MODE-n$N-$STAMP.txt"
mkdir -p "$WORK"
LOG="$WORK/log"
mkdir -p "$LOG"

say() { echo "run.sh: $*" >&2; }

# Old outputs are moved aside and deleted only after the timed steps, and the full builds wait
# until an earlier deletion (this run's generator or a previous run) no longer slows file creation:
# see bench/settle.sh. Deleting the previous site just before timing a build measured the file
# system, not the build, and hit whichever tool ran first.
TRASH="$WORK/trash"
mkdir -p "$TRASH"
discard() {
  local p
  for p in "$@"; do
    if [ -e "$p" ]; then mv "$p" "$TRASH/$(basename "$p").$STAMP.$RANDOM"; fi
  done
}

# --- samizdat jar -------------------------------------------------------------------------------
JAR="$PWD/target/samizdat.jar"
# The jar also serves the Hugo converter, which reads content through samizdat's own classes.
if [ "$HUGO" = 1 ] || { [ "$SAMIZDAT" = 1 ] && [ -z "${SAMIZDAT_CMD:-}" ]; }; then
  if [ ! -f "$JAR" ] || [ -n "$(find src/main templates pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
    say "building $JAR"
    ./mvnw -q -B -DskipTests package >&2
  fi
fi
if [ "$SAMIZDAT" = 1 ] && [ -z "${SAMIZDAT_CMD:-}" ]; then
  if ! java -jar "$JAR" build --help 2>&1 | grep -q -- "--content"; then
    say "samizdat build (with --content/--out) is not in this checkout; timing the rest only"
    SAMIZDAT=0
  fi
fi

# --- helpers ------------------------------------------------------------------------------------
declare -A WALL CPU SYS RSS LOAD FILES SIZE
# measure NAME DIR: file count and size of DIR right after step NAME
measure() { FILES[$1]="$(find "$2" -type f | wc -l)"; SIZE[$1]="$(du -sb "$2" | awk '{ printf "%.1f", $1 / 1048576 }')"; }
# timed NAME CMD...: runs CMD under /usr/bin/time -v, output to $LOG/NAME.{out,err}
timed() {
  local name="$1"; shift
  LOAD[$name]="$(cut -d' ' -f1 /proc/loadavg)"
  say "$name: $*"
  if ! /usr/bin/time -v -o "$LOG/$name.time" "$@" >"$LOG/$name.out" 2>"$LOG/$name.err"; then
    say "$name failed; last lines of $LOG/$name.err:"
    tail -5 "$LOG/$name.err" >&2
    # A failure is a result too (e.g. out of memory at --scale): record it.
    {
      echo "samizdat build benchmark: mode=$MODE N=$N seed=$SEED at $STAMP"
      echo "step $name FAILED: $(awk -F': ' '/Exit status/ { print "exit " $2 }' "$LOG/$name.time")," \
        "wall $(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$LOG/$name.time")," \
        "cpu $(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f s", s }' "$LOG/$name.time")," \
        "peak RSS $(awk -F': ' '/Maximum resident set size/ { printf "%.0f MB", $2 / 1024 }' "$LOG/$name.time")"
      echo "command: $*"
      echo "first error: $(grep -m1 -E 'Exception|Error|error' "$LOG/$name.err" || true)"
    } | tee "$RESULTS"
    exit 1
  fi
  WALL[$name]="$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.2f", s }' "$LOG/$name.time")"
  CPU[$name]="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$LOG/$name.time")"
  SYS[$name]="$(awk -F': ' '/System time/ { s += $2 } END { printf "%.1f", s }' "$LOG/$name.time")"
  RSS[$name]="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$LOG/$name.time")"
  say "$name: ${WALL[$name]} s, cpu ${CPU[$name]} s, peak RSS ${RSS[$name]} MB"
}
files_in() { find "$1" -type f | wc -l; }
mb_in() { du -sb "$1" | awk '{ printf "%.2f", $1 / 1048576 }'; }
# snapshot DIR FILE: path, mtime, sha1 of every file, sorted by path
snapshot() {
  local out; out="$(realpath -m "$2")"; set -- "$1" "$out"
  (cd "$1" && find . -type f -printf '%p\t%T@\t%s\n' | sort >"$2.mtime" \
    && find . -type f -print0 | sort -z | xargs -0 -r sha1sum | awk '{ print $2 "\t" $1 }' >"$2.sha")
  join -t "$(printf '\t')" "$2.mtime" "$2.sha" >"$2"
  rm -f "$2.mtime" "$2.sha"
}
# compare BEFORE AFTER: prints "total new removed rewritten changed total_bytes written_bytes"
# (rewritten = mtime moved; changed = content differs; written bytes = new + rewritten files)
compare() {
  awk -F'\t' 'NR == FNR { m[$1] = $2; h[$1] = $4; next }
    { total++; tb += $3; if (!($1 in m)) { nw++; wb += $3 } else {
        if (m[$1] != $2) { rw++; wb += $3 } if (h[$1] != $4) ch++; delete m[$1] } }
    END { rm = 0; for (k in m) rm++; printf "%d %d %d %d %d %d %d\n", total, nw, rm, rw, ch, tb, wb }' "$1" "$2"
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", 100 * a / b; else print "n/a" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }'; }
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {
  if (v == "n/a") print "n/a"; else if ((op == "<=" && v + 0 <= t + 0) || (op == "<" && v + 0 < t + 0)) print "MET"; else print "MISSED" }'; }

# --- content ------------------------------------------------------------------------------------
CONTENT="$WORK/content"
# Generated content is reused when this N, seed and generator made it and nothing was appended.
STAMP_LINE="$N $SEED $(sha1sum bench/build/GenerateContent.java | cut -d' ' -f1)"
if [ -f "$WORK/content.stamp" ] && [ "$(cat "$WORK/content.stamp")" = "$STAMP_LINE" ] && [ -d "$CONTENT" ]; then
  say "reusing $CONTENT (same N, seed and generator)"
else
  discard "$CONTENT"
  rm -f "$WORK/content.stamp"
  timed generate java bench/build/GenerateContent.java "$N" "$CONTENT" "$SEED"
  measure generate "$CONTENT"
  echo "$STAMP_LINE" >"$WORK/content.stamp"
fi

SITE="$WORK/site"
JAVA_OPTS=()
if [ "$MODE" = scale ]; then JAVA_OPTS=(-Xmx1g); fi
if [ -n "${SAMIZDAT_CMD:-}" ]; then
  read -r -a SZ <<<"$SAMIZDAT_CMD"
elif [ "$MODE" = scale ]; then
  SZ=(java "${JAVA_OPTS[@]}" -jar "$JAR")
else
  # What a user runs: the launcher, with its JVM options. A build of the repository's own content
  # first, outside the timed steps, brings the jar into the page cache.
  SZ=("$PWD/samizdat")
  if [ "$SAMIZDAT" = 1 ]; then
    rm -rf "$WORK/warmup" && mkdir -p "$WORK/warmup"
    env -C "$WORK/warmup" "${SZ[@]}" build --quiet --content "$PWD/content" --out "$PWD/$WORK/warmup/site" >/dev/null
    rm -rf "$WORK/warmup"
  fi
fi
# samizdat runs inside $WORK with absolute paths, so it uses the templates built into the jar (not
# whatever ./templates the current directory has) and keeps its build state in $WORK.
SZBUILD=(env -C "$WORK" "${SZ[@]}" build --content "$PWD/$CONTENT" --out "$PWD/$SITE")

# --- full builds, side by side --------------------------------------------------------------------
settle_wait
if [ "$SAMIZDAT" = 1 ]; then
  discard "$SITE" "$WORK/.samizdat-cache"
  timed samizdat_full "${SZBUILD[@]}"
  measure samizdat_full "$SITE"
fi
if [ "$HUGO" = 1 ]; then
  discard "$WORK/hugo-pre" "$WORK/hugo-pre-out"
  timed convert_pre java -cp "$JAR" bench/build/ContentToHugo.java "$CONTENT" "$WORK/hugo-pre" precomputed
  measure convert_pre "$WORK/hugo-pre"
  timed hugo_precomputed hugo --quiet -s "$WORK/hugo-pre" -d "$PWD/$WORK/hugo-pre-out"
  measure hugo_precomputed "$WORK/hugo-pre-out"
  if [ "$BUILTIN" = 1 ]; then
    discard "$WORK/hugo-builtin" "$WORK/hugo-builtin-out"
    timed convert_builtin java -cp "$JAR" bench/build/ContentToHugo.java "$CONTENT" "$WORK/hugo-builtin" builtin
    measure convert_builtin "$WORK/hugo-builtin"
    timed hugo_builtin hugo --quiet -s "$WORK/hugo-builtin" -d "$PWD/$WORK/hugo-builtin-out"
    measure hugo_builtin "$WORK/hugo-builtin-out"
  fi
fi

# --- rebuilds --------------------------------------------------------------------------------------
NOCHANGE=""
INCR=""
if [ "$SAMIZDAT" = 1 ]; then
  snapshot "$SITE" "$WORK/snap0"
  timed samizdat_nochange "${SZBUILD[@]}"
  snapshot "$SITE" "$WORK/snap1"
  NOCHANGE="$(compare "$WORK/snap0" "$WORK/snap1")"
  if [ "$MODE" = compare ]; then
    # A hard-linked copy of the site before the update, to diff rewritten files by hand: files that
    # samizdat replaces (temp file + rename) get new inodes, the copy keeps the old bytes.
    discard "$SITE.before"
    cp -al "$SITE" "$SITE.before"
    rm -f "$WORK/content.stamp"
    timed append java bench/build/GenerateContent.java --append "$APPEND" "$CONTENT" "$SEED"
    timed samizdat_incremental "${SZBUILD[@]}"
    measure samizdat_incremental "$SITE"
    snapshot "$SITE" "$WORK/snap2"
    INCR="$(compare "$WORK/snap1" "$WORK/snap2")"
  fi
fi

# --- report ----------------------------------------------------------------------------------------
{
  echo "samizdat build benchmark: mode=$MODE N=$N seed=$SEED at $STAMP"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), shared;" \
    "java $(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')$( [ "$HUGO" = 1 ] && echo ", $(hugo version | awk '{ print $1, $2 }')")"
  if [ "$SAMIZDAT" = 1 ]; then echo "samizdat: ${SZ[*]}"; fi
  echo
  echo "(cpu s = user + system time of the step, sys s = the system part: on this VM's ext4 it swells"
  echo " for minutes after mass deletions, e.g. a previous run's cleanup; load1 = 1-minute load average"
  echo " when the step started)"
  printf '%-24s %9s %9s %7s %12s %9s %10s %8s\n' step "wall s" "cpu s" "sys s" "peak RSS MB" files "output MB" "load1"
  row() {
    [ -n "${WALL[$1]:-}" ] || return 0
    printf '%-24s %9s %9s %7s %12s %9s %10s %8s\n' "$1" "${WALL[$1]}" "${CPU[$1]}" "${SYS[$1]}" "${RSS[$1]}" "${FILES[$1]:-}" "${SIZE[$1]:-}" "${LOAD[$1]}"
  }
  for step in generate convert_pre hugo_precomputed convert_builtin hugo_builtin samizdat_full \
      samizdat_nochange append samizdat_incremental; do
    row "$step"
  done
  echo
  if [ "$SAMIZDAT" = 1 ]; then
    if [ "$HUGO" = 1 ]; then
      r="$(ratio "${WALL[samizdat_full]}" "${WALL[hugo_precomputed]}")"
      echo "samizdat_full / hugo_precomputed  = $r  (target <= 0.5: $(verdict "$r" 0.5 '<=')); cpu time ratio $(ratio "${CPU[samizdat_full]}" "${CPU[hugo_precomputed]}")"
      if [ -n "${WALL[hugo_builtin]:-}" ]; then
        echo "samizdat_full / hugo_builtin      = $(ratio "${WALL[samizdat_full]}" "${WALL[hugo_builtin]}")"
      fi
    fi
    r="$(awk -v a="${WALL[samizdat_nochange]}" -v b="${WALL[samizdat_full]}" 'BEGIN { printf "%.2f", 100 * a / b }')"
    echo "no-change / full                  = $r %  (target < 10 %: $(verdict "$r" 10 '<'))"
    read -r total nw rm rw ch tb wb <<<"$NOCHANGE"
    echo "no-change rebuild: $total files, $nw new, $rm removed, $rw rewritten (mtime), $ch changed (content)"
    if [ -n "$INCR" ]; then
      read -r total nw rm rw ch tb wb <<<"$INCR"
      p="$(pct $((nw + rw)) "$total")"
      echo "+$APPEND articles: $total files, $nw new, $rm removed, $rw rewritten (mtime), $ch changed (content)"
      echo "incremental written / site files  = $p %  (target < 3 %: $(verdict "$p" 3 '<'))"
      echo "  written files by top folder: $(awk -F'\t' 'NR == FNR { m[$1] = $2; next }
        !($1 in m) || m[$1] != $2 { split($1, p, "/"); c[p[2]]++ }
        END { for (k in c) printf "%s %d\n", k, c[k] }' "$WORK/snap1" "$WORK/snap2" | sort -k2,2nr -k1,1 \
        | awk '{ printf "%s%s=%s", (NR > 1 ? ", " : ""), $1, $2 }')  (old copy: $SITE.before)"
      echo "incremental written / site bytes  = $(pct "$wb" "$tb") %  ($(awk -v b="$wb" 'BEGIN { printf "%.2f", b / 1048576 }') MB of $(awk -v b="$tb" 'BEGIN { printf "%.1f", b / 1048576 }') MB: what a USB/IPFS update moves)"
    fi
    if [ -d "$SITE/search" ]; then
      echo "search index: $SITE/search: $(files_in "$SITE/search") files, $(mb_in "$SITE/search") MB"
    else
      echo "search index: no $SITE/search folder"
    fi
  fi
  if [ "$HUGO" = 1 ] && [ -d "$WORK/hugo-pre-out" ]; then
    echo "hugo pages: $(find "$WORK/hugo-pre-out" -name '*.html' | wc -l) html files (precomputed)"
  fi
  if [ "$SAMIZDAT" = 1 ]; then
    echo "samizdat pages: $(find "$SITE" -name '*.html' | wc -l) html files"
    echo "samizdat's own summary lines:"
    for step in samizdat_full samizdat_nochange samizdat_incremental; do
      if [ -n "${WALL[$step]:-}" ]; then echo "  $step: $(tail -1 "$LOG/$step.out")"; fi
    done
  fi
} | tee "$RESULTS"
say "results written to $RESULTS"
say "deleting old outputs in $TRASH"
settle_delete "$TRASH"
