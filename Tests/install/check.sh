#!/bin/sh
# make install-check: install into a temporary PREFIX, then start a site with nothing but the
# installed binary, as an editor would: init, new, build. The binary must not need the Swift
# toolchain's libraries, so it runs with an emptied environment and its needs are read off it.
set -eu
make=${MAKE:-make}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/broadside-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install-check: $*" >&2; exit 1; }

$make --no-print-directory install PREFIX="$tmp/prefix" >/dev/null
bin="$tmp/prefix/bin/broadside"
[ -x "$bin" ] || fail "make install did not write $bin"

# Nothing of Swift's runtime or Foundation may be a shared library the binary looks for.
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
case "$needed" in *swift*|*Foundation*|*dispatch*|*BlocksRuntime*|*icu*) fail "the binary needs toolchain libraries: $needed";; esac
if readelf -d "$bin" | grep -E 'R(UN)?PATH' | grep -q '/'; then
    fail "the binary looks for libraries in a folder: $(readelf -d "$bin" | grep -E 'R(UN)?PATH')"
fi

run() { env -i HOME="$tmp" PATH="$tmp/prefix/bin:/usr/bin:/bin" LANG=C "$@"; }
cd "$tmp"
run broadside --help | grep -q "init" || fail "broadside --help does not list init"
run broadside init newsite >/dev/null || fail "broadside init failed"
cd newsite
out=$(run broadside new dispatch "Vigil tonight at the fence") || fail "broadside new failed"
echo "$out" | grep -q "content/posts/vigil-tonight-at-the-fence.md" || fail "broadside new did not print the path: $out"
run broadside build --drafts >/dev/null || fail "broadside build failed"
[ -f site/posts/vigil-tonight-at-the-fence/index.html ] || fail "the new post was not built"
grep -q "Vigil tonight at the fence" site/posts/vigil-tonight-at-the-fence/index.html || fail "the page lacks its title"
[ -f site/index.html ] && [ -f site/feed.xml ] || fail "no home page or feed"
echo "install-check: make install PREFIX=<tmp>, then init, new and build with nothing else: OK ($needed)"
