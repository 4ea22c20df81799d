"""Issue 13's big files, with the real binary: a 2 GB attachment is published under a limit of
1 GB of address space (before, the build read it whole twice, needed 4 GB and died with an
allocator message), and a post or an image far above its bound is an error that names the
file and its size, the previous site left as it was.

The big files are sparse (made with truncate), so they take no disk and no time to make; a file
system that cannot make holes skips the tests. Each run is bounded in time by its subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import support

GB = 1 << 30
TIMEOUT = 120  # seconds; each build below takes well under one

REPORT = ('---\ntitle: "Court Watch Report"\ndate: 2026-10-01\nkind: report\n'
          'attachments:\n  - file: report.pdf\n    label: "The full report"\n---\nThe full report is attached.\n')
GOOD = '---\ntitle: "A"\ndate: 2026-10-01\n---\nBody.\n'


def make_site(tmp_path: Path, posts: dict[str, str]) -> Path:
    site = tmp_path / "site-src"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "themes").symlink_to(support.REPO / "themes")
    (site / "site.yml").write_text('base_url: "https://example.org/"\n', encoding="utf-8")
    for name, text in posts.items():
        path = site / "content" / "posts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return site


def sparse(path: Path, size: int, head: bytes = b"", tail: bytes = b"") -> None:
    """A file of `size` bytes that takes no disk; skips the test where holes cannot be made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        file.truncate(size)
        file.write(head)
        if tail:
            file.seek(size - len(tail))
            file.write(tail)
    if os.stat(path).st_blocks * 512 > size // 2:
        path.unlink()
        pytest.skip(f"the file system of {path.parent} cannot make sparse files")


def build(site: Path, out: Path, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    cmd = [*prefix, str(support.broadside_bin()), "build", "--source", str(site), "--output", str(out), "--now", support.NOW]
    return support.run(cmd, timeout=TIMEOUT, env=env)


def head_of(path: Path, count: int, offset: int = 0) -> bytes:
    with open(path, "rb") as file:
        file.seek(offset)
        return file.read(count)


def test_a_2_gb_attachment_is_published_under_1_gb_of_address_space(tmp_path):
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        pytest.skip("no prlimit (util-linux) to limit the build's memory")
    site = make_site(tmp_path, {"report/index.md": REPORT})
    head, tail = b"%PDF-1.7\n", b"\n%%EOF\n"
    sparse(site / "content/posts/report/report.pdf", 2 * GB, head, tail)
    out = tmp_path / "out"
    # Address space, not resident memory: what malloc of a file's size runs into first.
    proc = build(site, out, prefix=(prlimit, f"--as={1 * GB}"))
    assert proc.returncode == 0 and "error" not in proc.stderr, support.describe(proc)
    published = out / "posts/report/report.pdf"
    assert published.stat().st_size == 2 * GB
    assert head_of(published, len(head)) == head
    assert head_of(published, len(tail), 2 * GB - len(tail)) == tail
    assert head_of(published, 4096, GB) == bytes(4096)
    assert 'href="/posts/report/report.pdf"' in (out / "posts/report/index.html").read_text(encoding="utf-8")


def test_the_peak_memory_of_a_build_with_a_2_gb_attachment_is_small(tmp_path):
    time = Path("/usr/bin/time")
    if not time.is_file():
        pytest.skip("no GNU time (/usr/bin/time) to measure the peak memory")
    site = make_site(tmp_path, {"report/index.md": REPORT})
    sparse(site / "content/posts/report/report.pdf", 2 * GB, b"%PDF-1.7\n")
    proc = build(site, tmp_path / "out", prefix=(str(time), "-v"))
    assert proc.returncode == 0, support.describe(proc)
    peak = [line for line in proc.stderr.splitlines() if "Maximum resident set size" in line]
    assert peak, support.describe(proc)
    kilobytes = int(peak[0].rsplit(":", 1)[1])
    # About 50 MB measured; before, 4.2 GB.
    assert kilobytes < 300_000, f"peak resident memory {kilobytes // 1000} MB\n" + support.describe(proc)


def test_a_post_of_2_gb_is_an_error_naming_it_and_its_size(tmp_path):
    site = make_site(tmp_path, {"a.md": GOOD})
    out = tmp_path / "out"
    first = build(site, out)
    assert first.returncode == 0, support.describe(first)
    before = support.tree(out)
    sparse(site / "content/posts/huge.md", 2_100_000_000, b"---\n")
    prlimit = shutil.which("prlimit")
    proc = build(site, out, prefix=(prlimit, f"--as={1 * GB}") if prlimit else ())
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stderr == (
        "error: content/posts/huge.md: this file is 2.1 GB; a post can be at most 16 MB\n"
        "  hint: a post is text: put large files beside it as attachments, or split it into several posts\n"
        "Build failed with 1 error; nothing was written.\n"
    ), support.describe(proc)
    assert support.tree(out) == before, "the failed build changed the previous site"


def test_an_image_of_2_gb_is_refused_naming_it_and_its_size(tmp_path):
    site = make_site(tmp_path, {"a/index.md": GOOD.replace("---\nBody", 'image: photo.jpg\nimage_alt: "A photo"\n---\nBody')})
    sparse(site / "content/posts/a/photo.jpg", 2 * GB, bytes([0xFF, 0xD8, 0xFF, 0xE0]))
    proc = build(site, tmp_path / "out")
    assert proc.returncode == 1, support.describe(proc)
    assert ("error: content/posts/a/photo.jpg: this image is 2.1 GB; Broadside opens images of at most 200 MB\n"
            "  hint: export it smaller (at most 8000 pixels on its longest side, as JPEG) before adding it "
            "(the featured image of content/posts/a/index.md)\n") in proc.stderr, support.describe(proc)
    assert not (tmp_path / "out").exists()
