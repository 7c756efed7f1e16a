#!/usr/bin/env bash
# Measures publishing on a generated archive with real processes: a whole and an incremental
# `tilmash export` (time and peak RSS), a `tilmash serve` process's memory after every page of
# the site has been asked for once, and the time from a publication's commit to the served page.
#
# Needs: PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), curl,
# /usr/bin/time. Usage: bench/publish.sh [articles, default 10000] [publications, default 20]
# [reader memory in MB, default 64] [the serve process's GOMEMLIMIT, default: none, so serve's own
# soft limit of the reader memory plus 192 MiB applies]
#
# Without a memory limit Go lets its heap grow to twice what is live before collecting, so a serve
# process that renders many pages (the crawl) would hold about twice its live memory; the limit has
# it collect sooner instead.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
pubs=${2:-20}
cache_mb=${3:-64}
memlimit=${4:-}
admin=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db=tilmash_pub_$$
url="${admin%/*}/$db"
work=$(mktemp -d /tmp/tilmash-pub.XXXXXX)
port=18090
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -q "$admin" -c "CREATE DATABASE $db" >/dev/null
go build -o "$work/tilmash" ./cmd/tilmash
"$work/tilmash" migrate --database-url "$url" >/dev/null 2>"$work/migrate.log"
start=$(date +%s.%N)
psql -q -v articles="$n" -f bench/archive.sql "$url" >/dev/null
echo "generated $n articles x 4 languages in $(echo "$(date +%s.%N) - $start" | bc) s"

timed() { # label command... -> prints wall seconds and peak RSS
  local label=$1
  shift
  /usr/bin/time -v "$@" >"$work/out" 2>"$work/time"
  printf '%-28s %s; wall %s; max RSS %s MB\n' "$label" "$(cat "$work/out")" \
    "$(awk -F': ' '/Elapsed/ {print $2}' "$work/time")" "$(awk '/Maximum resident/ {printf "%.0f", $6/1024}' "$work/time")"
}
base=http://127.0.0.1:$port
timed "export --full" "$work/tilmash" export --full "$work/site" --database-url "$url" --base-url "$base"
timed "export (nothing changed)" "$work/tilmash" export "$work/site" --database-url "$url" --base-url "$base"

echo "serve with TILMASH_READER_CACHE_MB=$cache_mb GOMEMLIMIT=${memlimit:-unset (the serve default)}"
GOMEMLIMIT=$memlimit TILMASH_READER_CACHE_MB=$cache_mb "$work/tilmash" serve --no-workers --database-url "$url" --addr "127.0.0.1:$port" \
  --base-url "$base" >/dev/null 2>"$work/serve.log" &
pid=$!
pids+=("$pid")
for _ in $(seq 1 100); do curl -fso /dev/null "$base/en/" && break; sleep 0.2; done
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
echo "serve after start: RSS $(rss)"

# Every page once: front, archive and category pages, feeds, the sitemap, every article page.
(cd "$work/site" && find . -name '*.html' -o -name '*.xml' -o -name '*.atom' | grep -v '404.html') |
  sed -e 's|^\.|url = '"$base"'|; s|/index\.html$|/|; s|\.html$||; s|$|\noutput = /dev/null|' >"$work/urls"
pages=$(grep -c '^url' "$work/urls")
start=$(date +%s.%N)
curl -s --no-progress-meter --compressed -K "$work/urls" --parallel --parallel-max 4 2>/dev/null || true
echo "crawled $pages pages in $(echo "$(date +%s.%N) - $start" | bc) s: serve RSS $(rss), peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
start=$(date +%s.%N)
curl -s --no-progress-meter --compressed -K "$work/urls" --parallel --parallel-max 4 2>/dev/null || true
echo "crawled again in $(echo "$(date +%s.%N) - $start" | bc) s: serve RSS $(rss), peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"

# Publications: the article exists, approved; the timed part is the release transaction's commit
# until the served article page (en and zh) and the English front page listing it.
times=()
for i in $(seq 1 "$pubs"); do
  slug="pub-$$-$i"
  id=$(psql -qtA "$url" -c "WITH a AS (INSERT INTO articles (slug, source_lang, category, byline) VALUES ('$slug', 'en', 'analysis', 'Bench') RETURNING id),
    r AS (INSERT INTO revisions (article_id, number, format, body, title) SELECT id, 1, 'text', 'x', '$slug' FROM a RETURNING id, article_id),
    e AS (INSERT INTO editions (article_id, lang, is_source, state, revision_id, release)
          SELECT r.article_id, l, l = 'en', 'approved', r.id, 1 FROM r CROSS JOIN unnest(ARRAY['en', 'ru', 'kk', 'zh']) l RETURNING article_id)
    SELECT DISTINCT article_id FROM e" | head -1)
  psql -q "$url" -c "UPDATE articles SET revision_id = (SELECT id FROM revisions WHERE article_id = $id) WHERE id = $id" >/dev/null
  # The time of the commit, from the database's clock (the same machine's), without psql's start.
  t0=$(psql -qtA "$url" -c "WITH v AS (INSERT INTO published_versions (edition_id, article_id, lang, revision_id, release, title, byline, html, approved_by)
      SELECT e.id, e.article_id, e.lang, e.revision_id, 1, '$slug ' || e.lang, 'Bench', repeat('<p>Published now.</p>', 200), 'bench'
      FROM editions e WHERE e.article_id = $id RETURNING id, edition_id)
    UPDATE editions e SET live_version_id = v.id, state = 'published' FROM v WHERE e.id = v.edition_id" \
    -c "SELECT (extract(epoch FROM clock_timestamp()) * 1000000000)::bigint")
  until curl -fso /dev/null "$base/en/articles/$slug"; do :; done
  until curl -fso /dev/null "$base/zh/articles/$slug"; do :; done
  until curl -fs "$base/en/" | grep -q "/en/articles/$slug"; do :; done
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "publication to served page, $pubs publications (ms, from the commit; includes curl's starts): median $(sed -n "$(( (pubs + 1) / 2 ))p" <<<"$sorted"), max $(tail -1 <<<"$sorted")"
echo "serve RSS after the publications: $(rss), peak $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
timed "export after $pubs publications" "$work/tilmash" export "$work/site" --database-url "$url" --base-url "$base"
# One more change (the Kazakh edition of the first publication taken off the site), then the
# incremental export of just it.
id=$(psql -qtA "$url" -c "SELECT id FROM articles WHERE slug = 'pub-$$-1'")
psql -q "$url" -c "UPDATE editions SET live_version_id = NULL WHERE article_id = $id AND lang = 'kk'" >/dev/null
timed "export after 1 change" "$work/tilmash" export "$work/site" --database-url "$url" --base-url "$base"
