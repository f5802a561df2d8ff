#!/usr/bin/env sh
# Delta CAR benchmark, run by hand (not by the tests):
#   bench/mirror/car-delta-bench.sh [N] [M] [WORKDIR]     defaults: N=300, M=10, /tmp/samizdat-delta-bench
# Generates N articles (bench/build/GenerateContent.java), builds the site, exports a full CAR;
# appends M newer articles, rebuilds, exports the full CAR again and a delta (`mirror ipfs --since`
# the first CAR). Prints the sizes and the delta as a share of the full export (target <= 15 %).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-300}
m=${2:-10}
work=${3:-/tmp/samizdat-delta-bench}
rm -rf "$work" && mkdir -p "$work"
(cd "$repo" && ./mvnw -B -q -DskipTests package >&2)
cp "$repo/target/samizdat.jar" "$work/samizdat.jar"
sz() { java -jar "$work/samizdat.jar" "$@"; }
java "$repo/bench/build/GenerateContent.java" "$n" "$work/content" > /dev/null
sz build --quiet --content "$work/content" --out "$work/site" > /dev/null
sz mirror ipfs --quiet --site "$work/site" --car "$work/old.car" > /dev/null
java "$repo/bench/build/GenerateContent.java" --append "$m" "$work/content" > /dev/null
sz build --quiet --content "$work/content" --out "$work/site" > "$work/rebuild.txt"
sz mirror ipfs --quiet --site "$work/site" --car "$work/new.car" > /dev/null
sz mirror ipfs --quiet --site "$work/site" --car "$work/delta.car" --since "$work/old.car" > "$work/delta.txt"
full=$(stat -c %s "$work/new.car")
delta=$(stat -c %s "$work/delta.car")
echo "site: $n articles + $m new; rebuild: $(head -1 "$work/rebuild.txt")"
echo "full CAR of the new site: $full bytes; old CAR: $(stat -c %s "$work/old.car") bytes"
echo "delta CAR: $delta bytes = $(awk "BEGIN {printf \"%.1f\", 100 * $delta / $full}") % of the full export (target <= 15 %)"
grep -E "^(wrote|delta)" "$work/delta.txt"
