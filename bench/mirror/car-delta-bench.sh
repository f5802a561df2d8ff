#!/usr/bin/env sh
# Delta CAR benchmark, run by hand (not by the tests):
#   bench/mirror/car-delta-bench.sh [N] [M] [WORKDIR]   defaults: N=300, M=10, WORKDIR=/tmp/samizdat-car-delta
# Generates N articles (bench/build/GenerateContent.java), builds the site and exports a full CAR;
# appends M newer articles, rebuilds the site incrementally, exports a full CAR of the new site and
# a delta with `mirror ipfs --since OLD.car`, and prints the delta's size against the full export
# (target: at most 15% for 10 new articles in a 300-article site).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
n=${1:-300}
m=${2:-10}
work=${3:-/tmp/samizdat-car-delta}
rm -rf "$work" && mkdir -p "$work"
(cd "$repo" && ./mvnw -B -q -DskipTests package >&2)
cp "$repo/target/samizdat.jar" "$work/samizdat.jar"
jar="$work/samizdat.jar"
size() { stat -c %s "$1"; }

java "$repo/bench/build/GenerateContent.java" "$n" "$work/content" 2> /dev/null
java -jar "$jar" build --quiet --content "$work/content" --out "$work/site" > /dev/null
java -jar "$jar" mirror ipfs --quiet --site "$work/site" --car "$work/old.car" > /dev/null
java "$repo/bench/build/GenerateContent.java" --append "$m" "$work/content" 2> /dev/null
java -jar "$jar" build --quiet --content "$work/content" --out "$work/site" > "$work/build.txt"
java -jar "$jar" mirror ipfs --quiet --site "$work/site" --car "$work/new.car" > /dev/null
java -jar "$jar" mirror ipfs --quiet --site "$work/site" --car "$work/delta.car" --since "$work/old.car" > "$work/delta.txt"
echo "site: $n articles + $m new; rebuild: $(cat "$work/build.txt")"
echo "full CAR of the old site: $(size "$work/old.car") bytes; of the new site: $(size "$work/new.car") bytes"
echo "delta CAR: $(size "$work/delta.car") bytes = $(awk "BEGIN {printf \"%.1f\", 100 * $(size "$work/delta.car") / $(size "$work/new.car")}")% of the full export (target <= 15%)"
grep '^delta:' "$work/delta.txt"
