"""The theme built into the binary: a folder with nothing but content/posts/ builds with
it, and `broadside theme eject` writes it into themes/default/ byte for byte."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
from pathlib import Path

import support
from support import NOW, REPO

POST = '---\ntitle: "Vigil Tonight"\ndate: 2026-11-20\n---\nBring a candle and a friend.\n'


def run(binary: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary), *args], cwd=str(cwd), capture_output=True, text=True, encoding="utf-8",
                          timeout=support.BUILD_TIMEOUT, stdin=subprocess.DEVNULL)


def bare_site(tmp_path: Path) -> Path:
    folder = tmp_path / "newsletter"
    (folder / "content/posts").mkdir(parents=True)
    (folder / "content/posts/a.md").write_text(POST, encoding="utf-8")
    return folder


def theme_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_a_folder_with_only_posts_builds_with_the_built_in_theme(tmp_path):
    folder = bare_site(tmp_path)
    # A copy of the binary alone in another folder: the theme must be inside it, not beside it.
    lonely = tmp_path / "bin" / "broadside"
    lonely.parent.mkdir()
    shutil.copy2(support.broadside_bin(), lonely)
    proc = run(lonely, "build", "--now", NOW, cwd=folder)
    assert proc.returncode == 0, support.describe(proc)
    assert support.SUMMARY_RE.match(proc.stdout.strip()), support.describe(proc)
    assert proc.stderr == ("warning: site.yml: the site has no base_url, so its feeds link to http://localhost/, its pages have no share cards and it has no sitemap\n"
                           '  hint: set base_url: "https://your.org/" in site.yml, or pass --base-url\n'), support.describe(proc)
    page = (folder / "site/posts/a/index.html").read_text(encoding="utf-8")
    assert '<link rel="stylesheet" href="/css/style.css">\n' in page
    assert '<article class="post">\n<header class="post-header">\n<h1 dir="auto">Vigil Tonight</h1>\n' in page
    assert (folder / "site/css/style.css").read_bytes() == (REPO / "themes/default/static/css/style.css").read_bytes()
    assert not (folder / "themes").exists()


def test_eject_writes_the_theme_and_refuses_a_second_time(tmp_path):
    folder = bare_site(tmp_path)
    proc = run(support.broadside_bin(), "theme", "eject", cwd=folder)
    assert proc.returncode == 0, support.describe(proc)
    count = len(theme_files(REPO / "themes/default"))
    assert proc.stdout == (f"Wrote the built-in theme into themes/default/ ({count} files); "
                           "the site now uses that folder: edit it to change how the site looks.\n")
    ejected = folder / "themes/default"
    assert theme_files(ejected) == theme_files(REPO / "themes/default")
    _, mismatch, errors = filecmp.cmpfiles(REPO / "themes/default", ejected, theme_files(ejected), shallow=False)
    assert mismatch == [] and errors == []

    # The site builds from the folder now: an edit there is published.
    (ejected / "static/css/style.css").write_text("body { color: teal; }\n", encoding="utf-8")
    built = run(support.broadside_bin(), "build", "--now", NOW, "--base-url", "https://example.org/", cwd=folder)
    assert built.returncode == 0, support.describe(built)
    assert (folder / "site/css/style.css").read_text(encoding="utf-8") == "body { color: teal; }\n"

    again = run(support.broadside_bin(), "theme", "eject", "--source", str(folder), cwd=tmp_path)
    assert again.returncode == 1, support.describe(again)
    assert again.stdout == ""
    assert again.stderr.startswith(
        "error: themes/default: this folder already exists, so the built-in theme is not written over it\n"), support.describe(again)
    assert (ejected / "static/css/style.css").read_text(encoding="utf-8") == "body { color: teal; }\n"


def test_eject_outside_a_site_says_so(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run(support.broadside_bin(), "theme", "eject", cwd=empty)
    assert proc.returncode == 1, support.describe(proc)
    assert f"error: {empty.resolve()} is not a Broadside site: it has no site.yml and no content/ folder\n" in proc.stderr
    assert list(empty.iterdir()) == []


def test_a_missing_theme_other_than_default_points_at_the_built_in_one(tmp_path):
    folder = bare_site(tmp_path)
    (folder / "site.yml").write_text('base_url: "https://example.org/"\ntheme: fancy\n', encoding="utf-8")
    proc = run(support.broadside_bin(), "build", "--now", NOW, cwd=folder)
    assert proc.returncode == 1, support.describe(proc)
    assert ('error: themes/fancy: the theme "fancy" is missing: there is no themes/fancy/ folder\n'
            "  hint: remove theme: from site.yml to use the built-in theme, or run `broadside theme eject` and rename "
            "themes/default/ to themes/fancy/ to start a theme of your own from it\n") in proc.stderr
    assert not (folder / "site").exists()
