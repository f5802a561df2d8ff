#!/usr/bin/env bash
# Generic body extraction: builds the dev set, extracts every page, scores F1/precision/recall
# per language group, acceptance and pages/s (JVM start included). See README.md.
#
# usage: bench/extract/run.sh DATA [WORK] [--cli] [--jobs N]
#   DATA   folder with checkouts readability/, trafilatura/, gne/ (README.md says how to get them)
#   WORK   scratch folder (default bench/work/extract)
#   --cli  extract with `./samizdat ingest --profile generic` instead of the dev harness
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cli=no
jobs=$(nproc)
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) cli=yes ;;
    --jobs) jobs=$2; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
data=${args[0]:?usage: run.sh DATA [WORK] [--cli] [--jobs N]}
work=${args[1]:-$repo/bench/work/extract}
data=$(cd "$data" && pwd)
mkdir -p "$work"
work=$(cd "$work" && pwd)

(cd "$repo" && ./mvnw -B -q -DskipTests package && ./mvnw -B -q test-compile) >&2
cp="$repo/target/samizdat.jar:$repo/target/test-classes"

devset="$work/devset"
if [ ! -f "$devset/groups.tsv" ] || [ "$here/devset.py" -nt "$devset/groups.tsv" ] \
    || [ "$here/zh-truth.tsv" -nt "$devset/groups.tsv" ]; then
  rm -rf "$devset/gne-truth"
  java -cp "$cp" samizdat.ingest.GenericDevHarness truth "$devset/gne-truth" "$data/gne/tests" \
    "$here/zh-truth.tsv"
  python3 "$here/devset.py" "$data" "$devset"
fi
pages="$devset/pages"
echo "pages: $(find "$pages" -name '*.html' | wc -l), $(du -sh "$pages" | cut -f1); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

out="$work/run"
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s.%N)
if [ "$cli" = yes ]; then
  "$repo/samizdat" ingest --quiet --jobs "$jobs" --content "$out" --profile generic "$pages" \
    >"$out/stdout.txt" 2>"$out/stderr.txt" || true
else
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" samizdat.ingest.GenericDevHarness \
    extract "$out" "$jobs" "$pages" >"$out/stdout.txt" 2>"$out/stderr.txt"
fi
end=$(date +%s.%N)
seconds=$(python3 -c "print($end - $start)")
grep -v '^ingested \|^updated \|^unchanged \|^duplicate ' "$out/stderr.txt" | tail -n 3 >&2 || true
python3 "$here/score.py" "$devset" "$out" "$seconds"
