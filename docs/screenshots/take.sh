#!/usr/bin/env bash
# docs/screenshots/take.sh BROADSIDE: the example site built with BROADSIDE, served by a plain
# file server on 127.0.0.1 for the time it takes, and photographed by headless Chromium at a
# phone's width (390 px) and a desktop's (1280 px). Writes docs/screenshots/<page>-<width>.png.
# Each page's scripts get five seconds of the browser's virtual time (the search page's results).
# Chromium resolves no name but 127.0.0.1: the pictures show what a page makes of itself.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
broadside=${1:?usage: take.sh path/to/broadside}
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The e-mail's addresses are absolute: built for this server, its photos show.
"$broadside" build --source "$root" --output "$work/site" --base-url "http://127.0.0.1:$port/" --now 2026-11-20T12:00:00Z --quiet
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" > /dev/null 2>&1 &
server=$!
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break; sleep 0.1; done
shoot() { # name path width height
  timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
    --virtual-time-budget=5000 --window-size="$3,$4" --screenshot="$here/$1-$3.png" "http://127.0.0.1:$port$2" 2> /dev/null
  echo "docs/screenshots/$1-$3.png"
}
while read -r name path; do
  shoot "$name" "$path" 390 844
  shoot "$name" "$path" 1280 900
done <<'PAGES'
home /
post /posts/court-watch-week-one/
report /posts/court-watch-report-fall-2026/
event /posts/community-assembly-and-potluck/
spanish /es/conoce-tus-derechos/
search /es/buscar/?q=audiencia
PAGES
# A newsletter edition as a mail client on a phone (375) and at its own width (600) draws it,
# light and dark (Blink's preferredColorScheme 0 is dark).
for scheme in light dark; do
  flag=$([ "$scheme" = dark ] && echo "--blink-settings=preferredColorScheme=0" || echo "--blink-settings=preferredColorScheme=1")
  for width in 375 600; do
    timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run "$flag" \
      --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \
      --window-size="$width,1100" --screenshot="$here/email-$scheme-$width.png" "http://127.0.0.1:$port/newsletter/2026-w38/email.html" 2> /dev/null
    echo "docs/screenshots/email-$scheme-$width.png"
  done
done
