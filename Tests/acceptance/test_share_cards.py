"""Share cards and structured data as the tools of search engines and chat apps read them:
extruct finds exactly one JSON-LD item on every page, of the right type, with the properties
search engines require; Open Graph and Twitter tags name the page's own title, description,
address and image."""

from __future__ import annotations

import json
import re
import urllib.parse

import extruct
import pytest

import support
from support import BASE_URL

REQUIRED = {
    "NewsArticle": {"headline", "datePublished", "dateModified", "author", "publisher", "url", "description"},
    "Event": {"name", "startDate", "location", "eventStatus", "eventAttendanceMode", "organizer", "url", "description"},
    "CollectionPage": {"name", "url", "inLanguage"},
    "WebSite": {"name", "url", "publisher"},
    "WebPage": {"name", "url", "inLanguage"},
}


def page_url(site, path) -> str:
    relative = path.relative_to(site).as_posix()
    folder = relative[: -len("index.html")] if relative.endswith("index.html") else relative
    return BASE_URL + urllib.parse.quote(folder)


def structured(path, url):
    return extruct.extract(path.read_text(encoding="utf-8"), base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)


def expected_type(site, path) -> str | None:
    relative = path.relative_to(site).as_posix()
    if relative.startswith("posts/"):
        return "Event" if (path.parent / "event.ics").exists() else "NewsArticle"
    if relative in ("index.html", "es/index.html"):
        return "WebSite"
    # 404 pages, and the pages of content/pages/ (About, Donate …), which are not news.
    if path.name == "404.html" or (support.source_dir() / "content" / "pages" / (page_source(relative) + ".md")).exists():
        return "WebPage"
    return "CollectionPage"


def page_source(relative: str) -> str:
    """`es/acerca-de/index.html` → `acerca-de`: the example site's pages are single files."""
    parts = relative.split("/")[:-1]
    return "/".join(parts[1:] if parts and parts[0] == "es" else parts)


def redirect_page(path) -> bool:
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def test_every_page_has_exactly_one_json_ld_item_of_its_type(site, pages):
    checked = 0
    for path in pages:
        if redirect_page(path):
            continue
        url = page_url(site, path)
        data = structured(path, url)["json-ld"]
        assert len(data) == 1, f"{path}: {len(data)} JSON-LD items"
        item = data[0]
        want = expected_type(site, path)
        assert item["@type"] == want, f"{path}: {item['@type']} instead of {want}"
        missing = REQUIRED[want] - set(item)
        assert not missing, f"{path}: {want} without {sorted(missing)}"
        assert item["url"] == url, f"{path}: url {item['url']}"
        checked += 1
    assert checked > 50


def test_events_have_a_place_or_a_virtual_location(site):
    for ics in site.glob("posts/*/event.ics"):
        item = structured(ics.parent / "index.html", page_url(site, ics.parent / "index.html"))["json-ld"][0]
        places = item["location"] if isinstance(item["location"], list) else [item["location"]]
        assert {p["@type"] for p in places} <= {"Place", "VirtualLocation"}
        for place in places:
            assert place.get("address") or place.get("url"), place
        mode = item["eventAttendanceMode"]
        assert mode.startswith("https://schema.org/") and mode.endswith("EventAttendanceMode")


def test_open_graph_and_twitter_say_what_the_page_is(site):
    path = site / "posts" / "candles-at-the-fence" / "index.html"
    html = path.read_text(encoding="utf-8")
    # Open Graph as extruct reads it (property, value pairs).
    og = dict(extruct.extract(html, base_url=page_url(site, path), syntaxes=["opengraph"])["opengraph"][0]["properties"])
    assert og["og:type"] == "article" and og["og:url"] == BASE_URL + "posts/candles-at-the-fence/"
    assert og["og:title"].startswith("Candles at the Fence")
    assert og["og:image"].startswith(BASE_URL + "posts/candles-at-the-fence/") and og["og:image:width"] == "1200"
    assert og["og:image:alt"] and og["og:site_name"] and og["og:description"] and og["og:locale"] == "en"
    assert f'<link rel="canonical" href="{BASE_URL}posts/candles-at-the-fence/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    assert description == og["og:description"] and description.startswith("More than two hundred people")


def test_a_translated_post_names_its_other_locale(site):
    html = (site / "posts" / "qa-know-your-rights-clinic" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:locale" content="en">' in html
    assert '<meta property="og:locale:alternate" content="es">' in html


def test_pages_without_a_summary_of_their_own_have_the_sites_description(site, source):
    import yaml

    description = yaml.safe_load((source / "site.yml").read_text(encoding="utf-8"))["description"]
    html = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="([^"]*)">', html).group(1) == description.replace("'", "&#39;")


def test_hostile_front_matter_stays_inside_its_json_string(tmp_path):
    src = tmp_path / "src"
    (src / "content" / "posts").mkdir(parents=True)
    (src / "themes").symlink_to(support.REPO / "themes")
    (src / "site.yml").write_text('base_url: "https://example.org/"\ntitle: "Net </script><script>alert(1)</script>"\n', encoding="utf-8")
    title = 'Day "1" </script><img src=x onerror=alert(2)> & \u0301 \u2028'
    (src / "content" / "posts" / "a.md").write_text(
        '---\ntitle: "Day \\"1\\" </script><img src=x onerror=alert(2)> & \u0301 \\L"\ndate: 2026-10-01\n'
        'author: "Ana </script>"\nevent:\n  start: 2026-10-05T18:00:00-05:00\n  location: "Hall <b>&</b>"\n---\nBody.\n',
        encoding="utf-8")
    support.build_ok(src, src / "site")
    html = (src / "site" / "posts" / "a" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1 and "<" not in blocks[0] and "\u2028" not in blocks[0]
    item = json.loads(blocks[0])
    assert item["name"] == title and item["location"]["address"] == "Hall <b>&</b>"
    assert item["organizer"]["name"] == "Net </script><script>alert(1)</script>"
    assert html.count("<script") == 1, "no other script element was opened"
