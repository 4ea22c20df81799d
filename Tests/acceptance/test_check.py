"""`broadside check` through the real command line: a site with problems gets each one at its
file, line and column with the line quoted, exit status 1 and nothing written anywhere; the
example site in content/ is clean."""

from __future__ import annotations

import subprocess

import support

POSTS = {
    # CRLF line ends and a link after the front matter: line 7, column 9 in the file.
    "content/posts/court-watch.md": (
        "---\r\ntitle: \"Court watch\"\r\ndate: 2026-10-01\r\ncategories: [\"Advocacy\"]\r\n---\r\n"
        "First week.\r\n"
        "Read the [report](/posts/court-wach/) and [the card](/files/card.pdf#page=2).\r\n"
    ),
    "content/posts/vigil.md": (
        "---\ntitle: \"Vigil\"\ndate: 2026-10-02\ncategories: [\"Advocacy\"]\n---\n"
        "Photos: ![](candles.jpg)\n\n[Back](../court-watch/)\n"
    ),
    "content/posts/appeal.md": (
        "---\ntitle: \"Appeal\"\ndate: 2026-10-03\ndraft: true\ncategories: [\"Fundraising\"]\n---\nGive.\n"
    ),
    "static/files/card.pdf": "%PDF-1.4\n",
}


def make_site(root, files):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode("utf-8"))


def run_check(source, *extra):
    cmd = [str(support.broadside_bin()), "check", "--source", str(source), "--now", support.NOW, *extra]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=support.BUILD_TIMEOUT,
                          cwd=str(source), stdin=subprocess.DEVNULL)


def test_a_site_with_problems(tmp_path):
    src = tmp_path / "src"
    make_site(src, POSTS)
    before = support.tree(src)
    proc = run_check(src)
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stdout == "", support.describe(proc)
    assert (
        "warning: content/posts/court-watch.md:7:10: the link /posts/court-wach/ goes to a page the site does not have\n"
        "  |\n"
        " 7 | Read the [report](/posts/court-wach/) and [the card](/files/card.pdf#page=2).\n"
        "  |          ^\n"
        "  hint: did you mean /posts/court-watch/? Link a post as /posts/ and its file name without .md, "
        "such as /posts/vigil-tonight/, and a file of static/ by its path below static/, such as /files/report.pdf; "
        "a draft or a post dated later has no page until it is published\n"
    ) in proc.stderr, support.describe(proc)
    assert (
        "error: content/posts/vigil.md:6:9: the image candles.jpg, at /posts/vigil/candles.jpg, is not a file of the site\n"
        "  |\n"
        " 6 | Photos: ![](candles.jpg)\n"
        "  |         ^\n"
    ) in proc.stderr, support.describe(proc)
    assert (
        "warning: content/posts/vigil.md:6:9: the image candles.jpg has no alt text, so readers who cannot see it learn nothing from it\n"
    ) in proc.stderr, support.describe(proc)
    assert (
        "warning: content/posts/appeal.md:5:1: the category \"Fundraising\" is empty: no published post has it, only drafts such as this one\n"
    ) in proc.stderr, support.describe(proc)
    assert proc.stderr.endswith("Found 1 error and 3 warnings in 2 posts.\n"), support.describe(proc)
    # The relative link and the link with a fragment resolve: not reported.
    findings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert not [line for line in findings if "court-watch/" in line or "card.pdf" in line], support.describe(proc)
    # Built in memory: no site/, nothing changed in the site's folder.
    assert support.tree(src) == before


def test_drafts_are_checked_as_published(tmp_path):
    src = tmp_path / "src"
    make_site(src, POSTS)
    proc = run_check(src, "--drafts")
    assert proc.returncode == 1, support.describe(proc)
    assert "Fundraising" not in proc.stderr, support.describe(proc)
    assert proc.stderr.endswith("Found 1 error and 2 warnings in 3 posts.\n"), support.describe(proc)


def test_a_clean_site_says_so(tmp_path):
    src = tmp_path / "src"
    make_site(src, {"content/posts/a.md": "---\ntitle: \"A\"\ndate: 2026-10-01\n---\nSee [B](/posts/b/).\n",
                    "content/posts/b.md": "---\ntitle: \"B\"\ndate: 2026-10-02\n---\nBody.\n"})
    proc = run_check(src)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "No problems found in 2 posts\n", ""), support.describe(proc)


def test_errors_of_the_build_are_findings(tmp_path):
    src = tmp_path / "src"
    make_site(src, {"content/posts/a.md": "---\ntitle: \"A\"\ndate: 2026-10-01\nkind: dispach\n---\nBody.\n"})
    proc = run_check(src)
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stderr.startswith("error: content/posts/a.md:4:7: unknown kind \"dispach\"\n"), support.describe(proc)
    assert proc.stderr.endswith("Found 1 error.\n"), support.describe(proc)
    assert not (src / "site").exists()


def test_the_example_site_is_clean(source):
    proc = run_check(source)
    assert (proc.returncode, proc.stderr) == (0, ""), support.describe(proc)
    # The vigil photo was taken with a phone that recorded where: the editor hears it, and
    # it is no problem (exit 0), since no published copy keeps it.
    assert proc.stdout == ("note: content/posts/candles-at-the-fence/candles.jpg had a GPS position: removed from every published copy\n"
                           "No problems found in 33 posts and 4 pages\n"), support.describe(proc)
