"""Shared helpers for the acceptance suite: finding the binary, running builds,
walking the built site and pulling URLs out of HTML and CSS."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]

# The build's clock: decides which posts are "in the future". Always pinned.
NOW = "2026-11-23T12:00:00Z"
BASE_URL = "https://puentes.example.org/"

BUILD_TIMEOUT = 180  # seconds; a debug build of the example site takes well under 1 s
SUMMARY_RE = re.compile(
    r"^Built [\d,]+ pages?(, [\d,]+ feeds? and [\d,]+ calendars?| and [\d,]+ feeds?) in \d+(\.\d+)? s"
    r"(; [\d,]+ images? stripped of metadata \([\d,]+ processed, [\d,]+ from cache\))?"
    r"(; left out [\d,]+ drafts? \(--drafts\)( and [\d,]+ posts? dated after now \(--future\)"
    r", the furthest \S+, dated \d{4}-\d{2}-\d{2})?"
    r"|; left out [\d,]+ posts? dated after now \(--future\), the furthest \S+, dated \d{4}-\d{2}-\d{2})?"
    r"(; [\d,]+ warnings?)?$")


def utf8_env() -> dict[str, str]:
    """The caller's environment with a UTF-8 locale, for Java and Chromium
    (term folders like `niñez-migrante` have non-ASCII names)."""
    env = dict(os.environ)
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def broadside_bin() -> Path:
    """The binary under test; fails the test (never skips) when it is missing."""
    raw = os.environ.get("BROADSIDE_BIN") or str(REPO / ".build/debug/broadside")
    path = Path(raw)
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"broadside binary not found or not executable at {path}\n"
            f"Build it first (`swift build --product broadside` in {REPO}), "
            f"or point BROADSIDE_BIN at it; `make test` does both.",
            pytrace=False,
        )
    return path


def source_dir() -> Path:
    """The site to build: the example site at the repository root
    (BROADSIDE_SOURCE may point elsewhere while developing the suite)."""
    path = Path(os.environ.get("BROADSIDE_SOURCE") or REPO).resolve()
    if not (path / "site.yml").is_file():
        pytest.fail(f"no site.yml in {path}: the example site is missing", pytrace=False)
    return path


def run_build(source: Path, output: Path, *extra: str, cwd: Path | None = None,
              base_url: str = BASE_URL, now: str = NOW, env: dict[str, str] | None = None,
              prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """`prefix` goes before the binary (e.g. `taskset -c 0`); `env` replaces the environment."""
    cmd = [*prefix, str(broadside_bin()), "build", "--source", str(source), "--output", str(output),
           "--base-url", base_url, "--now", now, *extra]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=BUILD_TIMEOUT,
                              cwd=str(cwd or output.parent), stdin=subprocess.DEVNULL, env=env)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{' '.join(cmd)}` did not finish in {BUILD_TIMEOUT} s\n"
                    f"stdout: {exc.stdout}\nstderr: {exc.stderr}", pytrace=False)


def describe(proc: subprocess.CompletedProcess) -> str:
    return (f"command: {' '.join(map(str, proc.args))}\nexit code: {proc.returncode}\n"
            f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}")


def build_ok(source: Path, output: Path, *extra: str, **kw) -> subprocess.CompletedProcess:
    """Build and insist on the success contract: exit 0, a one-line summary on
    stdout, nothing but warnings on stderr, and the output folder exists."""
    proc = run_build(source, output, *extra, **kw)
    assert proc.returncode == 0, "build failed\n" + describe(proc)
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1 and SUMMARY_RE.match(lines[0]), (
        "stdout should be one line like `Built 63 pages, 2 feeds and 3 calendars in 0.12 s`\n" + describe(proc))
    errors = [l for l in proc.stderr.splitlines() if l.startswith("error:")]
    assert not errors, "exit 0 but errors on stderr\n" + describe(proc)
    assert output.is_dir(), f"build exited 0 but wrote no {output}"
    return proc


def copy_source(source: Path, dest: Path) -> Path:
    """A copy of the example site, without the repository's build products."""
    ignore = shutil.ignore_patterns(".build", ".build-*", ".git", "site", "site.*", "Sources",
                                    "Tests", ".ci", ".swiftpm", "__pycache__", ".venv")
    shutil.copytree(source, dest, ignore=ignore, symlinks=True)
    return dest


# A newsletter edition's e-mail and its body alone are messages for mail clients, not pages of
# the site: every address in them absolute, no stylesheet; test_newsletter.py checks them.
EMAIL_FILES = ("email.html", "fragment.html")


def html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.is_file() and p.name not in EMAIL_FILES)


