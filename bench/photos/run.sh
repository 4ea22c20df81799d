#!/usr/bin/env bash
# run.sh  --  the photo benchmark: 100 generated 12-megapixel phone photos, built cold and warm,
# and the same posts without photos (see README.md beside this file).
#
# Steps (only the builds are timed):
#   1. generate, once, with gen_photos.py (regenerated when the post count, the seed or
#      gen_photos.py change; see each folder's .stamp):
#        $ROOT/site-photos     100 post folders, each with a 4000x3000 JPEG (EXIF: GPS, orientation 1 or 6)
#        $ROOT/site-nophotos   the same posts without the photos and their image lines
#   2. for each of REPS repetitions, each build under /usr/bin/time -v, page cache dropped and the
#      inputs re-read before it (as ../../../shared/bench/run_anchor.sh does):
#        cold     the photo site after deleting its .broadside-cache/ and its output
#        warm     the photo site again, cache and output kept
#        nophoto  the site without photos, after an untimed build before the first repetition
#                 (so that, like warm, it finds its previous output and cache)
#      each prints a "RESULT k=v ..." line (also appended to $RESULTS_FILE if set)
#   3. a summary with the issue's three goals, PASS or MISS each (medians over REPS):
#        cold wall < 30 s;  warm wall - nophoto wall < 1 s;  peak RSS of every build < 500 MB
#
# Two runs with one SSG_BENCH_ROOT take turns (flock on $ROOT/.lock).
#
# Every build: broadside build --source SITE --output OUT --now 2026-12-01T00:00:00Z
#   --base-url https://example.org/
#
# Environment:
#   BROADSIDE          the binary (default: .build/release/broadside of this checkout)
#   SSG_BENCH_ROOT     scratch root (default /tmp/ssg-bench); this benchmark uses $SSG_BENCH_ROOT/photos
#   PHOTO_BENCH_POSTS  number of posts/photos (default 100);  PHOTO_BENCH_SEED (default 42)
#   REPS               repetitions (default 1)
#   PYTHON             the Python for gen_photos.py (default: .build/venv/bin/python when it has
#                      Pillow, else python3)
#   SSG_BENCH_TIMEOUT  seconds before a build is killed (default 1800)
#   SSG_BENCH_DROP_CACHES  1 (default): drop the page cache before each build (needs root), 0: don't
#   RESULTS_FILE       if set, RESULT lines are appended to it
#
# Exit status: 0 when every build succeeded (goals MISSed are reported, not failed), 1 when a build
# failed, 2 on a usage or set-up error.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$HERE/../.." && pwd)
ROOT=${SSG_BENCH_ROOT:-/tmp/ssg-bench}/photos
POSTS=${PHOTO_BENCH_POSTS:-100}
SEED=${PHOTO_BENCH_SEED:-42}
REPS=${REPS:-1}
TIMEOUT=${SSG_BENCH_TIMEOUT:-1800}
BIN=${BROADSIDE:-$PROJECT/.build/release/broadside}
NOW=2026-12-01T00:00:00Z
BASE_URL=https://example.org/
GOAL_COLD_S=30
GOAL_WARM_EXTRA_S=1
GOAL_RSS_MB=500

SITE_P=$ROOT/site-photos
SITE_N=$ROOT/site-nophotos
OUT_P=$ROOT/out/photos
OUT_N=$ROOT/out/nophotos
LOGDIR=$ROOT/logs
export LC_ALL=C.UTF-8 LANG=C.UTF-8 TZ=UTC

[[ "$POSTS" =~ ^[0-9]+$ ]] && [ "$POSTS" -ge 1 ] || { echo "PHOTO_BENCH_POSTS must be a number >= 1" >&2; exit 2; }
[[ "$REPS" =~ ^[0-9]+$ ]] && [ "$REPS" -ge 1 ] || { echo "REPS must be a number >= 1" >&2; exit 2; }
case "$BIN" in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "run.sh: no broadside binary at $BIN (make bench-photos builds it; or set BROADSIDE)" >&2; exit 2; }
mkdir -p "$ROOT" "$LOGDIR" "$ROOT/out"
# One run at a time: two would delete each other's cache and output and share the two cores.
exec 9> "$ROOT/.lock"
if ! flock -n 9; then
  echo "run.sh: another photo benchmark is using $ROOT; waiting for it to end" >&2
  flock 9
fi

