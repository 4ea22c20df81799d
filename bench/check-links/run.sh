#!/usr/bin/env bash
# run.sh  --  `broadside check` of the shared 10,000-post benchmark corpus with every link broken.
#
# The corpus (../../../shared/bench/gen_corpus.py, seed 42) links posts to posts and to images
# under /images/, which the corpus does not have. This copy drops the first letter of every
# /posts/ address, so each of its ~30,000 links is broken and near a real address: `check` must
# find, for each, the nearest address (the "did you mean" hint). Goal (issue 13): under 10 s.
#
# Environment: BROADSIDE (default .build/release/broadside), SSG_BENCH_ROOT (default
# /tmp/ssg-bench), N (default 10000). Prints one "RESULT k=v ..." line.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKOUT=$(cd "$HERE/../.." && pwd)
BENCH=$(cd "$CHECKOUT/../shared/bench" && pwd)
ROOT=${SSG_BENCH_ROOT:-/tmp/ssg-bench}
N=${N:-10000}
BIN=${BROADSIDE:-$CHECKOUT/.build/release/broadside}
[ -x "$BIN" ] || { echo "no broadside binary at $BIN (swift build -c release)" >&2; exit 2; }

CORPUS=$ROOT/corpus-$N
[ -d "$CORPUS/content/posts" ] || python3 "$BENCH/gen_corpus.py" --posts "$N" --out "$CORPUS" --seed 42 >&2
SITE=$ROOT/check-links-$N
rm -rf "$SITE"; mkdir -p "$SITE/content/posts"
printf 'title: "Check bench"\nbase_url: "https://example.org/"\n' > "$SITE/site.yml"
for f in "$CORPUS"/content/posts/*.md; do
    sed 's#](/posts/.#](/posts/#g' "$f" > "$SITE/content/posts/${f##*/}"
done
links=$(cat "$SITE"/content/posts/*.md | grep -o '](/[^)]*)' | wc -l)

log=$(mktemp)
status=0
/usr/bin/time -f '%e %M' -o "$log.time" "$BIN" check --source "$SITE" --now 2026-12-01T00:00:00Z > "$log" 2>&1 || status=$?
read -r wall rss < <(tail -n 1 "$log.time")
warnings=$(grep -c '^warning: ' "$log" || true)
hints=$(grep -c 'did you mean' "$log" || true)
echo "RESULT bench=check-links n=$N links=$links status=$status wall_s=$wall peak_rss_mb=$((rss / 1024)) warnings=$warnings did_you_mean=$hints goal_s=10 $( awk "BEGIN{print ($wall < 10) ? \"PASS\" : \"MISS\"}")"
rm -f "$log" "$log.time"