def css_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.css") if p.is_file())


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root, by POSIX relative path, with its bytes
    (symlinks and empty folders are recorded too)."""
    out: dict[str, bytes] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_symlink():
            out[rel + " -> (symlink)"] = os.readlink(p).encode()
        elif p.is_dir():
            if not any(p.iterdir()):
                out[rel + "/ (empty folder)"] = b""
        else:
            out[rel] = p.read_bytes()
    return out


def url_path_to_file(site: Path, url: str, prefix: str = "") -> Path | None:
    """Where a root-relative URL lands in the output folder, following the
    server convention `/x/` -> `/x/index.html`. None if it leaves the prefix."""
    path = urlsplit(url).path
    path = unquote(path, encoding="utf-8", errors="strict")
    if prefix:
        if not (path + "/").startswith(prefix.rstrip("/") + "/"):
            return None
        path = path[len(prefix.rstrip("/")):] or "/"
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


# ---------------------------------------------------------------- HTML scanning

# Attributes whose URL the browser fetches as soon as the page loads.
FETCH_ATTRS = {"src", "poster", "data", "background"}
SRCSET_ATTRS = {"srcset", "imagesrcset"}
# <link rel=...> values that never make the browser fetch the href.
NON_FETCH_RELS = {"alternate", "canonical", "author", "license", "me", "next", "prev",
                  "help", "bookmark", "external", "nofollow", "noopener", "noreferrer",
                  "search", "tag", "webmention", "pingback", "shortlink"}

EXTERNAL_RE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL_RE = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)""", re.I | re.S)
CSS_IMPORT_RE = re.compile(r"""@import\s+(['"])(.*?)\1""", re.I)


def srcset_urls(value: str) -> list[str]:
    urls = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            urls.append(parts[0])
    return urls


def css_urls(text: str) -> list[str]:
    return [m.group(2).strip() for m in CSS_URL_RE.finditer(text)] + \
           [m.group(2).strip() for m in CSS_IMPORT_RE.finditer(text)]


class PageScan(HTMLParser):
    """Collects from one HTML page:
    - fetched: (what, url) for every URL the browser loads with the page
    - links:   (what, url) for every navigational URL (a/area href, link href)
    - text:    the visible text
    - title:   the <title> text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[tuple[str, str]] = []
        self.links: list[tuple[str, str]] = []
        self.link_tags: list[tuple[set[str], str]] = []
        self.ids: set[str] = set()
        self._text: list[str] = []
        self._title: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        for k, v in a.items():
            if k in FETCH_ATTRS:
                self.fetched.append((f"<{tag} {k}>", v))
            elif k in SRCSET_ATTRS:
                self.fetched.extend((f"<{tag} {k}>", u) for u in srcset_urls(v))
            elif k == "style":
                self.fetched.extend((f"<{tag} style> url()", u) for u in css_urls(v))
        if tag in ("a", "area") and "href" in a:
            self.links.append((f"<{tag} href>", a["href"]))
        if tag == "link" and "href" in a:
            rels = set(a.get("rel", "").lower().split())
            self.link_tags.append((rels, a["href"]))
            if rels and rels <= NON_FETCH_RELS:
                self.links.append((f"<link rel={a.get('rel')} href>", a["href"]))
            else:
                self.fetched.append((f"<link rel={a.get('rel')} href>", a["href"]))
        if tag in ("use", "image", "feimage"):
            for k in ("href", "xlink:href"):
                if k in a:
                    self.fetched.append((f"<{tag} {k}>", a[k]))
        if tag not in ("br", "img", "meta", "link", "input", "hr", "source", "wbr", "area",
                       "base", "col", "embed", "track"):
            self._in.append(tag)

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if "style" in self._in:
            self.fetched.extend(("<style> url()", u) for u in css_urls(data))
        elif "title" in self._in:
            self._title.append(data)
        elif "script" not in self._in:
            self._text.append(data)

    @property
    def text(self) -> str:
        return squash(" ".join(self._text))

    @property
    def title(self) -> str:
        return squash("".join(self._title))


def scan(path_or_text) -> PageScan:
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    s = PageScan()
    s.feed(text)
    s.close()
    return s


def squash(s: str) -> str:
    return " ".join(s.split())


def is_external(url: str) -> bool:
    return bool(EXTERNAL_RE.match(url))


def is_root_relative(url: str) -> bool:
    return url.startswith("/") and not url.startswith("//")


def run(cmd, timeout: float, **kw) -> subprocess.CompletedProcess:
    """subprocess.run with captured text output, no stdin, a UTF-8 locale and a
    timeout that fails the test instead of hanging the suite."""
    kw.setdefault("env", utf8_env())
    try:
        return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=timeout, stdin=subprocess.DEVNULL, **kw)
    except FileNotFoundError as exc:
        pytest.fail(f"{cmd[0]} is not installed ({exc}); `make test-deps` installs it",
                    pytrace=False)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"`{' '.join(map(str, cmd))}` timed out after {timeout} s\n"
                    f"stdout: {exc.stdout}\nstderr: {exc.stderr}", pytrace=False)


def tool(name: str) -> str:
    """A command from the suite's virtualenv (its bin/ is not on PATH when
    pytest is started as .build/venv/bin/pytest), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    return shutil.which(name) or name


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_request(self, code="-", size="-"):
        self.server.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def file_server(folder: Path):
    """A plain file server for `folder` on 127.0.0.1, stopped on leaving; its `requests` are
    (path, status) as they came."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(folder)))
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def address(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"
