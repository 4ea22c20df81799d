"""Rebuilds equal clean builds (issue 19): 200 random edits to a copy of the example site, each
followed by a build into the same output (which keeps unchanged files, or writes nothing when
nothing changed) and a clean build of a fresh copy; the two trees must be byte-identical every
time. The edits cover a post's body, title, date, category, tag and series, a translation, a
new and a deleted post, a template, a theme string, site.yml, a static file, an image, the
build's now moving on, and no change at all (which must write nothing)."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import support

NOWS = ["2026-11-23T12:00:00Z", "2026-11-30T12:00:00Z", "2026-12-20T12:00:00Z", "2027-02-01T12:00:00Z"]
IMAGES = support.REPO / "Tests/BroadsideTests/Fixtures/images"
STEPS = int(os.environ.get("INCREMENTAL_STEPS", "200"))


class Site:
    """The working copy and a model of the posts the test writes itself, with plain front matter."""

    def __init__(self, root: Path, rng: random.Random):
        self.root, self.rng = root, rng
        self.posts: dict[str, dict] = {}
        self.counter = 0
        self.now = NOWS[0]

    def write_post(self, slug: str) -> None:
        p = self.posts[slug]
        lines = [f'title: "{p["title"]}"', f"date: {p['date']}", f"categories: [{p['category']}]", f"tags: [{', '.join(p['tags'])}]"]
        if p.get("series"):
            lines.append(f'series: "{p["series"]}"')
        if p.get("lang"):
            lines.append(f"lang: {p['lang']}")
        if p.get("key"):
            lines.append(f'translation_key: "{p["key"]}"')
        text = "---\n" + "\n".join(lines) + "\n---\n" + p["body"] + "\n"
        (self.root / "content/posts" / f"{slug}.md").write_text(text, encoding="utf-8")

    def new_post(self) -> str:
        self.counter += 1
        slug = f"prop-{self.counter}"
        self.posts[slug] = {
            "title": f"Property post {self.counter}", "date": self.date(), "category": self.rng.choice(["Legal aid", "Advocacy", "Community"]),
            "tags": self.rng.sample(["vigil", "hotline", "courts", "tps", "wages"], 2), "body": f"Words of post {self.counter}.",
        }
        self.write_post(slug)
        return slug

    def date(self) -> str:
        # Mostly past, sometimes after the first now (left out until now moves on).
        return f"2026-{self.rng.randint(9, 12):02d}-{self.rng.randint(1, 28):02d}T{self.rng.randint(0, 23):02d}:00:00Z"


def edit(site: Site) -> str:
    """One random edit; its name, for the failure message."""
    rng, root = site.rng, site.root
    own = sorted(site.posts)
    kind = rng.choice(["body", "title", "date", "category", "tag", "series", "translation", "new", "delete",
                       "template", "string", "site.yml", "static", "image", "now", "none", "none", "example body"])
    if kind in ("body", "title", "date", "category", "tag", "series", "translation", "delete") and not own:
        kind = "new"
    if kind == "new":
        return f"new {site.new_post()}"
    if kind == "none":
        return "none"
    if kind == "now":
        site.now = rng.choice(NOWS)
        return f"now {site.now}"
    slug = rng.choice(own) if own else ""
    post = site.posts.get(slug, {})
    if kind == "body":
        post["body"] += f" More words {rng.randint(0, 999)}."
    elif kind == "title":
        post["title"] = f"Retitled {rng.randint(0, 999)}"
    elif kind == "date":
        post["date"] = site.date()
    elif kind == "category":
        post["category"] = rng.choice(["Legal aid", "Advocacy", "Community", "Detention"])
    elif kind == "tag":
        post["tags"] = rng.sample(["vigil", "hotline", "courts", "tps", "wages", "bonds"], rng.randint(1, 3))
    elif kind == "series":
        post["series"] = rng.choice(["", "Week of action", "Court watch"])
    elif kind == "translation":
        other = site.new_post()
        key = f"key-{slug}"
        post["key"] = key
        site.posts[other].update({"lang": "es", "key": key, "title": f"Traducción {site.counter}"})
        site.write_post(other)
    elif kind == "delete":
        (root / "content/posts" / f"{slug}.md").unlink()
        del site.posts[slug]
        return f"delete {slug}"
    elif kind == "template":
        template = root / "themes/default/templates" / rng.choice(["base.mustache", "post.mustache", "list.mustache"])
        template.write_text(template.read_text(encoding="utf-8") + f"<!-- {rng.randint(0, 999)} -->\n", encoding="utf-8")
        return f"template {template.name}"
    elif kind == "string":
        strings = root / "themes/default/i18n/en.yml"
        text = strings.read_text(encoding="utf-8")
        strings.write_text(text.replace('read_more: "', f'read_more: "{rng.randint(0, 9)} ', 1), encoding="utf-8")
        return "theme string"
    elif kind == "site.yml":
        settings = root / "site.yml"
        text = settings.read_text(encoding="utf-8")
        settings.write_text(text.replace("description: \"", f"description: \"{rng.randint(0, 9)} ", 1), encoding="utf-8")
        return "site.yml"
    elif kind == "static":
        (root / "static").mkdir(exist_ok=True)
        (root / "static" / f"note-{rng.randint(0, 3)}.txt").write_text(f"note {rng.randint(0, 999)}\n", encoding="utf-8")
        return "static file"
    elif kind == "image":
        (root / "static/images").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(IMAGES / rng.choice(["banner.jpg", "label.png", "wide.jpg"]), root / "static/images" / f"extra-{rng.randint(0, 2)}.jpg")
        return "image"
    elif kind == "example body":
        page = rng.choice(sorted((root / "content/posts").glob("*.md")))
        page.write_text(page.read_text(encoding="utf-8") + f"\nA line added {rng.randint(0, 999)}.\n", encoding="utf-8")
        return f"body of {page.name}"
    site.write_post(slug)
    return f"{kind} {slug}"


def clean_copy(work: Path, into: Path) -> Path:
    """The site's files without its output or any cache but the photos' (each entry is checked
    before it is used, and a cold one would make every clean build minutes long): the posts and
    the search index's blocks are read afresh, so a rebuild that took a wrong one from its cache
    differs."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(work, into, ignore=shutil.ignore_patterns("site"), symlinks=True)
    cache = into / ".broadside-cache"
    for entry in cache.iterdir() if cache.is_dir() else []:
        if entry.name != "images":
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    return into


