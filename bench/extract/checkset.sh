#!/usr/bin/env bash
# Runs one check set of saved pages with expected metadata (mercury.py, fundus.py): prepares the
# pages and expectations from the set's checkout, ingests them with ./samizdat (--profile
# generic) and scores the result.
#
#   bench/extract/checkset.sh SET SOURCE [WORK] [-v]
#
# SET: mercury, fundus or wcxb; SOURCE: a checkout of its repository (README.md). WORK (default
# bench/work/SET, ignored by git) gets the pages, the expectations and the ingest; -v lists misses.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
set_name=${1:?usage: checkset.sh SET SOURCE [WORK] [-v]}
source_dir=${2:?usage: checkset.sh SET SOURCE [WORK] [-v]}
work=${3:-$repo/bench/work/$set_name}
verbose=${4:-}
[ "$work" = -v ] && { verbose=-v; work=$repo/bench/work/$set_name; }
python3 "$here/$set_name.py" prepare "$source_dir" "$work"
rm -rf "$work/run"
mkdir -p "$work/run"
"$repo/samizdat" ingest --quiet --content "$work/run" --profile generic "$work/pages" \
  >"$work/run/stdout.txt" 2>"$work/run/stderr.txt" || true
python3 "$here/$set_name.py" score "$work" "$work/run" $verbose
