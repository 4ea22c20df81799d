#!/usr/bin/env bash
# run.sh  --  Broadside's static search beside Pagefind's, on the shared 10,000-post corpus (issue 16).
#
# 1. Builds the corpus with Broadside, with its search and with `search: false` (wall time and
#    peak memory by /usr/bin/time -v: the difference is the index's cost), and counts the files
#    and bytes of search-index/ and of the search pages and scripts.
# 2. Runs Pagefind (PyPI's pagefind-bin) on a copy of that output: time, memory, files and bytes
#    of pagefind/ (it indexes every page's <body>: the theme has no data-pagefind-body).
# 3. Serves each output on 127.0.0.1 (measure.py: Python's threaded server, no compression) to
#    headless Chromium and counts, on a fresh profile, the requests, bytes (encodedDataLength)
#    and sequential round trips of a first query for the most common Spanish word of the corpus:
#    Broadside's `window.broadsideSearch(word, {lang: "es"})` on /es/buscar/ once loaded, and
#    /es/buscar/?q=WORD opened directly (all but the page and its CSS); Pagefind's search and
#    data() of its first 10 results from a page importing /pagefind/pagefind.js.
# 4. Recall: 200 queries from the corpus's titles (measure.py queries, seeded; written to
#    $WORK/queries.txt): how often the post is in the first 10 results, one session per engine.
# 5. One new post: the files and bytes that change under search-index/ and in the search pages,
#    and under pagefind/ when Pagefind runs again on the new output.
#
# Environment: BROADSIDE (default .build/release/broadside), SSG_BENCH_ROOT (default
# /tmp/ssg-bench), N (default 10000), THEMES (the themes folder the sites link, default this
# checkout's: another binary may need its own checkout's), PAGEFIND (default: pagefind-bin in the venv),
# QUERY (the first-query word; default the one measure.py picks), LATENCY_MS (added to every
# request of the first-query measurements, default 50). Makes $SSG_BENCH_ROOT/search-bench-venv
# (selenium, pagefind-bin). Needs Debian's chromium and chromium-driver (make test-deps).
# Prints "RESULT bench=search-... k=v" lines and a summary.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKOUT=$(cd "$HERE/../.." && pwd)
BENCH=$(cd "$CHECKOUT/../shared/bench" && pwd)
ROOT=${SSG_BENCH_ROOT:-/tmp/ssg-bench}
N=${N:-10000}
BIN=${BROADSIDE:-$CHECKOUT/.build/release/broadside}
THEMES=${THEMES:-$CHECKOUT/themes}
[ -x "$BIN" ] || { echo "no broadside binary at $BIN (swift build -c release)" >&2; exit 2; }
command -v chromium > /dev/null && command -v chromedriver > /dev/null \
    || { echo "chromium and chromedriver are needed (make test-deps)" >&2; exit 2; }
CORPUS=$ROOT/corpus-$N
[ -d "$CORPUS/content/posts" ] || python3 "$BENCH/gen_corpus.py" --posts "$N" --out "$CORPUS" --seed 42 >&2
WORK=$ROOT/search-$N
rm -rf "$WORK"; mkdir -p "$WORK"
export N

VENV=$ROOT/search-bench-venv
if ! "$VENV/bin/python" -c 'import selenium, pagefind_bin' 2> /dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check selenium pagefind-bin >&2
fi
PY=$VENV/bin/python
PAGEFIND=${PAGEFIND:-$("$PY" -c 'import pagefind_bin; print(pagefind_bin.get_executable())')}
MEASURE=("$PY" "$HERE/measure.py")

# measure.py browse serves and drives Chromium: stopped (with its server and browsers) on exit.
child=""
trap '[ -n "$child" ] && kill "$child" 2> /dev/null || true' EXIT INT TERM
measure_browse() {  # tool, then measure.py browse's other arguments; RESULT lines also in browse-TOOL.txt
    local tool=$1; shift
    timeout 1800 "${MEASURE[@]}" browse --tool "$tool" "$@" > "$WORK/browse-$tool.txt" & child=$!
    wait "$child" || echo "RESULT bench=search-first-query tool=$tool n=$N status=failed exit=$?" >> "$WORK/browse-$tool.txt"
    child=""
    cat "$WORK/browse-$tool.txt"
}

# The post both benchmarks add (bench/new-post.md): dated after every post of the corpus.
NEW_POST=$(< "$CHECKOUT/bench/new-post.md")$'\n'

broadside_site() {  # folder, site.yml text
    mkdir -p "$1/content"
    cp -al "$CORPUS/content/posts" "$1/content/posts"
    ln -s "$THEMES" "$1/themes"
    printf '%s' "$2" > "$1/site.yml"
}

# timed NAME command...: /usr/bin/time -v into $WORK/time-NAME.txt, output into $WORK/NAME.log.
timed() {
    local name=$1; shift
    /usr/bin/time -v -o "$WORK/time-$name.txt" "$@" > "$WORK/$name.log" 2>&1
}
# The corpus links images it does not have: thousands of warnings, kept in a log.
build() {  # name site output
    timed "$1" "$BIN" build --source "$2" --output "$3" --now 2026-12-01T00:00:00Z
}

yml=$'title: "Search bench"\nbase_url: "https://example.org/"\n'
broadside_site "$WORK/site-nosearch" "$yml"$'search: false\n'
broadside_site "$WORK/site" "$yml"
OUT=$WORK/broadside
if build broadside-nosearch "$WORK/site-nosearch" "$WORK/broadside-nosearch"; then
    nosearch=$("${MEASURE[@]}" time "$WORK/time-broadside-nosearch.txt")
else
    nosearch="status=failed"; tail -n 5 "$WORK/broadside-nosearch.log" >&2
