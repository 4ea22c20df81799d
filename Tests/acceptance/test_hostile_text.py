"""Text that tries to break out of its place, read back by real parsers.

Every text field of a post and of site.yml holds a quote, an apostrophe, `<` and `&`, each
followed by combining marks (a Swift `Character` that is not `"`), and markup that would run
script if it escaped. The same site is built a second time with plain letters in the same
places. A real HTML5 parser (html5lib) must then find exactly the same elements and attributes
in both builds: nothing appears that the theme did not write. The feed is parsed as XML and
what a reader sees (titles, categories, the HTML of `description`) is compared with the input.
"""

from __future__ import annotations

import collections
import json
import xml.etree.ElementTree as ET

import html5lib
import pytest

import support

MARKS = "\u0301\u0308"
# Each payload closes an attribute or opens a tag if a quote, apostrophe or `<` is let through.
HOSTILE = {
    "site_title": f'Net"{MARKS} onmouseover=alert(1) x="{MARKS}',
    "site_description": f"Desc'{MARKS} onfocus=alert(2) autofocus x='{MARKS} <{MARKS}img src=x onerror=alert(3)>",
    "title": f'Title"{MARKS}><{MARKS}script>alert(4)</script> &{MARKS}amp; \'{MARKS}',
    "summary": f'Sum <{MARKS}img src=x onerror=alert(5)> "{MARKS} &{MARKS}lt;b&gt; \'{MARKS}',
    "category": f'Cat"{MARKS} <{MARKS}b>&{MARKS}',
    "tag": f"Tag'{MARKS} <{MARKS}i onclick=alert(6)>",
    "series": f'Series"{MARKS} onload=alert(7) <{MARKS}svg/onload=alert(8)>',
    "body": f'Body "{MARKS} onmouseover=alert(9) <{MARKS}img src=x onerror=alert(10)> &{MARKS} \'{MARKS}',
}
# A first paragraph that quotes markup in a code span becomes the summary of the second post:
# in the feed's description it must stay text, never become an image.
CODE_SPAN = "Quote `<img src=x onerror=alert(11)>` as text."


def plain(text: str) -> str:
    """The same text with every hostile character a letter and no marks, so both sites have
    the same shape (Markdown's own syntax, such as a code span's backticks, stays)."""
    return "".join("" if ch in MARKS else "x" if ch in "\"'<>&" else ch for ch in text)


def yaml_string(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar; json escapes `"` and `\` by scalar.
    return json.dumps(text, ensure_ascii=False)


def write_site(root, fields: dict[str, str], code_span: str):
    (root / "content" / "posts").mkdir(parents=True)
    (root / "themes").symlink_to(support.REPO / "themes")
    (root / "site.yml").write_text(
        f"title: {yaml_string(fields['site_title'])}\n"
        f"description: {yaml_string(fields['site_description'])}\n"
        "base_url: \"https://example.org/\"\n", encoding="utf-8")
    (root / "content" / "posts" / "a.md").write_text(
        "---\n"
        f"title: {yaml_string(fields['title'])}\n"
        "date: 2026-10-02\n"
        f"summary: {yaml_string(fields['summary'])}\n"
        f"categories: [{yaml_string(fields['category'])}]\n"
        f"tags: [{yaml_string(fields['tag'])}]\n"
        f"series: {yaml_string(fields['series'])}\n"
        "series_day: 1\n"
        f"note: {yaml_string(fields['body'])}\n"
        "---\n"
        f"{fields['body']}\n", encoding="utf-8")
    (root / "content" / "posts" / "b.md").write_text(
        "---\n"
        f"title: {yaml_string(fields['title'])}\n"
        "date: 2026-10-01\n"
        f"categories: [{yaml_string(fields['category'])}]\n"
        "---\n"
        f"{code_span}\n\nMore.\n", encoding="utf-8")


def structure(root) -> list[tuple[str, tuple[str, ...]]]:
    """Every element in document order with the names of its attributes."""
    return [(el.tag.split("}")[-1], tuple(sorted(el.attrib))) for el in root.iter() if isinstance(el.tag, str)]


def html_structures(site) -> collections.Counter:
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    return collections.Counter(
        tuple(structure(parser.parse(page.read_bytes(), transport_encoding="utf-8")))
        for page in support.html_files(site))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    out = {}
    for name, fields, code_span in (("hostile", HOSTILE, CODE_SPAN),
                                    ("plain", {k: plain(v) for k, v in HOSTILE.items()}, plain(CODE_SPAN))):
        src = tmp_path_factory.mktemp(name) / "src"
        write_site(src, fields, code_span)
        support.build_ok(src, src / "site")
        out[name] = src / "site"
    return out


def test_no_element_or_attribute_appears_that_the_theme_did_not_write(builds):
    hostile, benign = html_structures(builds["hostile"]), html_structures(builds["plain"])
    assert sum(hostile.values()) == sum(benign.values()) > 5
    assert hostile == benign


def test_text_reaches_the_reader_as_written(builds):
    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    doc = parser.parse((builds["hostile"] / "posts" / "a" / "index.html").read_bytes(), transport_encoding="utf-8")
    assert doc.find(".//title").text == f"{HOSTILE['title']} | {HOSTILE['site_title']}"
    assert doc.find(".//h1").text == HOSTILE["title"]
    # The post's own summary describes it (the site's description is for pages without one).
    assert doc.find(".//meta[@name='description']").get("content") == HOSTILE["summary"]
    assert doc.find(".//link[@rel='alternate']").get("title") == HOSTILE["site_title"] + " (RSS)"
    body = "".join(doc.find(".//div[@class='post-content']").itertext()).strip()
    assert body == HOSTILE["body"].replace('"', "\u201c", 1).replace('"', "\u201d").replace("'", "\u2019")  # cmark's smart quotes
    home = parser.parse((builds["hostile"] / "index.html").read_bytes(), transport_encoding="utf-8")
    assert [p.text for p in home.iterfind(".//p[@class='summary']")] == [HOSTILE["summary"], "Quote <img src=x onerror=alert(11)> as text."]


def test_feed_items_are_text_where_readers_render_html(builds):
    raw = (builds["hostile"] / "feed.xml").read_bytes()
    channel = ET.fromstring(raw).find("channel")
    assert channel.find("title").text == HOSTILE["site_title"]
    assert channel.find("description").text == HOSTILE["site_description"]
    items = channel.findall("item")
    assert [i.find("title").text for i in items] == [HOSTILE["title"], HOSTILE["title"]]
    # Categories, then tags.
    assert [c.text for c in items[0].findall("category")] == [HOSTILE["category"], HOSTILE["tag"]]
    # What a feed reader renders: `description` is HTML. It must hold text only.
    for item, summary in zip(items, [HOSTILE["summary"], "Quote <img src=x onerror=alert(11)> as text."]):
        fragment = html5lib.parseFragment(item.find("description").text, namespaceHTMLElements=False)
        assert list(fragment) == [], "description holds markup a reader would render"
        assert fragment.text == summary
    # The full post in content:encoded: the same elements as the plain build's, nothing more.
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    plain_items = ET.fromstring((builds["plain"] / "feed.xml").read_bytes()).find("channel").findall("item")
    for item, plain_item in zip(items, plain_items):
        got = html5lib.parseFragment(item.find(content).text, namespaceHTMLElements=False)
        want = html5lib.parseFragment(plain_item.find(content).text, namespaceHTMLElements=False)
        assert structure(got) == structure(want)
