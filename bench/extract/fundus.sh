#!/usr/bin/env bash
# Metadata and body-start check on fundus's publisher test pages: see fundus.py.
#
#   bench/extract/fundus.sh FUNDUS [WORK] [-v]
#
# FUNDUS: a checkout of github.com/flairNLP/fundus. WORK (default bench/work/fundus, ignored
# by git) gets the prepared pages and an ingest of them with ./samizdat (--profile generic).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
parser=${1:?usage: fundus.sh FUNDUS [WORK] [-v]}
work=${2:-$repo/bench/work/fundus}
verbose=${3:-}
[ "$work" = -v ] && { verbose=-v; work=$repo/bench/work/fundus; }
python3 "$here/fundus.py" prepare "$parser" "$work"
rm -rf "$work/run"
mkdir -p "$work/run"
"$repo/samizdat" ingest --quiet --content "$work/run" --profile generic "$work/pages" \
  >"$work/run/stdout.txt" 2>"$work/run/stderr.txt" || true
python3 "$here/fundus.py" score "$work" "$work/run" $verbose
