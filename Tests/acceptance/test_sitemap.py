"""The example site's sitemap, robots.txt and 404 pages as search engines and hosts read them."""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET

import support
from support import BASE_URL

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return root.findall("s:url", NS)


def test_xmllint_reads_the_sitemap(site):
    proc = support.run([support.tool("xmllint"), "--noout", str(site / "sitemap.xml")], timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_every_url_in_the_sitemap_is_a_page_of_the_output(site):
    locs = [u.find("s:loc", NS).text for u in entries(site)]
    assert len(locs) == len(set(locs)) > 30
    for loc in locs:
        assert loc.startswith(BASE_URL), loc
        path = "/" + urllib.parse.unquote(loc[len(BASE_URL):])
        target = support.url_path_to_file(site, path)
        assert target is not None and target.is_file(), f"{loc} has no page in the output"
        assert 'http-equiv="refresh"' not in target.read_text(encoding="utf-8"), f"{loc} is a redirect"


def test_every_hreflang_pair_is_reciprocal_and_names_itself(site):
    alternates = {}
    for url in entries(site):
        links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", NS)}
        if links:
            alternates[url.find("s:loc", NS).text] = links
    assert alternates, "the example site has translations"
    for loc, links in alternates.items():
        assert loc in links.values(), f"{loc} does not name itself"
        assert "x-default" in links
        for lang, href in links.items():
            if lang == "x-default":
                continue
            assert alternates.get(href) == links, f"{loc} → {href} ({lang}) is not answered the same way"


def test_robots_names_the_sitemap_and_lets_crawlers_in(site):
    assert (site / "robots.txt").read_text(encoding="utf-8") == f"User-agent: *\nAllow: /\n\nSitemap: {BASE_URL}sitemap.xml\n"


def test_each_language_has_a_404_page_that_search_engines_skip(site):
    for path in (site / "404.html", site / "es" / "404.html"):
        html = path.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex">' in html
        assert 'href="/categories/"' in html and 'href="/css/style.css"' in html