# --- dependencies -------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  echo "Installing time (GNU time, for CPU time and peak memory)" >&2
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi
if [ -z "${PYTHON:-}" ]; then
  for p in "$PROJECT/.build/venv/bin/python" python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import PIL' 2>/dev/null; then PYTHON=$p; break; fi
  done
  # Neither has Pillow: gen_photos.py says how to install it.
  : "${PYTHON:=$( [ -x "$PROJECT/.build/venv/bin/python" ] && echo "$PROJECT/.build/venv/bin/python" || echo python3)}"
fi

# --- 1. the two sites (generated once) ------------------------------------------------------------
gen_sum=$(sha256sum "$HERE/gen_photos.py" | cut -c1-16)
generate() {  # generate DIR STAMP [--no-photos]
  local dir=$1 stamp=$2; shift 2
  if [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ]; then return; fi
  rm -rf "$dir"
  "$PYTHON" "$HERE/gen_photos.py" --out "$dir" --posts "$POSTS" --seed "$SEED" "$@" || exit 2
  echo "$stamp" > "$dir/.stamp"
}
generate "$SITE_P" "posts=$POSTS seed=$SEED gen=$gen_sum photos=yes"
generate "$SITE_N" "posts=$POSTS seed=$SEED gen=$gen_sum photos=no" --no-photos
photo_mb=$(find "$SITE_P/content" -name '*.jpg' -printf '%s\n' | awk '{s+=$1} END {printf "%.0f", s/1e6}')

VERSION=$("$BIN" --version 2>/dev/null | head -1 | tr -s ' ' '_' || echo unknown)
BIN_SHA=$(sha256sum "$BIN" | cut -c1-12)  # which binary, when $BROADSIDE is not this checkout's
COMMIT=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$PROJECT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || COMMIT=$COMMIT+dirty
echo "== photo benchmark: $POSTS posts, $photo_mb MB of photos, broadside $VERSION at $BIN (sha256 $BIN_SHA; checkout $COMMIT), $(nproc) cores, $(date -u +%FT%TZ)" >&2

# --- 2. the builds --------------------------------------------------------------------------------
build_cmd() { CMD=("$BIN" build --source "$1" --output "$2" --now "$NOW" --base-url "$BASE_URL"); }