fi
build broadside "$WORK/site" "$OUT" || { tail -n 20 "$WORK/broadside.log" >&2; exit 1; }
withsearch=$("${MEASURE[@]}" time "$WORK/time-broadside.txt")
echo "RESULT bench=search-build tool=broadside n=$N $withsearch"
echo "RESULT bench=search-build tool=broadside-search-false n=$N $nosearch"
cost=$(python3 -c '
import sys
a = dict(kv.split("=") for kv in sys.argv[1].split())
b = dict(kv.split("=") for kv in sys.argv[2].split())
if "wall_s" in b:
    print("extra_s=%.2f extra_mb=%.0f" % (float(a["wall_s"]) - float(b["wall_s"]), float(a["peak_rss_mb"]) - float(b["peak_rss_mb"])))
else:
    print("status=unknown")' "$withsearch" "$nosearch")
echo "RESULT bench=search-index-cost tool=broadside n=$N $cost"
files_of() { "${MEASURE[@]}" tree "$@" | sed "s/files=/${PART}_files=/; s/bytes=/${PART}_bytes=/"; }
echo "RESULT bench=search-files tool=broadside n=$N $(PART=index files_of "$OUT" search-index) $(PART=pages files_of "$OUT" @search-pages) $(PART=site files_of "$OUT")"

# Pagefind on a copy (hard links: Pagefind only adds pagefind/).
PF=$WORK/pagefind
cp -al "$OUT" "$PF"
timed pagefind "$PAGEFIND" --site "$PF" || { tail -n 20 "$WORK/pagefind.log" >&2; exit 1; }
pages=$(sed -n 's/.*Indexed \([0-9]*\) pages.*/\1/p' "$WORK/pagefind.log" | head -n 1)
langs=$(sed -n 's/.*Discovered [0-9]* languages\?: \(.*\)/\1/p' "$WORK/pagefind.log" | tr -d ' ' | head -n 1)
body=$(grep -q "Did not find a data-pagefind-body" "$WORK/pagefind.log" && echo body || echo data-pagefind-body)
echo "RESULT bench=search-build tool=pagefind n=$N $("${MEASURE[@]}" time "$WORK/time-pagefind.txt") pages=${pages:-?} languages=${langs:-?} indexed=$body version=$("$PAGEFIND" --version | awk '{print $2}')"
echo "RESULT bench=search-files tool=pagefind n=$N $("${MEASURE[@]}" tree "$PF" pagefind)"

# The first query and recall, in Chromium.
read -r WORD word_counts <<< "$("$PY" "$HERE/measure.py" word "$CORPUS")"
echo "query word: $WORD ($word_counts)" >&2
"${MEASURE[@]}" queries "$CORPUS" "$OUT" "$WORK/queries.txt"
measure_browse broadside --site "$OUT" --word "$WORD" --queries "$WORK/queries.txt" --work "$WORK"
measure_browse pagefind --site "$PF" --word "$WORD" --queries "$WORK/queries.txt" --work "$WORK"

# One new post: Broadside again, then Pagefind on a copy of the new output.
printf '%s' "$NEW_POST" > "$WORK/site/content/posts/zz-new-dispatch.md"
OUT2=$WORK/broadside-after
build broadside-after "$WORK/site" "$OUT2" || { tail -n 20 "$WORK/broadside-after.log" >&2; exit 1; }
echo "RESULT bench=search-new-post tool=broadside n=$N part=index $("${MEASURE[@]}" changed "$OUT" "$OUT2" search-index)"
echo "RESULT bench=search-new-post tool=broadside n=$N part=pages $("${MEASURE[@]}" changed "$OUT" "$OUT2" @search-pages)"
PF2=$WORK/pagefind-after
cp -al "$OUT2" "$PF2"
timed pagefind-after "$PAGEFIND" --site "$PF2" || { tail -n 20 "$WORK/pagefind-after.log" >&2; exit 1; }
echo "RESULT bench=search-new-post tool=pagefind n=$N part=pagefind $("${MEASURE[@]}" changed "$PF" "$PF2" pagefind) $("${MEASURE[@]}" time "$WORK/time-pagefind-after.txt")"

# A summary for people.
python3 - "$WORK" "$WORD" <<'EOF'
import re, sys
work, word = sys.argv[1], sys.argv[2]
lines = []
for name in ("browse-broadside.txt", "browse-pagefind.txt"):
    try:
        lines += open(f"{work}/{name}").read().splitlines()
    except OSError:
        pass
def get(bench, tool, key):
    for line in lines:
        if f"bench={bench} " in line and f"tool={tool} " in line:
            m = re.search(rf"\b{key}=(\S+)", line)
            if m:
                return m.group(1)
    return "?"
print(f"\nSummary (work folder {work}; query word {word!r}):")
for tool in ("broadside", "pagefind"):
    status = get("search-first-query", tool, "status")
    first = (f"first query {get('search-first-query', tool, 'requests')} requests, {get('search-first-query', tool, 'bytes')} bytes, "
             f"{get('search-first-query', tool, 'round_trips')} round trips") if status == "?" else f"first query: {status}"
    if tool == "broadside" and get("search-first-query-url", tool, "requests") != "?":
        first += (f" (page opened with ?q=: {get('search-first-query-url', tool, 'requests')} requests, "
                  f"{get('search-first-query-url', tool, 'bytes')} bytes, {get('search-first-query-url', tool, 'round_trips')} round trips)")
    print(f"  {tool:9}: {first}; recall {get('search-recall', tool, 'hits')}/{get('search-recall', tool, 'of')} in the first 10")
print("  builds, files and the new post: the RESULT lines above; requests in requests-*.txt, misses in misses-*.txt")
EOF
