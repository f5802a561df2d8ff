#!/usr/bin/env bash
# Metadata and body-start check on Mercury parser's fixtures: see mercury.py.
#
#   bench/extract/mercury.sh PARSER [WORK] [-v]
#
# PARSER: a checkout of github.com/postlight/parser. WORK (default bench/work/mercury, ignored
# by git) gets the prepared pages and an ingest of them with ./samizdat (--profile generic).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
parser=${1:?usage: mercury.sh PARSER [WORK] [-v]}
work=${2:-$repo/bench/work/mercury}
verbose=${3:-}
[ "$work" = -v ] && { verbose=-v; work=$repo/bench/work/mercury; }
python3 "$here/mercury.py" prepare "$parser" "$work"
rm -rf "$work/run"
mkdir -p "$work/run"
"$repo/samizdat" ingest --quiet --content "$work/run" --profile generic "$work/pages" \
  >"$work/run/stdout.txt" 2>"$work/run/stderr.txt" || true
python3 "$here/mercury.py" score "$work" "$work/run" $verbose
