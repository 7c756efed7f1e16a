#!/usr/bin/env bash
# Measures how fast the reader site serves a published article page, side by side with nginx
# serving the same page from the static export and a bare Go handler writing the same bytes from
# memory, all with the same wrk settings, and prints the ratios against the targets
# (>= 90% of bare Go, >= 70% of nginx, p99 <= 2x nginx's).
#
# Needs: PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), nginx, wrk
# (apt-get install nginx wrk). Usage: bench/reader.sh [seconds per run, default 10] [extra wrk args]
# e.g. bench/reader.sh 10 -H 'Accept-Encoding: gzip' to compare compressed responses.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
shift || true
admin=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=tilmash_bench_$$
url="${admin%/*}/$db"
work=$(mktemp -d /tmp/tilmash-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -q "$admin" -c "CREATE DATABASE $db" >/dev/null
go build -o "$work/tilmash" ./cmd/tilmash
go build -o "$work/barego" ./bench/barego

# A published article of about 30 KB: the demo publishes the English edition of the sample, here
# taken twice over.
mkdir -p "$work/sample"
cat samples/party-cooperation-china-central-asia.txt samples/party-cooperation-china-central-asia.txt \
  >"$work/sample/party-cooperation-china-central-asia.txt"
"$work/tilmash" demo --no-serve --database-url "$url" --sample "$work/sample/party-cooperation-china-central-asia.txt" \
  >/dev/null 2>"$work/demo.log"
page=/en/articles/party-cooperation-china-central-asia
"$work/tilmash" export "$work/site" --database-url "$url" --base-url http://127.0.0.1:18080 >/dev/null 2>>"$work/demo.log"
file="$work/site${page}.html"

"$work/tilmash" serve --no-workers --database-url "$url" --addr 127.0.0.1:18080 --base-url http://127.0.0.1:18080 \
  >/dev/null 2>"$work/serve.log" &
pids+=($!)
"$work/barego" -addr 127.0.0.1:18082 -file "$file" 2>"$work/barego.log" &
pids+=($!)
mkdir -p "$work"/{body,proxy,fastcgi,uwsgi,scgi}
sed -e "s|@ROOT@|$work/site|; s|@PORT@|18081|; s|@TMP@|$work|g" bench/nginx.conf.tmpl >"$work/nginx.conf"
nginx -c "$work/nginx.conf"

for port in 18080 18081 18082; do
  for _ in $(seq 1 50); do curl -fso /dev/null "http://127.0.0.1:$port$page" && break; sleep 0.2; done
done
size=$(curl -fs "http://127.0.0.1:18080$page" | wc -c)
cmp <(curl -fs "http://127.0.0.1:18080$page") "$file" || { echo "the server and the export differ"; exit 1; }
echo "page $page: $size bytes; wrk -t1 -c32 -d${secs}s --latency $*"

run() { # name port -> "rps p99ms"
  local out rps p99
  out=$(wrk -t1 -c32 -d"${secs}s" --latency "$@" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  echo "$rps $p99"
}
# Warm up each once, then measure.
for port in 18080 18081 18082; do wrk -t1 -c32 -d2s "$@" "http://127.0.0.1:$port$page" >/dev/null; done
read -r go_rps go_p99 < <(run "$@" "http://127.0.0.1:18080$page")
read -r nx_rps nx_p99 < <(run "$@" "http://127.0.0.1:18081$page")
read -r bare_rps bare_p99 < <(run "$@" "http://127.0.0.1:18082$page")
printf '%-14s %12s %10s\n' server req/s p99_ms
printf '%-14s %12s %10s\n' tilmash "$go_rps" "$go_p99" nginx "$nx_rps" "$nx_p99" bare-go "$bare_rps" "$bare_p99"
awk -v g="$go_rps" -v n="$nx_rps" -v b="$bare_rps" -v gp="$go_p99" -v np="$nx_p99" 'BEGIN {
  printf "tilmash/bare-go  = %.2f (target >= 0.90) %s\n", g/b, (g/b >= 0.9 ? "OK" : "MISSED")
  printf "tilmash/nginx    = %.2f (target >= 0.70) %s\n", g/n, (g/n >= 0.7 ? "OK" : "MISSED")
  printf "p99 tilmash/nginx = %.2f (target <= 2.00) %s\n", gp/np, (gp/np <= 2 ? "OK" : "MISSED")
}'
