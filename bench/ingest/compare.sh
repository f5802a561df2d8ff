#!/usr/bin/env bash
# Compares builds of samizdat on the same cold ingest: each JAR in turn, ROUNDS rounds (default 3),
# into fresh content folders (nothing is deleted between runs, so ext4's recently-freed-inode
# search, see ../settle.sh, stays out of the timings), through the release launcher with its JVM
# options, as run.sh does. Pages as run.sh makes them. Used for the fsync cost in docs/safety.md:
#   git stash; ./mvnw -q -DskipTests package; cp target/samizdat.jar /tmp/before.jar; git stash pop
#   ./mvnw -q -DskipTests package; cp target/samizdat.jar /tmp/after.jar
#   bench/ingest/compare.sh 3000 /tmp/before.jar /tmp/after.jar
#
# usage: bench/ingest/compare.sh N JAR... (WORKDIR env, default bench/work/compare)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=$1; shift
work=${WORKDIR:-$repo/bench/work/compare}
pages="$repo/bench/work/ingest/pages-$n"
[ -d "$pages" ] || python3 "$here/generate.py" "$n" "$pages"
mkdir -p "$work"
run() { SAMIZDAT_JAR=$1 SAMIZDAT_JVM_DIR=$repo/src/main/jvm "$repo/src/main/dist/bin/samizdat" ingest --quiet --content "$2" "$3" > /dev/null; }
for jar in "$@"; do run "$jar" "$work/warmup-$$-$RANDOM" "$(find -L "$pages" -name '*.html' | head -n 1)"; done
echo "pages: $n; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq "${ROUNDS:-3}"); do
  for jar in "$@"; do
    /usr/bin/time -f "$jar round $round: wall %e s, user %U s, sys %S s" \
      bash -c "$(declare -f run); repo=$repo; run '$jar' '$work/content-$$-$RANDOM' '$pages'"
  done
done
echo "outputs are in $work; delete them with bench/settle.sh's settle_delete before the next timed run" >&2
