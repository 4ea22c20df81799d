#!/usr/bin/env bash
# run.sh  --  what a publish sends after one new post, on the shared 10,000-post corpus.
#
# For Broadside (default feeds, then `feeds: [rss]`) and for the newest Hugo (the shared bench's
# site, when ../../../shared/bench/setup.sh has installed it): build the corpus, add one post
# dated after every other (in one category and two tags, as corpus posts are), build again,
# and count the files whose bytes changed and their size (changed.py: what a publish by
# manifest sends; Hugo's numbering from the newest shifts every list page the post is in).
# Then Broadside's publish of that change to OpenSSH's sshd on 127.0.0.1 (internal-sftp, its
# own keys and port, stopped at the end), after an untimed first publish of the whole site.
#
# Goal (issue 18): at most 30 files and 1 MB, no deletions.
# Environment: BROADSIDE (default .build/release/broadside), SSG_BENCH_ROOT (default
# /tmp/ssg-bench), N (default 10000), SFTP=0 to skip the publish. Prints "RESULT k=v ..." lines.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKOUT=$(cd "$HERE/../.." && pwd)
BENCH=$(cd "$CHECKOUT/../shared/bench" && pwd)
ROOT=${SSG_BENCH_ROOT:-/tmp/ssg-bench}
N=${N:-10000}
BIN=${BROADSIDE:-$CHECKOUT/.build/release/broadside}
HUGO=${HUGO:-$ROOT/hugo-venv/bin/hugo}
[ -x "$BIN" ] || { echo "no broadside binary at $BIN (swift build -c release)" >&2; exit 2; }
CORPUS=$ROOT/corpus-$N
[ -d "$CORPUS/content/posts" ] || python3 "$BENCH/gen_corpus.py" --posts "$N" --out "$CORPUS" --seed 42 >&2
WORK=$ROOT/publish-$N
rm -rf "$WORK"; mkdir -p "$WORK"

# The post both benchmarks add (bench/new-post.md): dated after every post of the corpus.
NEW_POST=$(< "$CHECKOUT/bench/new-post.md")$'\n'

report() {  # tool before after
    local out
    out=$(python3 "$HERE/changed.py" "$2" "$3" --list)
    echo "RESULT bench=publish tool=$1 n=$N ${out%%$'\n'*}"
    printf '%s\n' "$out" | tail -n +2
}

broadside_site() {  # folder, site.yml text
    mkdir -p "$1/content"
    cp -al "$CORPUS/content/posts" "$1/content/posts"
    ln -s "$CHECKOUT/themes" "$1/themes"
    printf '%s' "$2" > "$1/site.yml"
}

# The corpus links images it does not have: thousands of warnings, kept in a log.
build() { "$BIN" build --source "$1" --output "$2" --now 2026-12-01T00:00:00Z > "$WORK/build.log" 2>&1 || { tail -n 20 "$WORK/build.log" >&2; exit 1; }; }

# The next day's post: the first one crosses the corpus's round 10,000 (a new sitemap part);
# this one shows what an ordinary day sends.
NEXT_POST=${NEW_POST//A New Dispatch from the Border Vigil/The Vigil, Second Night}
NEXT_POST=${NEXT_POST//2026-06-30T09:00/2026-07-01T09:00}

for variant in default rss; do
    site=$WORK/broadside-$variant
    yml=$'title: "Publish bench"\nbase_url: "https://example.org/"\n'
    [ "$variant" = rss ] && yml+=$'feeds: [rss]\n'
    broadside_site "$site" "$yml"
    build "$site" "$WORK/broadside-$variant-before"
    printf '%s' "$NEW_POST" > "$site/content/posts/zz-new-dispatch.md"
    build "$site" "$WORK/broadside-$variant-after"
    report "broadside-feeds-$variant" "$WORK/broadside-$variant-before" "$WORK/broadside-$variant-after"
    printf '%s' "$NEXT_POST" > "$site/content/posts/zz-next-dispatch.md"
    build "$site" "$WORK/broadside-$variant-next"
    report "broadside-feeds-$variant-next-day" "$WORK/broadside-$variant-after" "$WORK/broadside-$variant-next"
    rm "$site/content/posts/zz-next-dispatch.md"
done

if [ -x "$HUGO" ]; then
    mkdir -p "$WORK/hugo-content"
    cp -al "$CORPUS/content/posts" "$WORK/hugo-content/posts"
    cp -r "$BENCH/hugo-site" "$WORK/hugo-site"
    hugo_build() { "$HUGO" --source "$WORK/hugo-site" --contentDir "$WORK/hugo-content" --destination "$1" --cacheDir "$WORK/hugo-cache" --quiet; }
    hugo_build "$WORK/hugo-before"
    printf '%s' "$NEW_POST" > "$WORK/hugo-content/posts/zz-new-dispatch.md"
    hugo_build "$WORK/hugo-after"
    report hugo "$WORK/hugo-before" "$WORK/hugo-after"
else
    echo "hugo: not installed at $HUGO (../../../shared/bench/setup.sh installs it); skipped" >&2
fi

[ "${SFTP:-1}" = 1 ] || exit 0
[ -x /usr/sbin/sshd ] || { echo "sshd: not installed (make test-deps); the publish is skipped" >&2; exit 0; }
keys=$WORK/keys; mkdir -p "$keys" "$WORK/remote" "$WORK/home" /run/sshd
for name in host user; do ssh-keygen -q -t ed25519 -N "" -f "$keys/$name"; done
cp "$keys/user.pub" "$keys/authorized_keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$keys/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $keys/host
PidFile $keys/sshd.pid
AuthorizedKeysFile $keys/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin yes
StrictModes no
UsePAM no
Subsystem sftp internal-sftp
EOF
/usr/sbin/sshd -D -e -f "$keys/sshd_config" 2> "$keys/sshd.log" &
sshd_pid=$!
trap 'kill $sshd_pid 2> /dev/null || true' EXIT
for _ in $(seq 50); do (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null && break; sleep 0.1; done
read -r -a host_key < "$keys/host.pub"
echo "[127.0.0.1]:$port ${host_key[0]} ${host_key[1]}" > "$keys/known_hosts"

site=$WORK/broadside-default
rm -f "$site/content/posts/zz-new-dispatch.md"
printf '\npublish:\n  protocol: sftp\n  host: 127.0.0.1\n  port: %s\n  user: %s\n  folder: %s\n' "$port" "$(id -un)" "$WORK/remote" >> "$site/site.yml"
publish() {
    env -u SSH_AUTH_SOCK -u BROADSIDE_PUBLISH_PASSWORD HOME="$WORK/home" BROADSIDE_PUBLISH_KEY="$keys/user" \
        BROADSIDE_KNOWN_HOSTS="$keys/known_hosts" timeout 3600 "$BIN" publish --source "$site" < /dev/null | tail -n 1
}
build "$site" "$site/site"
first=$(publish)
printf '%s' "$NEW_POST" > "$site/content/posts/zz-new-dispatch.md"
build "$site" "$site/site"
start=$(date +%s.%N)
second=$(publish)
end=$(date +%s.%N)
# The record a publish sends besides the site's files: the changes since the manifest.
record=$(stat -c %s "$WORK/remote/.broadside-publish-changes.json")
manifest=$(stat -c %s "$WORK/remote/.broadside-publish.json")
echo "RESULT bench=publish-sftp n=$N first=\"$first\" new_post=\"$second\" new_post_wall_s=$(awk "BEGIN{printf \"%.2f\", $end - $start}") record_changes_bytes=$record manifest_bytes=$manifest"
