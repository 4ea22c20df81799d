#!/bin/sh
# make install-check: install into a temporary PREFIX, then start a site with nothing but the
# installed binary, as an editor would: init, new, build. The binary must not need the Swift
# toolchain's libraries, so it runs with an emptied environment and its needs are read off it.
set -eu
make=${MAKE:-make}
repo=$(pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/broadside-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install-check: $*" >&2; exit 1; }

$make --no-print-directory install PREFIX="$tmp/prefix" >/dev/null
bin="$tmp/prefix/bin/broadside"
[ -x "$bin" ] || fail "make install did not write $bin"

# Nothing of Swift's runtime or Foundation may be a shared library the binary looks for.
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
case "$needed" in *swift*|*Foundation*|*dispatch*|*BlocksRuntime*|*icu*) fail "the binary needs toolchain libraries: $needed";; esac
# Only the runtime libraries the Makefile documents (RUNTIME_LIBS).
for lib in $needed; do
    case " ${RUNTIME_LIBS:-} " in *" $lib "*) ;; *) fail "the binary needs $lib, which is not among its documented runtime libraries: ${RUNTIME_LIBS:-}";; esac
done
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
# A phone photo with its GPS position: published stripped by the installed binary alone.
mkdir -p static/images
cp "$repo/Tests/BroadsideTests/Fixtures/images/phone.jpg" static/images/phone.jpg
run broadside build --drafts >/dev/null || fail "broadside build failed"
[ -f site/images/phone.jpg ] || fail "the photo was not published"
if grep -q "Exif" site/images/phone.jpg || grep -q "PhoneCo" site/images/phone.jpg; then fail "the published photo kept its EXIF"; fi
[ -f site/posts/vigil-tonight-at-the-fence/index.html ] || fail "the new post was not built"
grep -q "Vigil tonight at the fence" site/posts/vigil-tonight-at-the-fence/index.html || fail "the page lacks its title"
[ -f site/index.html ] && [ -f site/feed.xml ] || fail "no home page or feed"
echo "install-check: make install PREFIX=<tmp>, then init, new and build with nothing else: OK ($needed)"
