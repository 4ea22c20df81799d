"""The CLI's contract around the build itself: the expected output layout,
the base URL's path prefix, and errors (exit 1, `error: file:line:col: msg`
plus an indented hint, and the previous output left untouched)."""

import re

import support
from support import BASE_URL

ERROR_RE = re.compile(r"^error: (?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<msg>\S.*)$")


def test_summary_line(build):
    # build_ok already insisted on it; shown here so the line is visible in -v runs.
    assert support.SUMMARY_RE.match(build.proc.stdout.strip())


def test_output_layout(site):
    missing = [p for p in ("index.html", "feed.xml", "categories/index.html", "tags/index.html",
                           "css/style.css") if not (site / p).is_file()]
    assert not missing, f"missing from the output: {missing}"
    posts = sorted(site.glob("posts/*/index.html"))
    assert posts, "no /posts/<slug>/index.html pages"
    terms = sorted(site.glob("categories/*/index.html")) + sorted(site.glob("tags/*/index.html"))
    assert terms, "no /categories/<term>/ or /tags/<term>/ pages"
    # A list's first page is its own address; the pages after it are page/N/, from 1 (the
    # oldest posts) for the homes, categories, tags and kinds, from 2 for a series or the events.
    for p in site.glob("**/page/*"):
        assert p.name.isdigit() and int(p.name) >= 1 and (p / "index.html").is_file(), \
            f"odd pagination folder {p.relative_to(site)}"


def test_base_url_path_prefixes_every_internal_url(source, tmp_path):
    base = "https://puentes.example.org/boletin/"
    out = tmp_path / "site"
    support.build_ok(source, out, base_url=base)
    urls = []
    for page in support.html_files(out):
        s = support.scan(page)
        urls += [(page.relative_to(out).as_posix(), what, u)
                 for what, u in s.fetched + s.links if support.is_root_relative(u)]
    assert urls, "no root-relative URLs in the pages"
    bad = [f"{w}: {what} {u}" for w, what, u in urls
           if not (u == "/boletin" or u.startswith("/boletin/"))]
    assert not bad, "internal URLs without the /boletin/ prefix:\n" + "\n".join(sorted(set(bad))[:40])

    import feedparser
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    links = [feed.feed.get("link", "")] + [e.get("link", "") for e in feed.entries]
    bad = [l for l in links if not l.startswith(base)]
    assert not bad, f"feed links not under {base}: {bad}"


def test_error_contract(source, tmp_path):
    """A post with broken front matter: exit 1, located error plus hint, and
    the previous output stays exactly as it was."""
    src = support.copy_source(source, tmp_path / "src")
    out = tmp_path / "site"
    support.build_ok(src, out)
    before = support.tree(out)
    siblings = sorted(p.name for p in tmp_path.iterdir())

    broken = src / "content" / "posts" / "zz-broken-acceptance.md"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("---\ntitle: [Roto, sin cerrar\ndate: 2026-11-01\n---\n\nCuerpo.\n",
                      encoding="utf-8")
    proc = support.run_build(src, out)

    assert proc.returncode == 1, "a broken post should fail the build with exit 1\n" + support.describe(proc)
    assert "Built" not in proc.stdout, "a failed build printed a success summary\n" + support.describe(proc)
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    errors = [i for i, l in enumerate(lines) if l.startswith("error:")]
    assert errors, "no `error:` line on stderr\n" + support.describe(proc)
    problems = []
    for i in errors:
        m = ERROR_RE.match(lines[i])
        if not m:
            problems.append(f"not `error: <file>:<line>:<column>: <message>`: {lines[i]!r}")
        # The quoted line and its caret (`  |`, ` 2 | …`) may stand between the error and its hint.
        rest = [l for l in lines[i + 1:] if not l.lstrip().startswith("|") and not re.match(r"^ \d+ \| ", l)]
        if not rest or not rest[0].startswith("  hint: "):
            problems.append(f"no indented `  hint: ` line after {lines[i]!r}")
    assert not problems, "\n".join(problems) + "\n" + support.describe(proc)
    files = [ERROR_RE.match(lines[i]).group("file") for i in errors]
    assert any(f.endswith("zz-broken-acceptance.md") for f in files), \
        f"no error points at the broken post: {files}\n" + support.describe(proc)
    assert support.tree(out) == before, "the failed build changed the previous output folder"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == siblings, f"the failed build left files beside the output: {sorted(set(left) - set(siblings))}"


