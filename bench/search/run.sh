#!/usr/bin/env bash
# Search benchmark, run by hand: index build time, size and peak heap at N articles, files a
# day's 100 new articles rewrite, and bytes loaded + latency of sample queries in headless
# Chromium from file://. Usage: bench/search/run.sh [N...]   (default: 10000 100000)
# BENCH_ARGS: --no-browser (skip Chromium), --no-rebuild (skip the +100 rebuild), --queries-only
# (only the browser queries, on the index the previous run left); BENCH_XMX (default 1g).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
for n in "${sizes[@]}"; do
  out="target/bench-search/$n"
  case " ${BENCH_ARGS:-} " in *" --queries-only "*) ;; *) rm -rf "$out" ;; esac
  java -Xmx${BENCH_XMX:-1g} -cp "$CP" samizdat.search.SearchBenchmark "$n" "$out" ${BENCH_ARGS:-}
done
