"""Debian's Chromium, headless, opens built pages.

- DOM checks open the files through file:// URLs (root-relative links do not
  resolve there; only the DOM is checked).
- The screenshot is taken through a throw-away HTTP server on 127.0.0.1 so that
  the theme's CSS loads, and the server's log shows which requests failed.
Chromium's host resolver maps every name but 127.0.0.1 to "not found": the
browser cannot reach outside this machine whatever a page asks for."""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from pathlib import Path

import pytest

import support

TIMEOUT = 120
WINDOW = (1280, 1600)


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    counter = iter(range(1000))

    def run(*args: str):
        profile = base / f"profile-{next(counter)}"  # fresh profile for every run
        cmd = ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
               f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check",
               "--disable-extensions", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-pings",
               "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
               *args]
        proc = support.run(cmd, timeout=TIMEOUT, cwd=base)
        assert proc.returncode == 0, "chromium failed\n" + support.describe(proc)
        return proc

    run.dir = base
    return run


def dom(chromium, page: Path) -> support.PageScan:
    proc = chromium("--dump-dom", page.as_uri())
    assert "<html" in proc.stdout.lower(), \
        f"chromium dumped no DOM for {page.as_uri()}\n" + support.describe(proc)
    return support.scan(proc.stdout)


def test_home_page_dom_shows_site_title(chromium, site, site_title):
    page = dom(chromium, site / "index.html")
    want = support.squash(site_title)
    assert want in page.text or want in page.title, (
        f"site title {want!r} not in the home page's DOM\n"
        f"<title>: {page.title!r}\ntext: {page.text[:600]!r}")


def test_post_page_dom_shows_post_title(chromium, site, feed):
    assert feed.entries, "the feed has no entries to pick a post from"
    entry = feed.entries[0]
    file = support.url_path_to_file(site, "/" + entry.link[len(support.BASE_URL):])
    assert file.is_file(), f"newest post {entry.link} has no page at {file}"
    page = dom(chromium, file)
    want = support.squash(entry.title)
    assert want in page.text, (
        f"post title {want!r} not in the text of {file.relative_to(site)} as Chromium sees it\n"
        f"<title>: {page.title!r}\ntext: {page.text[:600]!r}")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def png_ink(path: Path) -> float:
    """Share of pixels that differ from the most common colour, for the 8-bit
    RGB/RGBA non-interlaced PNGs Chromium writes (a small decoder: no Pillow)."""
    data = path.read_bytes()
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, ctype, _, _, interlace = header
    assert depth == 8 and ctype in (2, 6) and interlace == 0, f"unexpected PNG format {header}"
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    prev, counts = bytearray(stride), Counter()
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            if ftype == 1:
                line[i] = (line[i] + a) & 255
            elif ftype == 2:
                line[i] = (line[i] + b) & 255
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif ftype == 4:
                c = prev[i - bpp] if i >= bpp else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        counts.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return 1 - counts.most_common(1)[0][1] / (width * height)


def test_home_page_screenshot(chromium, served_site):
    host, port = served_site.server_address[:2]
    shot = chromium.dir / "home.png"
    size = f"--window-size={WINDOW[0]},{WINDOW[1]}"
    served_site.requests.clear()
    chromium(size, "--hide-scrollbars", f"--screenshot={shot}", f"http://{host}:{port}/")
    print(f"screenshot of the home page: {shot}")

    assert shot.is_file(), f"chromium wrote no screenshot at {shot}"
    assert png_size(shot) == WINDOW, f"screenshot is {png_size(shot)}, expected {WINDOW}"
    ink = png_ink(shot)
    assert ink > 0.002, (f"only {ink:.2%} of the screenshot {shot} differs from its background "
                         f"colour: is the home page blank?")

    requests = list(served_site.requests)
    assert ("/", 200) in requests, f"the server never served the home page: {requests}"
    css = [(p, c) for p, c in requests if p.split("?")[0].endswith(".css")]
    assert css and all(c == 200 for _, c in css), \
        f"the home page's stylesheet did not load: requests {requests}"
    failed = [(p, c) for p, c in requests
              if c >= 400 and not p.startswith("/images/") and p != "/favicon.ico"]
    assert not failed, f"requests from the home page that failed: {failed}"
