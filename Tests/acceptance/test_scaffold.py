"""`broadside init`, `broadside new` and `aliases:` through the real command line: what an
editor types, what they read back, the exit status, and that the result builds."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import support

KINDS = ["dispatch", "action-day", "qa", "perspective", "report", "letter", "event"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["NO_COLOR"] = "1"
    return subprocess.run([str(support.broadside_bin()), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, cwd=str(cwd), env=env, stdin=subprocess.DEVNULL)


def init_site(tmp_path: Path) -> Path:
    proc = run("init", "puentes", "--now", support.NOW, cwd=tmp_path)
    assert proc.returncode == 0, support.describe(proc)
    site = tmp_path / "puentes"
    return site


def test_init_makes_a_site_and_says_what_to_do_next(tmp_path):
    proc = run("init", "puentes", "--now", support.NOW, cwd=tmp_path)
    assert proc.returncode == 0, support.describe(proc)
    assert proc.stderr == ""
    assert proc.stdout.endswith(
        "Next:\n"
        "  cd puentes\n"
        "  broadside serve                       see the site in your browser as you write\n"
        "  broadside new dispatch \"Your Title\"   start a post\n"
        "  broadside build                       make site/, the folder you upload\n")
    site = tmp_path / "puentes"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        ".gitignore", "content", "content/posts", "content/posts/how-to-write-a-post.md", "site.yml"]
    settings = (site / "site.yml").read_text(encoding="utf-8").splitlines()
    assert 'base_url: "https://example.org/"' in settings
    assert "# posts_per_page: 10" in settings
    assert (site / ".gitignore").read_text(encoding="utf-8").splitlines()[1:3] == ["/site/", "/.broadside-cache/"]

    built = run("build", "--now", support.NOW, cwd=site)
    assert built.returncode == 0 and built.stderr == "", support.describe(built)
    assert (site / "site" / "posts" / "how-to-write-a-post" / "index.html").is_file()


@pytest.mark.parametrize("entry", ["site.yml", "content", "templates", "static"])
def test_init_refuses_a_folder_that_holds_a_site(tmp_path, entry):
    target = tmp_path / entry
    target.mkdir() if "." not in entry else target.write_text("title: Mine\n", encoding="utf-8")
    before = support.tree(tmp_path)
    proc = run("init", cwd=tmp_path)
    shown = entry if "." in entry else entry + "/"
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stdout == ""
    assert proc.stderr == (
        f"error: this folder already holds a site: it has {shown}\n"
        "  hint: nothing was changed; work on that site where it is (broadside new, broadside build), "
        "or make a new one in a folder of its own: broadside init my-site\n")
    assert support.tree(tmp_path) == before


def test_init_works_in_a_fresh_clone(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "README.md").write_text("# Puentes\n", encoding="utf-8")
    proc = run("init", "--now", support.NOW, cwd=tmp_path)
    assert proc.returncode == 0, support.describe(proc)
    assert "cd " not in proc.stdout
    assert (tmp_path / "site.yml").is_file() and (tmp_path / ".gitignore").is_file()
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Puentes\n"


@pytest.mark.parametrize("kind", KINDS)
def test_new_writes_a_draft_of_each_kind_that_builds_cleanly(tmp_path, kind):
    site = init_site(tmp_path)
    extra = ["--series", "Week of Action"] if kind == "action-day" else []
    proc = run("new", kind, "Know Your Rights: Día 1", "--now", support.NOW, *extra, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    # A report's PDF goes beside its text: a report is a post folder.
    path = "content/posts/know-your-rights-día-1" + ("/index.md" if kind == "report" else ".md")
    told = ("Put the report's PDF beside index.md, in content/posts/know-your-rights-día-1/, and name it under attachments:\n"
            if kind == "report" else "")
    assert proc.stdout == f"Wrote {path} (a draft: remove draft: true to publish it)\n{told}"
    text = (site / path).read_text(encoding="utf-8")
    assert text.startswith(f'---\ntitle: "Know Your Rights: Día 1"\ndate: 2026-11-23T12:00:00+00:00\nkind: {kind}\n')
    assert "\ndraft: true\n---\n" in text
    built = run("build", "--drafts", "--now", support.NOW, cwd=site)
    assert built.returncode == 0 and built.stderr == "", support.describe(built)
    assert (site / "site/posts/know-your-rights-día-1/index.html").is_file()


def test_new_event_starts_a_week_later_at_six_in_the_evening_local_time(tmp_path):
    site = init_site(tmp_path)
    settings = site / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("time_zone: UTC", "time_zone: America/Chicago"),
                        encoding="utf-8")
    proc = run("new", "event", "Community Assembly", "--now", "2026-11-24T03:00:00Z", cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    text = (site / "content/posts/community-assembly.md").read_text(encoding="utf-8")
    # 03:00 UTC on the 24th is still the evening of the 23rd in Chicago.
    assert "\ndate: 2026-11-23T21:00:00-06:00\n" in text
    assert "\n  start: 2026-11-30T18:00:00-06:00\n" in text


def test_new_numbers_the_next_action_day_of_the_newest_series(tmp_path):
    site = init_site(tmp_path)
    for title in ["Day 1", "Day 2"]:
        proc = run("new", "action-day", title, "--series", "Week of Action", "--now", support.NOW, cwd=site)
        assert proc.returncode == 0, support.describe(proc)
    proc = run("new", "action-day", "Day 3", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    text = (site / "content/posts/day-3.md").read_text(encoding="utf-8")
    assert '\nseries: "Week of Action"\nseries_day: 3\n' in text


def test_new_refuses_to_replace_a_post_and_names_it(tmp_path):
    site = init_site(tmp_path)
    post = site / "content/posts/vigil.md"
    post.write_text("mine\n", encoding="utf-8")
    proc = run("new", "dispatch", "Vigil", cwd=site)
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stdout == ""
    assert proc.stderr == ("error: content/posts/vigil.md: this file already exists, and Broadside never replaces a post\n"
                           "  hint: choose another title, or give the new file another name with --slug\n")
    assert post.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("args, message", [
    (["new", "dispach", "Vigil"], "error: unknown kind \"dispach\"\n"
     "  hint: did you mean `dispatch`? Use one of dispatch, action-day, qa, perspective, report, letter, event, page\n"),
    (["new", "action-day", "Day 1"], "error: there is no week of action yet to add this day to\n"
     "  hint: name its series: broadside new action-day \"Day 1\" --series \"Week of Action for Due Process\"\n"),
    (["new", "dispatch", "--slug", "¡¿?!", "Vigil"], "error: --slug \"¡¿?!\" has no letters or digits\n"
     "  hint: for example --slug vigil-tonight\n"),
])
def test_new_usage_errors_exit_2_and_write_nothing(tmp_path, args, message):
    site = init_site(tmp_path)
    before = support.tree(site)
    proc = run(*args, cwd=site)
    assert proc.returncode == 2, support.describe(proc)
    assert proc.stderr == message
    assert support.tree(site) == before


def test_aliases_become_redirect_pages_and_a_redirects_file(tmp_path):
    site = init_site(tmp_path)
    (site / "content/posts/court-watch.md").write_text(
        '---\ntitle: "Court Watch"\ndate: 2026-10-01\naliases:\n  - /2019/05/court-watch-report/\n  - /court.html\n---\nText.\n',
        encoding="utf-8")
    proc = run("build", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0 and proc.stderr == "", support.describe(proc)
    out = site / "site"
    assert (out / "_redirects").read_text(encoding="utf-8") == (
        "/2019/05/court-watch-report/ /posts/court-watch/ 301\n/court.html /posts/court-watch/ 301\n")
    page = (out / "2019/05/court-watch-report/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/posts/court-watch/">' in page
    assert '<link rel="canonical" href="https://example.org/posts/court-watch/">' in page
    assert (out / "court.html").is_file()

    (site / "content/posts/court-watch.md").write_text(
        '---\ntitle: "Court Watch"\ndate: 2026-10-01\naliases:\n  - /categories/\n---\nText.\n', encoding="utf-8")
    before = support.tree(out)
    failed = run("build", "--now", support.NOW, cwd=site)
    assert failed.returncode == 1, support.describe(failed)
    assert ("error: content/posts/court-watch.md:5:5: the alias /categories/ cannot have a redirect page: "
            "the site already has a page there\n") in failed.stderr
    assert support.tree(out) == before
