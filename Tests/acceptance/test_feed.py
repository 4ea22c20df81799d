"""feed.xml as a feed reader sees it (Python's feedparser), plus the raw RSS 2.0
elements the spec promises (content:encoded, atom:link rel=self, ...)."""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import pytest

import support
from support import BASE_URL, NOW

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"


def when(struct) -> int:
    return calendar.timegm(struct)


def test_feed_is_well_formed_rss20(feed):
    assert not feed.bozo, f"feedparser flagged the feed (bozo): {feed.get('bozo_exception')!r}"
    assert feed.version == "rss20", f"feedparser sees version {feed.version!r}, not rss20"


def test_channel_metadata(feed):
    ch = feed.feed
    assert ch.get("title"), "channel <title> missing or empty"
    assert ch.get("link", "").startswith(BASE_URL), \
        f"channel <link> {ch.get('link')!r} should be absolute, under {BASE_URL}"
    assert ch.get("language"), "channel <language> missing"
    assert ch.get("updated_parsed"), "channel <lastBuildDate> missing or unparsable"
    selfs = [l for l in ch.get("links", []) if l.get("rel") == "self"]
    assert selfs, "no <atom:link rel=\"self\"> in the channel"
    assert selfs[0]["href"] == BASE_URL + "feed.xml", \
        f"atom:link rel=self is {selfs[0]['href']!r}, expected {BASE_URL}feed.xml"


def test_entry_count(feed):
    n = len(feed.entries)
    assert 1 <= n <= 20, f"feed has {n} entries, expected between 1 and 20"


def test_every_entry_is_complete(feed, site):
    problems = []
    for i, e in enumerate(feed.entries):
        name = f"entry {i} ({e.get('title', '<no title>')!r})"
        if not e.get("title"):
            problems.append(f"{name}: no title")
        link = e.get("link", "")
        if not link.startswith(BASE_URL):
            problems.append(f"{name}: link {link!r} is not absolute under {BASE_URL}")
        else:
            target = support.url_path_to_file(site, "/" + link[len(BASE_URL):])
            if not target.is_file():
                problems.append(f"{name}: link {link!r} has no page in the output ({target})")
        if not e.get("published_parsed"):
            problems.append(f"{name}: no parsable <pubDate>")
        if not e.get("id"):
            problems.append(f"{name}: no <guid>")
        content = e.get("content") or []
        if not content or not content[0].get("value", "").strip():
            problems.append(f"{name}: no content (content:encoded)")
        elif not re.search(r"<[a-z][^>]*>", content[0]["value"], re.I):
            problems.append(f"{name}: content is not HTML: {content[0]['value'][:80]!r}")
        if not (e.get("summary") or "").strip():
            problems.append(f"{name}: no summary (<description>)")
    assert not problems, "\n".join(problems)


def test_guids_and_links_are_unique(feed):
    ids = [e.get("id") for e in feed.entries]
    links = [e.get("link") for e in feed.entries]
    assert len(set(ids)) == len(ids), f"duplicate guids: {ids}"
    assert len(set(links)) == len(links), f"duplicate links: {links}"


def test_entries_newest_first_and_not_in_future(feed):
    dates = [when(e.published_parsed) for e in feed.entries if e.get("published_parsed")]
    assert dates == sorted(dates, reverse=True), (
        "entries are not newest first: "
        + ", ".join(f"{e.get('published')} {e.get('title')!r}" for e in feed.entries))
    now = int(datetime.fromisoformat(NOW.replace("Z", "+00:00")).timestamp())
    future = [f"{e.get('published')} {e.get('title')!r}" for e in feed.entries
              if e.get("published_parsed") and when(e.published_parsed) > now]
    assert not future, f"posts dated after --now {NOW} are in the feed: {future}"


def test_some_entries_have_categories(feed):
    assert any(e.get("tags") for e in feed.entries), "no <category> in any feed item"


# ----------------------------------------------------------- the raw XML


@pytest.fixture(scope="module")
def channel(feed_path):
    root = ET.parse(feed_path).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0", \
        f"root element is <{root.tag} version={root.get('version')!r}>, expected <rss version=\"2.0\">"
    ch = root.find("channel")
    assert ch is not None, "no <channel>"
    return ch


def test_raw_elements(channel):
    assert channel.find("language") is not None, "no <language>"
    assert channel.find("lastBuildDate") is not None, "no <lastBuildDate>"
    assert channel.find(f"{{{ATOM_NS}}}link[@rel='self']") is not None, "no <atom:link rel=self>"
    items = channel.findall("item")
    assert items, "no <item>"
    for item in items:
        t = item.findtext("title")
        for tag in ("title", "link", "guid", "pubDate", "description", f"{{{CONTENT_NS}}}encoded"):
            assert item.find(tag) is not None, f"item {t!r} has no <{tag}>"


def test_feed_html_uses_absolute_urls(channel):
    """Feed readers show content:encoded away from the site: a root-relative
    href="/posts/x/" or src="/images/y.png" there is broken."""
    bad = []
    for item in channel.findall("item"):
        for tag in ("description", f"{{{CONTENT_NS}}}encoded"):
            html = item.findtext(tag) or ""
            for m in re.finditer(r"""\b(href|src|srcset)\s*=\s*["']?(/(?!/)[^"'\s>]*)""", html, re.I):
                bad.append(f"{item.findtext('title')!r} <{tag.split('}')[-1]}>: {m.group(1)}={m.group(2)}")
    assert not bad, "root-relative URLs in feed HTML (should be absolute):\n" + "\n".join(bad)