def build(source: Path, now: str) -> tuple[int, str, bool]:
    """Exit code, stderr, and whether the build skipped the work (it left its record alone)."""
    record = source / ".broadside-cache/build.json"
    before = record.stat().st_mtime_ns if record.exists() else None
    proc = support.run_build(source, source / "site", now=now)
    after = record.stat().st_mtime_ns if record.exists() else None
    return proc.returncode, proc.stderr, before is not None and before == after


def example_copy(tmp_path: Path, seed: int) -> tuple[Path, Site]:
    work = tmp_path / "work"
    shutil.copytree(support.source_dir(), work, ignore=shutil.ignore_patterns("site", ".build*", ".git", "Tests", "Sources", "Fuzz", "bench", "docs", "Plugins", ".broadside-cache"))
    # The example site's theme is the folder themes/default (the built-in theme's source).
    assert (work / "themes/default/templates/base.mustache").is_file()
    return work, Site(work, random.Random(seed))


def test_rebuilds_after_random_edits_equal_clean_builds(tmp_path):
    work, site = example_copy(tmp_path, int(os.environ.get("INCREMENTAL_SEED", "19")))
    assert build(work, site.now)[0] == 0
    rebuild_and_compare(work, site, tmp_path, STEPS)


def test_rebuilds_of_a_site_whose_search_index_is_kept_by_block_equal_clean_builds(tmp_path):
    """300 posts more: the search index's main part (every complete 128 documents) is kept in
    `.broadside-cache/search` by block, taken again when its posts did not change."""
    work, site = example_copy(tmp_path, int(os.environ.get("INCREMENTAL_SEED", "19")) + 1)
    for _ in range(300):
        site.new_post()
    assert build(work, site.now)[0] == 0
    assert (work / ".broadside-cache/search").stat().st_size > 10_000
    rebuild_and_compare(work, site, tmp_path, STEPS // 5)


def rebuild_and_compare(work: Path, site: Site, tmp_path: Path, steps: int) -> None:
    unchanged = skipped = 0
    for step in range(steps):
        what = edit(site)
        code, stderr, skipped_work = build(work, site.now)
        clean = clean_copy(work, tmp_path / "clean")
        clean_code, _, _ = build(clean, site.now)
        assert code == clean_code, f"step {step} ({what}): the rebuild exited {code}, a clean build {clean_code}\n{stderr}"
        if code != 0:
            continue
        mine, theirs = support.tree(work / "site"), support.tree(clean / "site")
        differing = sorted(p for p in set(mine) | set(theirs) if mine.get(p) != theirs.get(p))
        assert not differing, f"step {step} ({what}): the rebuild differs from a clean build in {differing[:5]}"
        if what == "none":
            unchanged += 1
            skipped += skipped_work
        elif not what.startswith("now"):   # a later now may leave the site as it was
            assert not skipped_work, f"step {step} ({what}): the build skipped the work after an edit"
    # A build right after another with nothing changed writes nothing (its record was saved),
    # whether or not the random edits drew "none".
    assert skipped == unchanged, f"{skipped} of {unchanged} builds with nothing changed skipped the work"
    if build(work, site.now)[0] == 0:
        assert build(work, site.now)[2], "a build right after another, nothing changed, did the work again"
