"""Issue 13's honest mistakes where the whole binary matters: what `broadside new` writes and
says, the build's closing line about posts left out for their date, `--verbose`'s list of them,
and `check`'s warning for a date far ahead; each with its exit status, and for an error the
previous site left exactly as it was."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import support


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    env["NO_COLOR"] = "1"
    return subprocess.run([str(support.broadside_bin()), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, cwd=str(cwd), env=env, stdin=subprocess.DEVNULL)


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


def post(title: str, date: str, extra: str = "", body: str = "Body.") -> str:
    return f'---\ntitle: "{title}"\ndate: {date}\n{extra}---\n{body}\n'


FUTURE = {
    "a.md": post("A", "2026-10-01"), "b.md": post("B", "2026-10-02"), "c.md": post("C", "2026-10-03"),
    "typo.md": post("Next year by mistake", "2027-12-03"), "soon.md": post("Soon", "2026-11-30"),
    "d.md": post("D", "2026-10-04", "draft: true\n"),
}


def test_the_closing_line_names_the_furthest_post_left_out_for_its_date(tmp_path):
    site = make_site(tmp_path, FUTURE)
    proc = run("build", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0 and proc.stderr == "", support.describe(proc)
    line = proc.stdout.strip()
    assert support.SUMMARY_RE.match(line), support.describe(proc)
    assert line.endswith("; left out 1 draft (--drafts) and 2 posts dated after now (--future), "
                         "the furthest content/posts/typo.md, dated 2027-12-03"), support.describe(proc)


def test_verbose_lists_every_post_left_out_by_file(tmp_path):
    site = make_site(tmp_path, FUTURE)
    proc = run("build", "--verbose", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    listed = [line for line in proc.stdout.splitlines() if line.startswith("Left out ")]
    assert listed == [
        "Left out content/posts/d.md: a draft (--drafts)",
        "Left out content/posts/soon.md: dated 2026-11-30, after now (--future)",
        "Left out content/posts/typo.md: dated 2027-12-03, after now (--future)",
    ], support.describe(proc)


def test_check_warns_at_the_date_of_a_post_more_than_30_days_ahead(tmp_path):
    site = make_site(tmp_path, FUTURE)
    proc = run("check", "--now", support.NOW, cwd=site)
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stderr.startswith(
        "warning: content/posts/typo.md:3:7: the post is dated 2027-12-03, more than 30 days after now, so it is left out of the site until then\n"
        "  |\n"
        " 3 | date: 2027-12-03\n"
        "  |       ^\n"
        "  hint: if the year or month is a typo, correct the date; a post meant for later can stay as it is\n"), support.describe(proc)
    assert "soon.md" not in proc.stderr


def test_placeholder_text_left_in_a_published_post_stops_the_build_and_keeps_the_site(tmp_path):
    site = make_site(tmp_path, {"a.md": post("A", "2026-10-01")})
    first = run("build", "--now", support.NOW, cwd=site)
    assert first.returncode == 0, support.describe(first)
    before = support.tree(site / "site")
    wrote = run("new", "event", "Community assembly", "--now", "2026-11-01T10:00:00Z", cwd=site)
    assert wrote.returncode == 0, support.describe(wrote)
    path = site / "content/posts/community-assembly.md"
    text = path.read_text(encoding="utf-8")
    # As a draft it is fine: the preview shows it, the build leaves it out.
    drafted = run("build", "--drafts", "--output", str(tmp_path / "preview"), "--now", support.NOW, cwd=site)
    assert drafted.returncode == 0 and drafted.stderr == "", support.describe(drafted)
    path.write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    proc = run("build", "--now", support.NOW, cwd=site)
    assert proc.returncode == 1, support.describe(proc)
    assert proc.stderr == (
        "error: content/posts/community-assembly.md:8:13: `event.location` is still the placeholder `broadside new` wrote: "
        "\"The place and its street address\"\n"
        "  |\n"
        " 8 |   location: \"The place and its street address\"\n"
        "  |             ^\n"
        "  hint: write the place and its address: readers' calendars get it as the event's location\n"
        "\n"
        "error: content/posts/community-assembly.md:11:1: this is the placeholder text `broadside new` wrote: "
        "\"Say what happens at the event, who it is for, and what to br…\"\n"
        "   |\n"
        " 11 | Say what happens at the event, who it is for, and what to bring. Mention whether there\n"
        "   | ^\n"
        "  hint: write the post's own text here, or keep the post a draft (draft: true) until it is ready\n"
        "Build failed with 2 errors; nothing was written.\n"), support.describe(proc)
    assert support.tree(site / "site") == before


def test_new_report_makes_a_post_folder_and_says_where_the_pdf_goes(tmp_path):
    site = make_site(tmp_path, {})
    proc = run("new", "report", "Court watch", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    assert proc.stdout == ("Wrote content/posts/court-watch/index.md (a draft: remove draft: true to publish it)\n"
                           "Put the report's PDF beside index.md, in content/posts/court-watch/, and name it under attachments:\n")
    text = (site / "content/posts/court-watch/index.md").read_text(encoding="utf-8")
    assert "# A file to download: put it beside this index.md" in text and "#   - file: court-watch.pdf\n" in text
    assert "static/files" not in text


def test_new_in_spanish_writes_spanish_text_and_fills_the_translation_key(tmp_path):
    site = make_site(tmp_path, {"clinic.md": post("Clinic", "2026-10-01")})
    proc = run("new", "qa", "La clínica", "--lang", "es", "--translation-of", "clinic", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    assert proc.stdout == ("Wrote content/posts/la-clínica.md (a draft: remove draft: true to publish it)\n"
                           "Add translation_key: \"clinic\" to content/posts/clinic.md too, so the two are linked\n")
    text = (site / "content/posts/la-clínica.md").read_text(encoding="utf-8")
    assert "\nlang: es\ntranslation_key: \"clinic\"\n" in text
    assert "## ¿Escriba aquí la primera pregunta?" in text and "Write the first question" not in text


def test_new_refuses_an_unknown_post_to_translate_and_a_language_without_words(tmp_path):
    site = make_site(tmp_path, {"clinic.md": post("Clinic", "2026-10-01")})
    proc = run("new", "qa", "Otra", "--lang", "es", "--translation-of", "clinc", "--now", support.NOW, cwd=site)
    assert proc.returncode == 2, support.describe(proc)
    assert proc.stderr == ('error: --translation-of "clinc": there is no post with this slug\n'
                           "  hint: give the slug of the post this one translates, its file's name without .md (did you mean clinic?)\n")
    proc = run("new", "qa", "Autre", "--lang", "fr", "--now", support.NOW, cwd=site)
    assert proc.returncode == 2, support.describe(proc)
    assert proc.stderr == ("error: --lang fr: the theme has no words in this language\n"
                           "  hint: use one of en, es, or add i18n/fr.yml to the site, translated from i18n/en.yml\n")
    assert sorted(p.name for p in (site / "content/posts").iterdir()) == ["clinic.md"]


def test_new_cleans_control_characters_from_a_pasted_title(tmp_path):
    site = make_site(tmp_path, {})
    proc = run("new", "dispatch", "Don\u0092t wait\u0007", "--now", support.NOW, cwd=site)
    assert proc.returncode == 0, support.describe(proc)
    text = (site / "content/posts/don-t-wait.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Don’t wait"\n')
