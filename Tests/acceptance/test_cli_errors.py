"""Bad input through the real command line: the exact message an editor reads,
exit status 1, and the previous site left exactly as it was."""

from __future__ import annotations

import pytest

import support

GOOD = "---\ntitle: \"Fine\"\ndate: 2026-10-01\n---\nBody.\n"

CASES = {
    "yaml": (
        {"content/posts/cuts.md": "---\ntitle: Cuts: What's next\ndate: 2026-10-01\n---\nBody.\n"},
        "error: content/posts/cuts.md:2:12: this `:` inside a value that is not in quotes makes YAML read the rest as another key\n"
        "  |\n"
        " 2 | title: Cuts: What's next\n"
        "  |            ^\n"
        "  hint: put the value in double quotes: title: \"Cuts: What's next\"\n",
    ),
    "missing-title": (
        {"content/posts/untitled.md": "---\ndate: 2026-10-01\n---\nBody.\n"},
        "error: content/posts/untitled.md:1:1: the post has no title\n"
        "  |\n"
        " 1 | ---\n"
        "  | ^\n"
        "  hint: add a line such as title: \"Day 1: Pack the courtroom\" to the front matter\n",
    ),
    "bad-date": (
        {"content/posts/when.md": "---\ntitle: \"When\"\ndate: 2026-02-30\n---\nBody.\n"},
        "error: content/posts/when.md:3:7: `date` is not a date: \"2026-02-30\"\n"
        "  |\n"
        " 3 | date: 2026-02-30\n"
        "  |       ^\n"
        "  hint: write the date as 2026-05-01, or with a time and UTC offset as 2026-05-01T09:30:00-05:00\n",
    ),
    "duplicate-slug": (
        {"content/posts/zz.md": "---\ntitle: \"Again\"\ndate: 2026-10-02\nslug: fine\n---\nBody.\n"},
        "error: content/posts/zz.md:4: the slug \"fine\" is already used by content/posts/fine.md\n"
        "  |\n"
        " 4 | slug: fine\n"
        "  |\n"
        "  hint: both would be written to /posts/fine/; rename one file or give it another slug: in its front matter\n",
    ),
    "missing-partial": (
        {"templates/list.mustache": "{{<base}}{{$main}}{{>partials/missing}}{{/main}}{{/base}}\n"},
        "error: templates/list.mustache:1:19: the partial \"partials/missing\" does not exist\n"
        "  |\n"
        " 1 | {{<base}}{{$main}}{{>partials/missing}}{{/main}}{{/base}}\n"
        "  |                   ^\n"
        "  hint: add themes/default/templates/partials/missing.mustache, or fix the name; "
        "templates are named by their path below templates/ without .mustache\n",
    ),
    "missing-theme": (
        {"site.yml": "base_url: \"https://example.org/\"\ntheme: newsroom\n"},
        "error: themes/newsroom: the theme \"newsroom\" is missing: there is no themes/newsroom/ folder\n"
        "  hint: themes here: default; set theme: in site.yml to one of them\n",
    ),
}


def make_site(root, files):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    (root / "content" / "posts" / "fine.md").write_text(GOOD, encoding="utf-8")
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_and_nothing_is_written(tmp_path, case):
    files, expected = CASES[case]
    src = tmp_path / "src"
    make_site(src, {})
    out = src / "site"
    support.build_ok(src, out)
    before = support.tree(out)
    neighbours = sorted(p.name for p in src.iterdir())

    for path, text in files.items():
        target = src / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    proc = support.run_build(src, out, cwd=src)

    assert proc.returncode == 1, support.describe(proc)
    assert proc.stdout == "", support.describe(proc)
    assert proc.stderr == expected + "Build failed with 1 error; nothing was written.\n", support.describe(proc)
    assert support.tree(out) == before, "the failed build changed the previous site"
    assert sorted(p.name for p in src.iterdir()) == sorted(neighbours + (["templates"] if case == "missing-partial" else []))


def test_all_errors_are_listed_together(tmp_path):
    src = tmp_path / "src"
    make_site(src, {
        "content/posts/a.md": "---\ntitle: \"A\"\n---\n",
        "content/posts/b.md": "---\ndate: 2026-10-01\n---\n",
        "content/posts/c.md": "no front matter\n",
    })
    proc = support.run_build(src, src / "site", cwd=src)
    assert proc.returncode == 1, support.describe(proc)
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error: ")]
    assert [e.split(":")[1].strip() for e in errors] == [
        "content/posts/a.md", "content/posts/b.md", "content/posts/c.md"], support.describe(proc)
    assert proc.stderr.endswith("Build failed with 3 errors; nothing was written.\n")
    assert not (src / "site").exists()


def test_help_speaks_to_editors():
    import subprocess
    proc = subprocess.run([str(support.broadside_bin()), "build", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for words in ["--source", "--output", "--base-url", "--drafts", "--future", "--now",
                  "Include posts marked draft: true.", "nothing is written"]:
        assert words in proc.stdout, proc.stdout


# A bad --now or SOURCE_DATE_EPOCH: see test_usage_errors.py.
