"""The example site in content/ shows editors every feature, and builds cleanly: no warning,
one post of each kind, a week of action with its Spanish version, an upcoming and a past
event, an attachment, a featured image and each block. Read from the built HTML, as readers
get it, not from the Markdown."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import html5lib

import support
from support import BASE_URL

KINDS = ["dispatch", "action-day", "qa", "perspective", "report", "letter", "event"]
HOST = urlsplit(BASE_URL).netloc


def parse(path: Path):
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def classes(element) -> set[str]:
    return set(element.get("class", "").split())


def with_class(tree, tag: str, name: str) -> list:
    return [e for e in tree.iter(tag) if name in classes(e)]


def text(element) -> str:
    return support.squash("".join(element.itertext()))


def post_pages(site: Path) -> list[Path]:
    return sorted(site.glob("posts/*/index.html"))


def target(site: Path, url: str) -> Path | None:
    return support.url_path_to_file(site, url)


def test_builds_without_a_warning(build):
    assert build.proc.stderr == "", "the example site should build with nothing on stderr\n" + support.describe(build.proc)


def test_one_post_of_each_kind(site):
    for kind in KINDS:
        page = site / "kinds" / kind / "index.html"
        assert page.is_file(), f"no /kinds/{kind}/: the example site has no post of kind {kind}"
        links = [a.get("href", "") for a in parse(page).iter("a")]
        assert any(href.startswith("/posts/") for href in links), f"/kinds/{kind}/ lists no post"


def test_a_perspective_has_a_byline(site):
    page = site / "kinds" / "perspective" / "index.html"
    posts = {a.get("href") for a in parse(page).iter("a") if a.get("href", "").startswith("/posts/")}
    bylines = []
    for href in sorted(posts):
        for meta in with_class(parse(target(site, href)), "p", "meta"):
            if re.search(r"\b(Perspective by|Perspectiva de) \S", text(meta)):
                bylines.append(href)
    assert bylines, f"no perspective shows its author (\"Perspective by …\"): {sorted(posts)}"


def series_days(page: Path) -> list[tuple[str | None, str]]:
    """(link or None, title) for each day listed on a series page."""
    days = []
    for ol in with_class(parse(page), "ol", "series-days"):
        for li in ol.iter("li"):
            link = next(li.iter("a"), None)
            days.append((link.get("href") if link is not None else None, text(li)))
    return days


def test_the_week_of_action_has_a_spanish_version_with_every_day(site):
    english = sorted(site.glob("series/*/index.html"))
    spanish = sorted(site.glob("es/series/*/index.html"))
    assert english and spanish, f"expected an English series and its Spanish version: {english}, {spanish}"
    en_days = series_days(english[0])
    es_days = series_days(spanish[0])
    assert len(en_days) >= 3 and len(es_days) == len(en_days), f"English days {en_days}, Spanish days {es_days}"
    assert all(href for href, _ in en_days + es_days), "every day of the example week of action should be published"
    total = len(es_days)
    es_links = {href for href, _ in es_days}
    for number, (href, _) in enumerate(en_days, start=1):
        tree = parse(target(site, href))
        assert f"Day {number} of {total}" in text(next(iter(with_class(tree, "p", "meta")))), f"{href}: no \"Day {number} of {total}\""
        versions = [a.get("href") for nav in with_class(tree, "nav", "translations") for a in nav.iter("a") if a.get("hreflang") == "es"]
        assert len(versions) == 1 and versions[0] in es_links, f"{href}: its Spanish version {versions} is not a day of {spanish[0]}"
        es_tree = parse(target(site, versions[0]))
        assert f"Día {number} de {total}" in text(next(iter(with_class(es_tree, "p", "meta")))), f"{versions[0]}: no \"Día {number} de {total}\""
    assert (site / "es" / "index.html").is_file() and (site / "es" / "feed.xml").is_file(), "no /es/ home page or /es/feed.xml"


def test_a_qa_in_two_languages(site):
    page = site / "kinds" / "qa" / "index.html"
    posts = {a.get("href") for a in parse(page).iter("a") if a.get("href", "").startswith("/posts/")}
    paired = [href for href in sorted(posts)
              if any(nav for nav in with_class(parse(target(site, href)), "nav", "translations"))]
    assert paired, f"no Q&A links its translation: {sorted(posts)}"


def test_an_upcoming_and_a_past_event(site):
    tree = parse(site / "events" / "index.html")
    for part in ("events-upcoming", "events-past"):
        sections = with_class(tree, "section", part)
        assert sections and list(sections[0].iter("article")), f"/events/ has no {part} event at the suite's now"


def test_an_attachment_that_is_published(site):
    found = []
    for page in post_pages(site):
        for section in with_class(parse(page), "section", "attachments"):
            for a in section.iter("a"):
                found.append((page, a.get("href", ""), a.get("type", "")))
    assert found, "no post has an attachment"
    for page, href, media_type in found:
        if support.is_root_relative(href):
            file = target(site, href)
            assert file and file.is_file(), f"{page}: the attachment {href} is not in the output"
    assert any(t == "application/pdf" for _, _, t in found), f"no PDF among the attachments: {found}"


def test_a_featured_image_with_alt_text(site):
    images = []
    for page in post_pages(site):
        for figure in with_class(parse(page), "figure", "post-image"):
            images += [(page, img.get("src", ""), img.get("alt", "")) for img in figure.iter("img")]
    assert images, "no post has a featured image"
    for page, src, _ in images:
        file = target(site, src)
        assert file and file.is_file(), f"{page}: the image {src} is not in the output"
    assert any(alt.strip() for _, _, alt in images), "no featured image has alt text"


def test_each_block(site):
    blocks = {name: [] for name in ("action", "stat", "callout")}
    for page in post_pages(site):
        for aside in parse(page).iter("aside"):
            for name in blocks:
                if f"block-{name}" in classes(aside):
                    blocks[name].append(aside)
    assert all(blocks.values()), f"missing blocks: {[n for n, found in blocks.items() if not found]}"
    hrefs = [a.get("href", "") for aside in blocks["action"] for a in aside.iter("a")]
    assert any(h.startswith("tel:") for h in hrefs), "no action block with a phone number"
    assert any(h.startswith(("https:", "http:", "/")) for h in hrefs), "no action block with a url"
    assert any(list(aside.iter("time")) and with_class(aside, "p", "block-stat-source") for aside in blocks["stat"]), \
        "no stat block with as_of and source"


def test_links_to_the_sites_own_host_lead_to_its_pages(site, pages):
    """A link to https://puentes.example.org/… is a page of this site, so it must exist;
    the organisation's other pages are on other hosts."""
    missing = []
    for page in pages:
        scan = support.scan(page)
        for what, url in scan.links + scan.fetched:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc == HOST:
                file = target(site, parts.path)
                if not (file and file.is_file()):
                    missing.append(f"{page.relative_to(site)}: {what} {url}")
    assert not missing, "links to the site's host that lead to no page:\n" + "\n".join(sorted(set(missing)))
