#!/usr/bin/env sh
# follow on a generated 1,000-article site served from loopback by Python's http.server, with
# --delay 0: the time and the requests of a first run (everything new) and of a second run
# (nothing new). Run by hand: bench/follow/run.sh [ARTICLES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-1000}
work="$here/work"
rm -rf "$work"
mkdir -p "$work/www"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 "$here/site.py" "$work/www" "$n" "$port"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/www" 2>"$work/requests.log" >/dev/null &
server=$!
trap 'kill $server' EXIT
sleep 1
"$root/samizdat" --version >/dev/null
for run in 1 2; do
  before=$(grep -c '"GET ' "$work/requests.log" || true)
  start=$(date +%s.%N)
  "$root/samizdat" follow --content "$work/content" --delay 0 --quiet \
    "http://127.0.0.1:$port/sitemap.xml" >"$work/run$run.out" || true
  end=$(date +%s.%N)
  total=$(($(grep -c '"GET ' "$work/requests.log") - before))
  articles=$(grep '"GET ' "$work/requests.log" | tail -n "+$((before + 1))" | grep -c '"GET /news/' || true)
  printf 'run %s: %.1f s, %s requests (%s article pages); %s\n' "$run" \
    "$(echo "$end - $start" | bc)" "$total" "$articles" "$(tail -n 1 "$work/run$run.out")"
done
