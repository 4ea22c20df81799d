"""Every list's feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1) as feed readers and RSS-to-email
services see them: parsed by feedparser, checked by xmllint, JSON Feed against a schema
written from its specification, every URL in their content absolute."""

from __future__ import annotations

import html.parser
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import jsonschema
import pytest

import support
from support import BASE_URL

SCHEMA = json.loads((Path(__file__).parent / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
FORMATS = {"feed.xml": "rss20", "atom.xml": "atom10", "feed.json": "json"}


def feed_folders(site: Path) -> list[Path]:
    """Every folder with a list's first page and its feeds. `/newsletter/feed.xml` is the digest
    of whole e-mail editions, one RSS feed of its own (test_newsletter.py)."""
    return sorted({p.parent for name in FORMATS for p in site.rglob(name) if p.parent.name != "newsletter"})


class URLs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src") and v is not None]


def urls_in(html_text: str) -> list[str]:
    parser = URLs()
    parser.feed(html_text)
    return parser.urls


def test_every_list_has_its_three_feeds_linked_from_its_page(site):
    folders = feed_folders(site)
    # Homes (en, es), categories, tags, kinds, series, events: far more than the two home feeds.
    assert len(folders) > 20, folders
    for folder in folders:
        for name in FORMATS:
            assert (folder / name).is_file(), f"{folder / name} missing"
        page = (folder / "index.html").read_text(encoding="utf-8")
        relative = folder.relative_to(site).as_posix()
        url = "/" if relative == "." else "/" + urllib.parse.quote(relative) + "/"
        for name, media in (("feed.xml", "application/rss+xml"), ("atom.xml", "application/atom+xml"),
                            ("feed.json", "application/feed+json")):
            assert re.search(rf'<link rel="alternate" type="{re.escape(media)}" title="[^"]+" href="{re.escape(url + name)}">', page), \
                f"{folder}/index.html does not link {url + name} as {media}"


def test_rss_and_atom_parse_without_bozo_and_agree_with_json(site):
    for folder in feed_folders(site):
        counts = {}
        for name, version in FORMATS.items():
            raw = (folder / name).read_bytes()
            if version == "json":
                data = json.loads(raw)
                jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
                counts[name] = len(data["items"])
                continue
            parsed = feedparser.parse(raw)
            assert not parsed.bozo, f"{folder / name}: {parsed.get('bozo_exception')!r}"
            assert parsed.version == version, f"{folder / name} is {parsed.version}"
            counts[name] = len(parsed.entries)
            for entry in parsed.entries:
                assert entry.get("summary"), f"{folder / name}: {entry.title} has no summary"
                assert entry.get("content") and entry.content[0].value.strip(), f"{folder / name}: {entry.title} has no content"
        assert len(set(counts.values())) == 1 and 1 <= counts["feed.xml"] <= 20, f"{folder}: {counts}"


def test_xmllint_reads_every_rss_and_atom_file(site):
    files = [str(p) for name in ("feed.xml", "atom.xml") for p in site.rglob(name)]
    proc = support.run([support.tool("xmllint"), "--noout", *files], timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_no_relative_url_remains_in_any_feeds_content(site):
    for folder in feed_folders(site):
        # The raw text, not feedparser's: its sanitizer blanks `tel:` links, which e-mail clients follow.
        rss = ET.parse(folder / "feed.xml").getroot()
        atom = ET.parse(folder / "atom.xml").getroot()
        contents = [e.text or "" for e in rss.iter("{http://purl.org/rss/1.0/modules/content/}encoded")]
        contents += [e.text or "" for e in atom.iter("{http://www.w3.org/2005/Atom}content")]
        contents += [item.get("content_html", "") for item in json.loads((folder / "feed.json").read_bytes())["items"]]
        for content in contents:
            for url in urls_in(content):
                assert re.match(r"^(https?:|mailto:|tel:|#)", url), f"{folder}: relative URL {url!r} in a feed's content"


def entry_of(parsed, slug: str):
    found = [e for e in parsed.entries if e.link == f"{BASE_URL}posts/{slug}/"]
    assert found, f"no entry for {slug}"
    return found[0]


def test_a_reports_pdf_is_an_enclosure_with_its_length_and_type(site):
    pdfs = list((site / "posts" / "court-watch-report-fall-2026").glob("*.pdf"))
    assert pdfs, "the example report has a PDF"
    pdf = pdfs[0]
    url = f"{BASE_URL}posts/court-watch-report-fall-2026/{pdf.name}"
    for name in ("feed.xml", "atom.xml"):
        entry = entry_of(feedparser.parse((site / "kinds" / "report" / name).read_bytes()), "court-watch-report-fall-2026")
        enclosures = [e for e in entry.get("enclosures", []) if e.get("href") == url]
        assert enclosures, f"{name}: {entry.get('enclosures')}"
        assert int(enclosures[0]["length"]) == pdf.stat().st_size and enclosures[0]["type"] == "application/pdf"
    items = json.loads((site / "kinds" / "report" / "feed.json").read_bytes())["items"]
    attachment = [i for i in items if i["url"].endswith("/court-watch-report-fall-2026/")][0]["attachments"][0]
    assert attachment == {"url": url, "mime_type": "application/pdf", "title": attachment["title"], "size_in_bytes": pdf.stat().st_size}


def test_featured_image_authors_and_terms(site):
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    with_image = [e for e in parsed.entries if e.get("media_content")]
    assert with_image, "no entry has media:content"
    for entry in with_image:
        media = entry.media_content[0]
        assert media["url"].startswith(BASE_URL) and media["medium"] == "image"
        # A raster image says its size (an SVG has none of its own).
        assert media["type"] == "image/svg+xml" or int(media["width"]) > 0, media
        assert f'src="{media["url"]}"' in entry.content[0].value, "the featured image is in the content too"
    perspectives = feedparser.parse((site / "kinds" / "perspective" / "feed.xml").read_bytes()).entries
    assert perspectives and all(e.get("author") for e in perspectives), "perspectives are signed"
    assert any(len(e.get("tags", [])) >= 2 for e in parsed.entries), "categories and tags are item categories"


def test_an_events_item_says_when_with_its_zone_where_and_how_to_join(site):
    for entry in feedparser.parse((site / "events" / "feed.xml").read_bytes()).entries:
        content = entry.content[0].value
        assert re.search(r"\(UTC(?:[+\u2212]\d\d:\d\d)?\)", content), f"{entry.title}: no time zone in {content[:300]}"
        assert "event.ics" in content, f"{entry.title}: no calendar link"


def test_a_feed_stays_under_512_kb_keeping_summaries(tmp_path):
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "themes").symlink_to(support.REPO / "themes")
    (src / "site.yml").write_text('base_url: "https://example.org/"\n', encoding="utf-8")
    paragraph = "Words of a long report, " * 40
    for n in range(20):
        body = "\n\n".join(f"{paragraph}{n}-{k}." for k in range(60))
        (src / "content" / "posts" / f"p{n:02}.md").write_text(
            f'---\ntitle: "Long {n}"\ndate: 2026-10-{n + 1:02}\nsummary: "Summary {n}."\n---\n{body}\n', encoding="utf-8")
    support.build_ok(src, src / "site")
    for name in FORMATS:
        raw = (src / "site" / name).read_bytes()
        assert len(raw) < 512 * 1024, f"{name} is {len(raw)} bytes"
    parsed = feedparser.parse((src / "site" / "feed.xml").read_bytes())
    assert len(parsed.entries) == 20 and not parsed.bozo
    whole = [e for e in parsed.entries if e.get("content")]
    assert 1 <= len(whole) < 20, "the newest items keep their text, the rest their summary"
    assert parsed.entries[0].get("content") and not parsed.entries[-1].get("content")
    assert parsed.entries[-1].summary == "Summary 0."


def test_feeds_chosen_in_site_yml_are_the_only_ones(tmp_path):
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "themes").symlink_to(support.REPO / "themes")
    (src / "site.yml").write_text('base_url: "https://example.org/"\nfeeds: [atom]\n', encoding="utf-8")
    (src / "content" / "posts" / "a.md").write_text('---\ntitle: "A"\ndate: 2026-10-01\n---\nBody.\n', encoding="utf-8")
    support.build_ok(src, src / "site")
    assert (src / "site" / "atom.xml").is_file()
    assert not (src / "site" / "feed.xml").exists() and not (src / "site" / "feed.json").exists()
    page = (src / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="/atom.xml">' in page and "/feed.xml" not in page


def test_a_misspelt_feed_format_is_an_error_at_its_line(tmp_path):
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "site.yml").write_text('base_url: "https://example.org/"\nfeeds: [rss, atmo]\n', encoding="utf-8")
    (src / "content" / "posts" / "a.md").write_text('---\ntitle: "A"\ndate: 2026-10-01\n---\nBody.\n', encoding="utf-8")
    proc = support.run_build(src, src / "site")
    assert proc.returncode == 1
    assert 'site.yml:2:14: `feeds` has "atmo" that is not a feed format: write rss, atom, json or several' in proc.stderr, proc.stderr
    assert "did you mean `atom`?" in proc.stderr