# ----------------------------------------------------------- --now, --future, --drafts

CUTOFF = "2026-11-01T00:00:00Z"  # a --now with posts on both sides, days away from any


def _norm(s: str) -> str:
    return support.squash(s).translate(str.maketrans("‘’“”", "''\"\""))


def _posts_in_source(source):
    """(title, UTC date, draft) from every post's YAML front matter."""
    import datetime as dt

    import yaml

    tz = None
    try:
        from zoneinfo import ZoneInfo
        site = yaml.safe_load((source / "site.yml").read_text(encoding="utf-8")) or {}
        tz = ZoneInfo(site["time_zone"]) if site.get("time_zone") else None
    except Exception:
        pass
    out = []
    for md in sorted((source / "content" / "posts").rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        if not text.startswith("---"):
            continue
        fm = yaml.safe_load(text.split("\n---", 1)[0][3:]) or {}
        date = fm.get("date")
        if isinstance(date, dt.datetime):
            date = date if date.tzinfo else date.replace(tzinfo=tz or dt.timezone.utc)
        elif isinstance(date, dt.date):
            date = dt.datetime(date.year, date.month, date.day, tzinfo=tz or dt.timezone.utc)
        else:
            continue
        out.append((str(fm.get("title", md.stem)), date.astimezone(dt.timezone.utc),
                    bool(fm.get("draft", False))))
    return out


def _built_post_titles(site):
    return [_norm(support.scan(p).title) for p in site.glob("posts/*/index.html")]


def test_now_future_and_drafts_decide_which_posts_are_built(source, tmp_path):
    import datetime as dt

    cut = dt.datetime.fromisoformat(CUTOFF.replace("Z", "+00:00"))
    posts = [p for p in _posts_in_source(source) if abs(p[1] - cut) > dt.timedelta(days=1)]
    assert any(d > cut for _, d, _ in posts) and any(d < cut for _, d, _ in posts), \
        f"the example site should have posts on both sides of {CUTOFF}"

    def built(*flags):
        out = tmp_path / ("site" + "".join(flags))
        proc = support.run_build(source, out, *flags, now=CUTOFF)
        assert proc.returncode == 0, support.describe(proc)
        return _built_post_titles(out)

    def present(title, titles):
        return any(_norm(title) in t for t in titles)

    plain = built()
    everything = built("--future", "--drafts")
    wrong = []
    for title, date, draft in posts:
        want = not draft and date <= cut
        if present(title, plain) != want:
            wrong.append(f"--now {CUTOFF}: {title!r} ({date:%Y-%m-%d %H:%M}Z, draft={draft}) "
                         f"{'missing' if want else 'built but should not be'}")
        if not present(title, everything):
            wrong.append(f"--future --drafts: {title!r} ({date:%Y-%m-%d}, draft={draft}) missing")
    assert not wrong, "\n".join(wrong)


def test_the_closing_line_says_what_was_left_out_and_how_to_include_it(tmp_path):
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "themes").symlink_to(support.REPO / "themes")
    (src / "site.yml").write_text("base_url: \"https://example.org/\"\n", encoding="utf-8")
    for name, extra in (("a", ""), ("b", "draft: true\n"), ("c", "draft: true\n"), ("d", "")):
        date = "2027-01-01" if name == "d" else "2026-10-01"
        (src / "content" / "posts" / f"{name}.md").write_text(
            f"---\ntitle: \"{name}\"\ndate: {date}\n{extra}---\nBody.\n", encoding="utf-8")
    proc = support.build_ok(src, src / "site")
    line = proc.stdout.strip()
    # a, the home page, /categories/, /tags/, /kinds/, /kinds/dispatch/, 404.html and /search/; RSS, Atom and JSON Feed of both lists
    assert line.startswith("Built 8 pages and 6 feeds in "), support.describe(proc)
    assert line.endswith(" s; left out 2 drafts (--drafts) and 1 post dated after now (--future), "
                         "the furthest content/posts/d.md, dated 2027-01-01"), support.describe(proc)
