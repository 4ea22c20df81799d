"""Progress on a terminal: a build that takes more than a second shows its stages and counts
on standard error as they end; the same build into a pipe says nothing but its closing line."""

from __future__ import annotations

import os
import pty
import subprocess
import time

import pytest

import support

POSTS = 12000


def make_big_site(root):
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    for n in range(POSTS):
        (posts / f"p{n:05}.md").write_text(
            f"---\ntitle: \"Dispatch {n}\"\ndate: 2026-{1 + n % 9:02}-{1 + n % 28:02}\ntags: [t{n % 40}]\n---\n"
            f"Paragraph {n} with *emphasis* and a [link](https://example.org/{n}).\n", encoding="utf-8")


def test_a_long_build_shows_its_stages_on_a_terminal_and_only_its_summary_in_a_pipe(tmp_path):
    src = tmp_path / "src"
    make_big_site(src)
    cmd = [str(support.broadside_bin()), "build", "--source", str(src), "--output", str(tmp_path / "out"),
           "--now", "2026-11-01"]

    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert piped.returncode == 0, support.describe(piped)
    assert piped.stderr == "", support.describe(piped)
    assert piped.stdout.startswith(f"Built "), support.describe(piped)

    # Into another folder: into the same one, nothing changed would make it a build of no stages.
    cmd[cmd.index("--output") + 1] = str(tmp_path / "out2")
    leader, follower = pty.openpty()
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL)
    os.close(follower)
    err = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
    out = proc.stdout.read().decode()
    proc.wait(timeout=600)
    elapsed = time.monotonic() - started
    os.close(leader)
    assert proc.returncode == 0, err.decode()
    if elapsed < 1.5:
        pytest.skip(f"the build took {elapsed:.2f} s: too quick for progress lines to be due")
    text = err.decode().replace("\r\n", "\n")
    # The first build parsed every post; this one takes them as the cache kept them.
    assert f"  load: {POSTS} posts, {POSTS} as the cache kept them (" in text, text
    assert f"  resolve: {POSTS} published posts (" in text, text
    assert "  render and write: " in text, text
    assert out.startswith("Built "), out