failed=0
declare -A WALLS RSS_MAX
timed() {  # timed CASE SITE OUT REP
  local case=$1 site=$2 out=$3 rep=$4
  local log=$LOGDIR/$case-$rep.log timef=$LOGDIR/$case-$rep.time
  sync
  local cache=warm
  if [ "${SSG_BENCH_DROP_CACHES:-1}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 > /proc/sys/vm/drop_caches
    cache=dropped+rewarmed
  fi
  # Re-read the inputs (the photos, the posts, the cache and the previous output of a warm build)
  # and the binary, so the build starts with them in memory, as an editor's machine has them.
  find "$site" -type f -exec cat {} + > /dev/null
  [ ! -d "$out" ] || find "$out" -type f -exec cat {} + > /dev/null
  cat "$BIN" > /dev/null

  local t0 t1 rc
  t0=$(date +%s%N)
  set +e
  build_cmd "$site" "$out"
  timeout "$TIMEOUT" /usr/bin/time -v -o "$timef" "${CMD[@]}" > "$log" 2>&1
  rc=$?
  set -e
  t1=$(date +%s%N)
  local wall; wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
  if [ $rc -ne 0 ]; then
    failed=1
    echo "!! $case build exited with status $rc; last lines of $log:" >&2
    tail -20 "$log" >&2 || true
  fi
  tv() { awk -F': ' -v k="$1" '$1 ~ k {print $2; exit}' "$timef" 2>/dev/null; }
  local rss_kb user_s sys_s cpu_pct rss_mb
  rss_kb=$(tv "Maximum resident set size"); user_s=$(tv "User time"); sys_s=$(tv "System time")
  cpu_pct=$(tv "Percent of CPU" | tr -d '%')
  rss_mb=$(awk -v k="${rss_kb:-0}" 'BEGIN{printf "%.1f", k/1024}')
  local files=0 out_bytes=0 images=0 pages=0
  if [ -d "$out" ]; then
    files=$(find "$out" -type f | wc -l)
    pages=$(find "$out" -type f -name '*.html' | wc -l)
    images=$(find "$out" -type f \( -name '*.jpg' -o -name '*.webp' -o -name '*.png' \) -path '*/posts/*' | wc -l)
    out_bytes=$(find "$out" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%d", s}')
  fi
  local closing; closing=$(grep '^Built' "$log" | tail -1 || true)
  [ -n "$closing" ] || closing="(no closing line; last line: $(tail -1 "$log"))"
  printf '%-8s rep %d: wall %7.3f s | user %s s sys %s s cpu %s%% | peak RSS %s MB | %d files (%d pages, %d post images), %s bytes\n' \
    "$case" "$rep" "$wall" "${user_s:-?}" "${sys_s:-?}" "${cpu_pct:-?}" "$rss_mb" "$files" "$pages" "$images" "$out_bytes" >&2
  echo "         broadside: $closing" >&2
  local line="RESULT bench=photos case=$case rep=$rep version=$VERSION commit=$COMMIT bin=$BIN bin_sha=$BIN_SHA posts=$POSTS seed=$SEED photo_mb=$photo_mb cache=$cache rc=$rc wall_s=$wall user_s=${user_s:-NA} sys_s=${sys_s:-NA} cpu_pct=${cpu_pct:-NA} peak_rss_mb=$rss_mb files=$files pages=$pages post_images=$images out_bytes=$out_bytes cores=$(nproc) date=$(date -u +%FT%TZ)"
  echo "$line"
  [ -z "${RESULTS_FILE:-}" ] || echo "$line" >> "$RESULTS_FILE"
  WALLS[$case]="${WALLS[$case]:-} $wall"
  RSS_MAX[$case]=$(awk -v a="${RSS_MAX[$case]:-0}" -v b="$rss_mb" 'BEGIN{print (b > a ? b : a)}')
}

# The baseline's previous build (untimed), so that it starts like the warm build: output and cache there.
rm -rf "$SITE_N/.broadside-cache" "$OUT_N"
build_cmd "$SITE_N" "$OUT_N"
"${CMD[@]}" > "$LOGDIR/nophoto-prime.log" 2>&1 \
  || { echo "!! the site without photos does not build; see $LOGDIR/nophoto-prime.log" >&2; tail -20 "$LOGDIR/nophoto-prime.log" >&2; exit 1; }

for rep in $(seq 1 "$REPS"); do
  rm -rf "$SITE_P/.broadside-cache" "$OUT_P"
  timed cold "$SITE_P" "$OUT_P" "$rep"
  timed warm "$SITE_P" "$OUT_P" "$rep"
  timed nophoto "$SITE_N" "$OUT_N" "$rep"
done

# --- 3. summary -----------------------------------------------------------------------------------
median() { tr ' ' '\n' | grep . | sort -g | awk '{a[NR]=$1} END {if (NR==0) print "NA"; else if (NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2}'; }
cold=$(echo "${WALLS[cold]}" | median)
warm=$(echo "${WALLS[warm]}" | median)
base=$(echo "${WALLS[nophoto]}" | median)
extra=$(awk -v w="$warm" -v b="$base" 'BEGIN{printf "%.3f", w-b}')
rss=$(printf '%s\n' "${RSS_MAX[@]}" | sort -g | tail -1)
verdict() { awk -v v="$1" -v g="$2" 'BEGIN{print (v < g ? "PASS" : "MISS")}'; }
[ $failed -eq 0 ] || { V1=MISS; V2=MISS; V3=MISS; }
V1=${V1:-$(verdict "$cold" $GOAL_COLD_S)}
V2=${V2:-$(verdict "$extra" $GOAL_WARM_EXTRA_S)}
V3=${V3:-$(verdict "$rss" $GOAL_RSS_MB)}
cat >&2 <<EOF

== photo benchmark summary ($POSTS photos of 12 MP, $photo_mb MB; $(nproc) cores; median of $REPS)
   cold     ${cold} s      peak RSS ${RSS_MAX[cold]} MB
   warm     ${warm} s      peak RSS ${RSS_MAX[warm]} MB
   nophoto  ${base} s      peak RSS ${RSS_MAX[nophoto]} MB
   $V1  cold build under ${GOAL_COLD_S} s (on the 2-core machine): ${cold} s
   $V2  warm build under ${GOAL_WARM_EXTRA_S} s more than without photos: +${extra} s
   $V3  peak memory under ${GOAL_RSS_MB} MB: ${rss} MB
EOF
[ $failed -eq 0 ] || { echo "!! a build failed (logs in $LOGDIR)" >&2; exit 1; }
